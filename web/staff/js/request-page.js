// One request (/staff/requests/{referenceNumber}): every detail, the files, the history, internal
// notes, footage preservation and the decisions this user may make now. Every change carries the
// ETag of the detail shown (If-Match), so a decision on a version someone else has since changed
// is refused (412/409) and the page shows the latest one instead.
import {
  badge, busy, bytes, countryName, dateTime, fail, field, flags, form, fullName, html, inDays, lang, longDate, nothing, onLangChange, onSubmit, option,
  pageError, say, setValue, shortDate, showErrors, startPage, statusLine, summary, t, update, valueOf,
} from "./ui.js";
import { handOverSection, startHandOver } from "./handover.js";
import { onlineCopySection, startOnlineCopy } from "./online-copy.js";
import { requestMessages } from "./messages.js";
import { startVisits, visitsSection } from "./visits.js";
import { ApiError, call, get, messageOf } from "./staff-api.js";

const match = location.pathname.match(/^\/staff\/requests\/([^/]+)\/?$/);
const ref = match ? decodeURIComponent(match[1]) : "";
const base = `/api/staff/requests/${encodeURIComponent(ref)}`;
const CONFLICTS = [409, 412, 428];
const [decision, notes, preservation, cancel] = ["decision", "note", "preservation", "cancel"].map((id) => form(id));
let detail = null;
let etag = null;
let reasons = [];
let loadState = { key: "common.loading" };
let messages = null;

async function load() {
  const { data, etag: tag } = await call("GET", base);
  detail = data;
  etag = tag;
  update();
}

/** The e-mails and SMS about the request: read with the request, and again after each change (a decision writes one). */
async function loadMessages() {
  try {
    messages = await get(`${base}/messages`);
  } catch (err) {
    messages = { error: messageOf(err) };
  }
  update();
}

/**
 * Sends a change with the ETag shown and takes the new detail it answers; after a conflict
 * (someone else changed the request) says so on f's status line, shows the latest version and
 * resolves with null.
 */
export async function change(path, body, f) {
  try {
    const answer = await call("POST", `${base}/${path}`, { body, headers: etag ? { "If-Match": etag } : {} });
    if (answer.data?.referenceNumber && answer.etag) {
      detail = answer.data;
      etag = answer.etag;
      update();
    } else await load();
    loadMessages();
    return answer;
  } catch (err) {
    if (!(err instanceof ApiError) || !CONFLICTS.includes(err.status)) throw err;
    say(f, "d.conflict", {}, true);
    await load().catch((e) => pageError(messageOf(e)));
    return null;
  }
}

// ---- Decisions ----
const allowed = (action) => (detail?.allowedActions ?? []).includes(action);

function decide(action, doneKey) {
  return async (e) => {
    say(decision, "d.working");
    await busy(e.currentTarget, async () => {
      try {
        if (await change(action, {}, decision)) say(decision, doneKey);
      } catch (err) {
        fail(decision, err);
      }
    });
    document.getElementById("decision-title").focus();
  };
}

async function openCancel() {
  showErrors(cancel, {});
  setValue(cancel, "message", "");
  document.getElementById("cancel-dialog").showModal();
  try {
    reasons = await get("/api/staff/cancellation-reasons");
    update();
  } catch (err) {
    fail(cancel, err);
  }
  document.getElementById("cancel-reasonCode").focus();
}

const sendCancel = onSubmit(cancel, async () => {
  const dialog = document.getElementById("cancel-dialog");
  const answer = await change("cancel", { reasonCode: valueOf(cancel, "reasonCode"), message: valueOf(cancel, "message") }, cancel);
  // After a conflict the dialog stays open (the message is kept) while cancelling can still be done.
  if (answer || !allowed("cancel")) dialog.close();
  if (answer) say(decision, "d.cancelled");
  else if (!allowed("cancel")) say(decision, "d.conflict", {}, true);
});

// ---- Notes and preservation ----
const entryForm = (f, path, apiField, doneKey) => onSubmit(f, async () => {
  if (await change(path, { [apiField]: valueOf(f, apiField) }, f)) {
    setValue(f, apiField, "");
    say(f, doneKey);
  }
});
const addNote = entryForm(notes, "notes", "text", "d.noteAdded");
const preserve = entryForm(preservation, "preservation", "note", "d.preserved");

// ---- Rendering ----
const facts = (pairs) => html`<dl class="facts">${pairs.filter(Boolean).map(([label, value]) =>
  html`<dt>${label}</dt><dd>${value === null || value === undefined || value === "" ? "-" : value}</dd>`)}</dl>`;

const languageName = (code) => {
  try {
    return new Intl.DisplayNames([lang()], { type: "language" }).of(code) || code;
  } catch {
    return code;
  }
};

function applicant(a) {
  return facts([
    [t("w.name"), fullName(a)],
    a.identityKind === "Passport"
      ? [t("field.passportNumber"), t("d.passportValue", { number: a.passportNumber, country: countryName(a.passportCountry) })]
      : [t("field.nationalId"), a.nationalId],
    [t("field.age"), a.age === null || a.age === undefined ? null : t("d.ageValue", { n: a.age })],
    [t("field.ethnicity"), a.ethnicity],
    [t("field.nationality"), a.nationality],
    [t("field.address"), a.address],
    [t("field.phone"), a.phone ? html`<a href="tel:${a.phone.replace(/[^0-9+]/g, "")}">${a.phone}</a>` : null],
  ]);
}

function request(d) {
  const c = d.privacyConsent;
  return facts([
    [t("w.reference"), d.referenceNumber],
    [t("w.status"), d.statusText],
    [t("field.writtenOn"), shortDate(d.writtenOn)],
    [t("w.submittedOn"), dateTime(d.submittedAt)],
    [t("w.purpose"), d.purposeText],
    (d.purpose === "Copy" || (d.fileCount ?? 0) > 0) && [t("field.fileCount"), d.fileCount],
    [t("w.location"), d.stationName],
    [t("w.incidentDate"), shortDate(d.incidentDate)],
    [t("field.incidentTime"), d.incidentTime],
    [t("field.reason"), d.reason ? html`<span class="prewrap">${d.reason}</span>` : null],
    [t("d.overwrittenOn"), shortDate(d.footageOverwrittenOn)],
    [t("d.consent"), c ? t("d.consentValue", { version: c.noticeVersion, language: languageName(c.language), at: dateTime(c.acceptedAt) }) : null],
  ]);
}

const newTab = (href, label, name) => html`<a class="button button--secondary button--small" href=${href} target="_blank" rel="noopener">${label}<span class="visually-hidden"> ${name} ${t("d.newTab")}</span></a>`;

function attachment(a) {
  const url = `${base}/attachments/${encodeURIComponent(a.id)}`;
  const image = a.contentType === "image/jpeg" || a.contentType === "image/png";
  return html`<li class="attachment attachment--${String(a.kind).toLowerCase()}">
    <h3 class="attachment__title">${a.kindText}</h3>
    <p class="attachment__name">${a.fileName}</p>
    ${image ? html`<img class="attachment__image" src="${url}?inline=true" alt="${a.kindText}: ${a.fileName}" loading="lazy">` : nothing}
    <p class="attachment__actions">
      ${image ? newTab(`${url}?inline=true`, t("d.openImage"), a.fileName) : a.contentType === "application/pdf" ? newTab(`${url}?inline=true`, t("d.openPdf"), a.fileName) : nothing}
      <a class="button button--secondary button--small" href=${url} download=${a.fileName}>${t("w.download")}<span class="visually-hidden"> ${a.fileName}</span></a>
    </p>
    <p class="attachment__meta">${a.contentType}, ${bytes(a.sizeBytes)}${a.sha256 ? html`<br>SHA-256: <code>${a.sha256}</code>` : nothing}</p>
  </li>`;
}

const line = (label, value) => (value ? html`<p><span class="entry__label">${label}</span> <span class="prewrap">${value}</span></p>` : nothing);

const history = (h) => html`<li><span class="timeline__time">${dateTime(h.at)}</span> <strong>${h.statusText}</strong>
  ${h.actorName ? t("w.by", { name: h.actorName }) : nothing}
  ${line(t("d.historyReason"), h.reasonText || h.reasonCode)}${line(t("d.historyMessage"), h.message)}${line(t("d.historyNote"), h.note)}</li>`;

const entries = (id, items, emptyKey, who, body) => html`<ul class="entries" id=${id}>${items?.length
  ? items.map((item) => html`<li><p class="entries__meta">${dateTime(item.at)} ${t("w.by", { name: item[who] })}</p><p class="prewrap">${item[body]}</p></li>`)
  : html`<li class="entries__empty">${t(emptyKey)}</li>`}</ul>`;

function clock(d) {
  const preserved = d.preservations.length > 0;
  const kind = d.flag ? ` clock--${d.flag === "overwritten" ? "gone" : "soon"}` : "";
  return html`<div class="clock${kind}${preserved ? " clock--preserved" : ""}" id="d-clock">
    <p class="clock__date">${d.footageOverwrittenOn ? t("d.clockOn", { date: longDate(d.footageOverwrittenOn) }) : ""}</p>
    <p class="clock__left">${inDays(d.daysLeft)}</p>
    <p class="clock__flags" ?hidden=${!d.flag && !preserved}>${flags({ flag: d.flag, preserved })}</p>
  </div>`;
}

const entryFormView = (f, apiField, submit, { label, hint, limit, button, action }) => (allowed(action) ? html`
  <form novalidate @submit=${submit}>${summary(f)}
    ${field(f, apiField, { label, hint, limit, rows: 3 })}
    <button type="submit" class="button button--secondary">${button}</button>${statusLine(f)}
  </form>` : nothing);

function detailView(d) {
  const decisions = ["receive", "approve", "cancel"].some(allowed);
  return html`
    <div class="detail-top"><p class="detail-top__status">${badge(d.status, d.statusText, "d-status")}</p>${clock(d)}</div>
    <section class="panel decision" id="decision">
      <h2 id="decision-title" tabindex="-1">${t("d.actions")}</h2>
      <div class="button-row">
        ${allowed("receive") ? html`<button type="button" class="button button--primary" @click=${decide("receive", "d.received")}>${t("d.receive")}</button>` : nothing}
        ${allowed("approve") ? html`<button type="button" class="button button--primary" @click=${decide("approve", "d.approved")}>${t("d.approve")}</button>` : nothing}
        ${allowed("cancel") ? html`<button type="button" class="button button--danger" @click=${openCancel}>${t("d.cancel")}</button>` : nothing}
        <a class="button button--secondary" href="/staff/requests/${encodeURIComponent(d.referenceNumber)}/print">${t("d.print")}</a>
      </div>
      <p class="hint" ?hidden=${decisions}>${t("d.noActions")}</p>
      ${statusLine(decision)}
    </section>
    ${onlineCopySection(d)}
    ${visitsSection(d)}
    ${handOverSection(d, allowed("handover"))}
    <div class="detail-grid">
      <section class="panel"><h2>${t("w.applicant")}</h2><div id="d-applicant">${applicant(d.applicant)}</div></section>
      <section class="panel"><h2>${t("d.request")}</h2><div id="d-request">${request(d)}</div></section>
    </div>
    <section class="panel"><h2>${t("d.attachments")}</h2>
      <ul class="attachments" id="d-attachments">${d.attachments?.length ? d.attachments.map(attachment) : html`<li>${t("d.noAttachments")}</li>`}</ul></section>
    <section class="panel"><h2>${t("d.history")}</h2><ol class="timeline staff-timeline" id="d-history">${(d.history ?? []).map(history)}</ol></section>
    ${requestMessages(messages)}
    <div class="detail-grid">
      <section class="panel"><h2>${t("d.notes")}</h2><p class="hint">${t("d.notesHint")}</p>
        ${entries("d-notes", d.notes, "d.noNotes", "authorName", "text")}
        ${entryFormView(notes, "text", addNote, { label: t("d.noteLabel"), limit: "note.text", button: t("d.addNote"), action: "note" })}
      </section>
      <section class="panel"><h2>${t("d.preservations")}</h2>
        ${entries("d-preservations", d.preservations, "d.noPreservations", "recordedByName", "note")}
        ${entryFormView(preservation, "note", preserve, { label: t("d.preserveLabel"), hint: t("d.preserveHint"), limit: "preservation.note", button: t("d.preserve"), action: "preserve" })}
      </section>
    </div>`;
}

const cancelDialog = () => html`<dialog class="confirm-dialog" id="cancel-dialog" aria-labelledby="cancel-title" aria-describedby="cancel-text"
    @close=${() => document.getElementById("decision-title")?.focus()}>
  <form novalidate @submit=${sendCancel}>${summary(cancel)}
    <h2 id="cancel-title">${t("d.cancelTitle", { ref })}</h2>
    <p id="cancel-text">${t("d.cancelText")}</p>
    ${field(cancel, "reasonCode", { label: t("w.cancelReason"), options: [option("", t("d.chooseReason")), ...reasons.map((r) => option(r.code, r.text))] })}
    ${field(cancel, "message", { label: t("d.cancelMessage"), hint: t("d.cancelMessageHint"), limit: "cancel.message", rows: 4 })}
    ${statusLine(cancel)}
    <div class="dialog-actions">
      <button type="button" class="button button--secondary" @click=${() => document.getElementById("cancel-dialog").close()}>${t("w.back")}</button>
      <button type="submit" class="button button--danger">${t("d.confirmCancel")}</button>
    </div>
  </form>
</dialog>`;

const view = () => html`
  <p class="back-link"><a href="/staff/requests">${t("d.back")}</a></p>
  <h1 id="detail-title">${detail ? t("d.title", { ref: detail.referenceNumber }) : t("d.titleEmpty")}</h1>
  ${detail ? detailView(detail) : html`<p class="form-status ${loadState.error ? "form-status--error" : ""}" role="status">${t(loadState.key, loadState.values)}</p>`}
  ${cancelDialog()}`;

// The API's texts (status, station, purpose, kinds, reasons) are in the language asked for.
onLangChange(() => {
  if (detail) load().then(loadMessages, (err) => pageError(messageOf(err)));
  if (document.getElementById("cancel-dialog")?.open) get("/api/staff/cancellation-reasons").then((list) => { reasons = list; update(); }, () => {});
});

await startPage({ page: "request", nav: "requests", title: () => (detail ? t("d.title", { ref: detail.referenceNumber }) : t("d.titleEmpty")), view });
try {
  if (!ref) throw new ApiError(404, null);
  await load();
  loadMessages();
  startHandOver({ detail: () => detail, change });
  startOnlineCopy({ detail: () => detail, reload: load });
  startVisits({ detail: () => detail });
} catch (err) {
  loadState = err instanceof ApiError && err.status === 404
    ? { key: "w.notFound", error: true }
    : { key: "w.loadError", values: { error: messageOf(err) }, error: true };
  update();
}
