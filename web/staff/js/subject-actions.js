// What can be done for the person found on the subjects page: their requests (each correctable),
// their rights requests, a new rights request, a ZIP export of everything held, and erasure.
import {
  badge, bytes, dateField, dateOf, dateTime, field, form, html, labelOf, nothing, onSubmit, option, requestLink, rowButton, rules, say, setValue,
  shortDate, showErrors, statusLine, summary, t, table, today, tx, update, valueOf,
} from "./ui.js";
import { call, callForFile, post } from "./staff-api.js";

const API = "/api/staff/subjects";
// The person's status line, and the forms: rights request, export, correction, erasure.
const [status, rr, ex, cr, er] = ["subject", "rr", "ex", "cr", "er"].map((id) => form(id));
let correcting = null;
let current = null;

/** The person shown: the document searched for (every action sends it) and what the server holds. */
export const person = {
  doc: null,
  result: null,
  onChange: () => {},
  async find(doc) {
    const data = await post(`${API}/search`, doc);
    if (JSON.stringify(doc) !== JSON.stringify(person.doc)) {
      correcting = null;
      for (const f of [status, rr, ex, cr, er]) f.status = null;
    }
    person.doc = doc;
    person.result = { subject: data?.subject ?? {}, requests: data?.requests ?? [], rightsRequests: data?.rightsRequests ?? [] };
    update();
    return person.result.requests.length;
  },
  refresh: () => person.find(person.doc).catch((err) => say(status, "w.loadError", { error: err.message }, true)),
};

const openRights = () => (person.result?.rightsRequests ?? []).filter((r) => r.status === "Open");
/** The person's open rights requests, to tie an action to; the one open request of the action's own kind comes first. */
const rightsChoice = (f, kind, label) => {
  const open = openRights();
  const only = open.filter((r) => r.kind === kind).length === 1;
  return field(f, "rightsRequestId", { label, options: [option("", t("sj.noRightsChoice")), ...open.map((r) => option(r.id,
    t("sj.rightsOption", { kind: labelOf("rightsKinds", r.kind), asked: shortDate(r.askedOn), deadline: shortDate(r.deadline) }), only && r.kind === kind))] });
};
const rightsId = (f) => valueOf(f, "rightsRequestId") || null;

const logRights = onSubmit(rr, async () => {
  const askedOn = dateOf(rr, "askedOn");
  if (askedOn === null && showErrors(rr, { askedOn: t("err.date.invalid") })) return;
  const created = await post(`${API}/rights-requests`, { ...person.doc, kind: valueOf(rr, "kind"), askedOn, note: valueOf(rr, "note") });
  await person.refresh();
  setValue(rr, "note", "");
  say(rr, "sj.rrDone", { deadline: () => shortDate(created?.deadline) });
  person.onChange();
});

const exportAll = onSubmit(ex, async () => {
  say(ex, "sj.exWorking");
  const { blob, fileName } = await callForFile("POST", `${API}/export`, { body: { ...person.doc, rightsRequestId: rightsId(ex) ?? undefined } });
  const name = fileName || `subject-export-${today().replaceAll("-", "")}.zip`;
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started once click() returns; the URL is let go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  say(ex, "sj.exReady", { name, size: () => bytes(blob.size) });
});

async function openCorrection(r) {
  correcting = r;
  current = null;
  showErrors(cr, {});
  for (const name of ["field", "value", "note"]) setValue(cr, name, "");
  update();
  document.getElementById("correct-title").focus();
  // The request's current values, to show beside the field chosen (an audited view, as opening it).
  const { data } = await call("GET", `/api/staff/requests/${encodeURIComponent(r.referenceNumber)}`).catch(() => ({}));
  if (correcting === r) current = data?.applicant ?? null;
  update();
}

const closeCorrection = () => {
  correcting = null;
  update();
};

const correctable = () => rules().correctableFields;
const chosenField = () => correctable().find((c) => c.code.toLowerCase() === valueOf(cr, "field").toLowerCase());

const correct = onSubmit(cr, async () => {
  const ref = correcting.referenceNumber;
  const chosen = chosenField();
  await call("PUT", `/api/staff/requests/${encodeURIComponent(ref)}/applicant`, { body: { field: valueOf(cr, "field"), value: valueOf(cr, "value"), note: valueOf(cr, "note"), rightsRequestId: rightsId(cr) } });
  correcting = null;
  await person.refresh();
  say(status, "sj.crDone", { field: () => tx(chosen?.label), ref });
  document.getElementById("subject-title").focus();
});

function valueField() {
  const chosen = chosenField();
  const currentValue = chosen && current ? current[chosen.code[0].toLowerCase() + chosen.code.slice(1)] : undefined;
  return field(cr, "value", {
    label: t("sj.crValue"), cls: "settings-grid__wide",
    hint: currentValue === undefined ? undefined : currentValue === null || currentValue === "" ? t("sj.crCurrentEmpty") : t("sj.crCurrent", { value: currentValue }),
    input: (id, described, invalid) => html`<textarea id=${id} rows="2" maxlength=${chosen && chosen.input !== "numeric" ? chosen.max : nothing}
      inputmode=${chosen?.input ?? "text"} aria-describedby=${described} aria-invalid=${invalid}></textarea>`,
  });
}

const correctionView = () => (correcting ? html`<form id="correct-form" class="settings-form correct-form" novalidate @submit=${correct}>${summary(cr)}
  <h3 id="correct-title" tabindex="-1">${t("sj.correctTitle", { ref: correcting.referenceNumber })}</h3>
  <p class="hint">${t("sj.correctLead")}</p>
  <div class="settings-grid">
    ${field(cr, "field", { label: t("sj.crField"), input: (id, described, invalid) => html`<select id=${id} aria-describedby=${described} aria-invalid=${invalid} @change=${update}>
      ${option("", t("sj.crChoose"))}${correctable().map((c) => option(c.code, tx(c.label)))}</select>` })}
    ${valueField()}
    ${field(cr, "note", { label: t("sj.crNote"), hint: t("sj.crNoteHint"), limit: "correction.note", rows: 2, cls: "settings-grid__wide" })}
    ${rightsChoice(cr, "Correction", t("sj.crRights"))}
  </div>
  <div class="button-row"><button type="submit" class="button button--primary">${t("sj.crSubmit")}</button>
    <button type="button" class="button button--secondary" @click=${closeCorrection}>${t("sj.crClose")}</button></div>
  ${statusLine(cr)}
</form>` : nothing);

// ---- Erasure, after a confirmation ----
const left = () => person.result.requests.filter((r) => !r.erased);
const isOpen = (r) => !r.closedAt && rules().statuses.find((s) => s.code === r.status)?.open !== false;

const erase = onSubmit(er, async () => {
  const answer = await post(`${API}/erase`, { ...person.doc, reason: valueOf(er, "reason"), rightsRequestId: rightsId(er) });
  // The lists first, so that closing the dialog finds the page as it now is.
  await person.refresh();
  say(status, answer?.cancelled ? "sj.erDoneCancelled" : "sj.erDone", { n: answer?.erased ?? 0, cancelled: answer?.cancelled ?? 0 });
  document.getElementById("erase-dialog").close();
  person.onChange();
});

function openErase() {
  showErrors(er, {});
  setValue(er, "reason", "");
  document.getElementById("erase-dialog").showModal();
  document.getElementById("er-reason").focus();
}

const eraseDialog = () => html`<dialog class="confirm-dialog" id="erase-dialog" role="alertdialog" aria-labelledby="erase-title" aria-describedby="erase-subject erase-warning"
    @close=${() => document.getElementById(left().length ? "erase-open" : "subject-title")?.focus()}>
  <form novalidate @submit=${erase}>${summary(er)}
    <h2 id="erase-title">${t("sj.erDialogTitle")}</h2>
    <p class="erase-subject" id="erase-subject">${t("sj.erSubject", { subject: person.result.subject.label ?? "" })}</p>
    <div class="notice notice--cancelled erase-warning" id="erase-warning">
      <p><strong>${t("sj.erWarnStrong")}</strong></p>
      <p>${t("sj.erCounts", { n: left().length, open: left().filter(isOpen).length })}</p>
      <p>${t("sj.erWarnKeep")}</p>
    </div>
    ${field(er, "reason", { label: t("sj.erReason"), hint: t("sj.erReasonHint", { min: rules().lengths["erase.reason"].min, max: rules().lengths["erase.reason"].max }), limit: "erase.reason", rows: 3 })}
    ${rightsChoice(er, "Erasure", t("sj.erRights"))}
    ${statusLine(er)}
    <div class="dialog-actions"><button type="button" class="button button--secondary" @click=${() => document.getElementById("erase-dialog").close()}>${t("w.back")}</button>
      <button type="submit" class="button button--danger">${t("sj.erConfirm")}</button></div>
  </form>
</dialog>`;

const requestRow = (r) => html`<tr data-ref=${r.referenceNumber} class=${r.erased ? "row--erased" : nothing}>
  <th scope="row" class="nowrap">${requestLink(r.referenceNumber)}</th>
  <td>${badge(r.status, r.statusText)}</td><td>${r.stationName ?? ""}</td><td class="nowrap">${dateTime(r.submittedAt)}</td>
  <td>${r.erased || !r.applicantName ? html`<span class="flag flag--muted">${t("sj.erased")}</span>` : r.applicantName}</td>
  <td>${r.erased ? html`<span class="cell-sub">${t("sj.retentionErased")}</span>` : r.retentionEndsOn ? shortDate(r.retentionEndsOn) : html`<span class="cell-sub">${t("sj.retentionOpen")}</span>`}</td>
  <td>${r.erased ? nothing : rowButton(t("sj.correct"), r.referenceNumber, () => openCorrection(r))}</td></tr>`;

/** The person's part of the page; rightsRow draws a rights request as the page's log does. */
export function personView(rightsRow) {
  const result = person.result;
  if (!result) return nothing;
  const requests = result.requests;
  return html`<div class="subject" id="subject">
    <h3 class="subject__title" id="subject-title" tabindex="-1">${result.subject.label ?? ""}</h3>
    ${statusLine(status)}
    ${table({ id: "subject-requests", cls: "subject-table", caption: t("sj.requestsCaption", { n: requests.length }), empty: t("sj.notFound"),
      head: [t("w.reference"), t("w.status"), t("w.location"), t("w.submittedOn"), t("sj.colApplicant"), t("sj.colRetention"), t("w.actions")], rows: requests.map(requestRow) })}
    ${correctionView()}
    ${table({ id: "subject-rights", cls: "rights-table rights-table--subject", caption: t("sj.captionSubject", { n: result.rightsRequests.length }), empty: t("sj.noRights"),
      head: [t("sj.colKind"), t("sj.colAskedOn"), t("sj.colDeadline"), t("w.note"), t("w.actions")], rows: result.rightsRequests.map((r) => rightsRow(r, false)) })}
    <div class="subject-actions">
      <form id="rr-form" class="settings-form" novalidate @submit=${logRights}>${summary(rr)}
        <h3>${t("sj.rrTitle")}</h3>
        <div class="settings-grid">
          ${field(rr, "kind", { label: t("sj.rrKind"), options: [option("", t("option.choose")), ...rules().rightsKinds.map((k) => option(k.code, tx(k.text)))] })}
          ${dateField(rr, "askedOn", { label: t("sj.rrAskedOn"), iso: today() })}
          ${field(rr, "note", { label: t("w.note"), hint: t("sj.rrNoteHint", { max: rules().lengths["rights.note"].max }), limit: "rights.note", rows: 2, cls: "settings-grid__wide" })}
        </div>
        <button type="submit" class="button button--primary">${t("sj.rrTitle")}</button>${statusLine(rr)}
      </form>
      <form id="export-form" class="settings-form" novalidate @submit=${exportAll}>${summary(ex)}
        <h3>${t("sj.exTitle")}</h3><p class="hint">${t("sj.exLead")}</p>
        ${rightsChoice(ex, "Access", t("sj.exRights"))}
        <button type="submit" class="button button--primary">${t("sj.exSubmit")}</button>${statusLine(ex)}
      </form>
      <div class="settings-form danger-zone"><h3>${t("sj.erTitle")}</h3>
        ${left().length ? html`<p>${t("sj.erLead")}</p><button type="button" class="button button--danger" id="erase-open" @click=${openErase}>${t("sj.erOpen")}</button>`
          : html`<p class="hint">${t("sj.erNone")}</p>`}</div>
    </div>
    ${eraseDialog()}
  </div>`;
}
