// One request (/staff/requests/{referenceNumber}): every detail, the files, the history, internal
// notes, footage preservation and the decisions this user may make now. Every change carries the
// ETag of the detail shown (If-Match), so a decision on a version someone else has since changed
// is refused (412/409) and the page shows the latest one instead.
import "./texts.js";
import { formatInstant, formatLong, formatShort } from "../../js/dates.js";
import { lang, onLangChange, t } from "../../js/i18n.js";
import { loadSettings, settings } from "../../js/settings.js";
import { flagLabels, statusBadge } from "./flags.js";
import { busy, renameBy, resetErrors, say, setStatus, showFailure, showRequired } from "./forms.js";
import { showPageError, startSignedInPage } from "./session.js";
import { signatureBox } from "./signature-box.js";
import { ApiError, call, get, messageOf } from "./staff-api.js";

const $ = (id) => document.getElementById(id);
const match = location.pathname.match(/^\/staff\/requests\/([^/]+)\/?$/);
const ref = match ? decodeURIComponent(match[1]) : "";
const base = `/api/staff/requests/${encodeURIComponent(ref)}`;
const CONFLICTS = [409, 412, 428];

let detail = null;
let etag = null;
let reasons = null;

// ---- Loading ----
async function load() {
  const { data, etag: tag } = await call("GET", base);
  detail = data;
  etag = tag;
  render();
}

async function firstLoad() {
  const line = $("detail-status");
  line.removeAttribute("data-i18n");
  if (!ref) {
    say(line, "d.notFound", {}, true);
    return;
  }
  try {
    await load();
    setStatus(line, "");
    line.hidden = true;
    $("detail").hidden = false;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) say(line, "d.notFound", {}, true);
    else setStatus(line, `${t("d.loadError")}: ${messageOf(err)}`, true);
  }
}

/** After a 409/412: say so and show the latest version. */
async function reloadAfterConflict(statusLine) {
  say(statusLine, "d.conflict", {}, true);
  try {
    await load();
  } catch (err) {
    showPageError(messageOf(err));
  }
}

// ---- Rendering ----
const text = (value) => (value === null || value === undefined || value === "" ? t("d.empty") : String(value));

function fact(dl, key, value) {
  const dt = document.createElement("dt");
  dt.textContent = t(key);
  const dd = document.createElement("dd");
  if (value instanceof Node) dd.append(value);
  else dd.textContent = text(value);
  dl.append(dt, dd);
}

function countryName(code) {
  const country = settings()?.countries?.find((c) => c.code === code);
  if (!country) return code;
  try {
    return new Intl.DisplayNames([lang()], { type: "region" }).of(country.alpha2) || country.nameEn;
  } catch {
    return country.nameEn;
  }
}

function languageName(code) {
  try {
    return new Intl.DisplayNames([lang()], { type: "language" }).of(code) || code;
  } catch {
    return code;
  }
}

function size(bytes) {
  if (bytes < 1024) return t("d.bytes", { n: bytes });
  if (bytes < 1024 * 1024) return t("d.kb", { n: Math.round(bytes / 1024) });
  if (bytes < 1024 ** 3) return t("d.mb", { n: (bytes / 1024 / 1024).toFixed(1) });
  return t("d.gb", { n: (bytes / 1024 ** 3).toFixed(2) });
}

function hidden(textContent) {
  const span = document.createElement("span");
  span.className = "visually-hidden";
  span.textContent = textContent;
  return span;
}

function renderClock(d) {
  const l = lang();
  const preserved = d.preservations.length > 0;
  $("d-clock").className = `clock${d.flag ? ` clock--${d.flag === "overwritten" ? "gone" : "soon"}` : ""}${preserved ? " clock--preserved" : ""}`;
  $("d-clock-date").textContent = d.footageOverwrittenOn ? t("d.clockOn", { date: formatLong(d.footageOverwrittenOn, l) }) : "";
  let left = "";
  if (typeof d.daysLeft === "number") {
    if (d.daysLeft > 0) left = t("d.clockLeft", { n: d.daysLeft });
    else if (d.daysLeft === 0) left = t("d.clockToday");
    else left = t("d.clockPast", { n: -d.daysLeft });
  }
  $("d-clock-left").textContent = left;
  $("d-clock-flags").replaceChildren(...flagLabels({ flag: d.flag, preserved }));
  $("d-clock-flags").hidden = !d.flag && !preserved;
}

function renderActions(d) {
  const allowed = new Set(d.allowedActions || []);
  $("action-receive").hidden = !allowed.has("receive");
  $("action-approve").hidden = !allowed.has("approve");
  $("action-cancel").hidden = !allowed.has("cancel");
  $("no-actions").hidden = ["receive", "approve", "cancel"].some((a) => allowed.has(a));
  $("note-form").hidden = !allowed.has("note");
  $("preserve-form").hidden = !allowed.has("preserve");
}

function renderApplicant(d) {
  const a = d.applicant;
  const dl = $("d-applicant");
  dl.replaceChildren();
  fact(dl, "d.fullName", a.fullName || [a.title, a.firstName, a.lastName].filter(Boolean).join(" "));
  if (a.identityKind === "Passport") {
    fact(dl, "d.passport", t("d.passportValue", { number: a.passportNumber, country: countryName(a.passportCountry) }));
  } else {
    fact(dl, "d.nationalId", a.nationalId);
  }
  fact(dl, "d.age", a.age === null || a.age === undefined ? null : t("d.ageValue", { n: a.age }));
  fact(dl, "d.ethnicity", a.ethnicity);
  fact(dl, "d.nationality", a.nationality);
  fact(dl, "d.address", a.address);
  if (a.phone) {
    const link = document.createElement("a");
    link.href = `tel:${a.phone.replace(/[^0-9+]/g, "")}`;
    link.textContent = a.phone;
    fact(dl, "d.phone", link);
  } else {
    fact(dl, "d.phone", null);
  }
}

function renderRequest(d) {
  const l = lang();
  const dl = $("d-request");
  dl.replaceChildren();
  fact(dl, "d.reference", d.referenceNumber);
  fact(dl, "d.status", d.statusText);
  fact(dl, "d.writtenOn", d.writtenOn ? formatShort(d.writtenOn, l) : null);
  fact(dl, "d.submittedAt", d.submittedAt ? formatInstant(d.submittedAt, l) : null);
  fact(dl, "d.purpose", d.purposeText);
  if (d.purpose === "Copy" || (d.fileCount ?? 0) > 0) fact(dl, "d.fileCount", d.fileCount);
  fact(dl, "d.station", d.stationName);
  fact(dl, "d.incidentDate", d.incidentDate ? formatShort(d.incidentDate, l) : null);
  fact(dl, "d.incidentTime", d.incidentTime);
  const reason = document.createElement("span");
  reason.className = "prewrap";
  reason.textContent = text(d.reason);
  fact(dl, "d.reason", reason);
  fact(dl, "d.overwrittenOn", d.footageOverwrittenOn ? formatShort(d.footageOverwrittenOn, l) : null);
  const c = d.privacyConsent;
  fact(dl, "d.consent", c ? t("d.consentValue", { version: c.noticeVersion, language: languageName(c.language), at: formatInstant(c.acceptedAt, l) }) : null);
}

function newTabLink(href, labelKey, fileName) {
  const link = document.createElement("a");
  link.className = "button button--secondary button--small";
  link.href = href;
  link.target = "_blank";
  link.rel = "noopener";
  link.append(t(labelKey), hidden(` ${fileName} ${t("d.newTab")}`));
  return link;
}

function renderAttachments(d) {
  const list = $("d-attachments");
  if (!d.attachments?.length) {
    const li = document.createElement("li");
    li.textContent = t("d.noAttachments");
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(...d.attachments.map((a) => {
    const url = `${base}/attachments/${encodeURIComponent(a.id)}`;
    const inline = `${url}?inline=true`;
    const li = document.createElement("li");
    li.className = `attachment attachment--${String(a.kind).toLowerCase()}`;
    const title = document.createElement("h3");
    title.className = "attachment__title";
    title.textContent = a.kindText;
    const name = document.createElement("p");
    name.className = "attachment__name";
    name.textContent = a.fileName;
    const meta = document.createElement("p");
    meta.className = "attachment__meta";
    meta.append(`${a.contentType}, ${size(a.sizeBytes)}`);
    if (a.sha256) {
      const sha = document.createElement("code");
      sha.textContent = a.sha256;
      meta.append(document.createElement("br"), "SHA-256: ", sha);
    }
    li.append(title, name);
    const actions = document.createElement("p");
    actions.className = "attachment__actions";
    if (a.contentType === "image/jpeg" || a.contentType === "image/png") {
      const img = document.createElement("img");
      img.className = "attachment__image";
      img.src = inline;
      img.alt = `${a.kindText}: ${a.fileName}`;
      img.loading = "lazy";
      li.append(img);
      actions.append(newTabLink(inline, "d.openImage", a.fileName));
    } else if (a.contentType === "application/pdf") {
      actions.append(newTabLink(inline, "d.openPdf", a.fileName));
    }
    const download = document.createElement("a");
    download.className = "button button--secondary button--small";
    download.href = url;
    download.download = a.fileName;
    download.append(t("d.download"), hidden(` ${a.fileName}`));
    actions.append(download);
    li.append(actions, meta);
    return li;
  }));
}

function line(labelKey, value) {
  const p = document.createElement("p");
  const label = document.createElement("span");
  label.className = "entry__label";
  label.textContent = t(labelKey);
  const body = document.createElement("span");
  body.className = "prewrap";
  body.textContent = value;
  p.append(label, " ", body);
  return p;
}

function renderHistory(d) {
  const l = lang();
  $("d-history").replaceChildren(...(d.history || []).map((h) => {
    const li = document.createElement("li");
    const time = document.createElement("span");
    time.className = "timeline__time";
    time.textContent = formatInstant(h.at, l);
    const status = document.createElement("strong");
    status.textContent = h.statusText;
    li.append(time, " ", status);
    if (h.actorName) li.append(" ", t("d.by", { name: h.actorName }));
    if (h.reasonText || h.reasonCode) li.append(line("d.historyReason", h.reasonText || h.reasonCode));
    if (h.message) li.append(line("d.historyMessage", h.message));
    if (h.note) li.append(line("d.historyNote", h.note));
    return li;
  }));
}

function entries(listId, items, emptyKey, who, body) {
  const l = lang();
  const list = $(listId);
  if (!items?.length) {
    const li = document.createElement("li");
    li.className = "entries__empty";
    li.textContent = t(emptyKey);
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(...items.map((item) => {
    const li = document.createElement("li");
    const meta = document.createElement("p");
    meta.className = "entries__meta";
    meta.textContent = `${formatInstant(item.at, l)} ${t("d.by", { name: item[who] })}`;
    const p = document.createElement("p");
    p.className = "prewrap";
    p.textContent = item[body];
    li.append(meta, p);
    return li;
  }));
}

function render() {
  const d = detail;
  if (!d) return;
  $("detail-title").textContent = t("d.title", { ref: d.referenceNumber });
  $("detail-title").removeAttribute("data-i18n");
  document.querySelector("title").removeAttribute("data-i18n");
  document.title = t("d.pageTitle", { ref: d.referenceNumber });
  $("d-status").replaceWith(Object.assign(statusBadge(d.status, d.statusText), { id: "d-status" }));
  renderClock(d);
  renderActions(d);
  $("print-link").href = `/staff/requests/${encodeURIComponent(d.referenceNumber)}/print`;
  renderApplicant(d);
  renderRequest(d);
  renderAttachments(d);
  renderHistory(d);
  entries("d-notes", d.notes, "d.noNotes", "authorName", "text");
  entries("d-preservations", d.preservations, "d.noPreservations", "recordedByName", "note");
  renderHandOvers(d);
}

// ---- Decisions ----
const decisionStatus = $("decision-status");

/** Sends a change with the ETag shown; resolves with the answer, or null after a conflict. */
async function change(path, body, statusLine) {
  try {
    const answer = await call("POST", `${base}/${path}`, { body, headers: etag ? { "If-Match": etag } : {} });
    return answer;
  } catch (err) {
    if (err instanceof ApiError && CONFLICTS.includes(err.status)) {
      await reloadAfterConflict(statusLine);
      return null;
    }
    throw err;
  }
}

/** A decision answers with the new detail and its ETag; without an ETag the page asks again. */
async function applyDecision(answer) {
  if (answer.data?.referenceNumber) {
    detail = answer.data;
    etag = answer.etag || etag;
    render();
  }
  if (!answer.etag) await load();
}

function focusDecision() {
  const heading = $("decision").querySelector("h2");
  heading.tabIndex = -1;
  heading.focus();
}

for (const [id, action, doneKey] of [["action-receive", "receive", "d.received"], ["action-approve", "approve", "d.approved"]]) {
  $(id).addEventListener("click", async (e) => {
    say(decisionStatus, "d.working");
    await busy(e.currentTarget, async () => {
      try {
        const answer = await change(action, {}, decisionStatus);
        if (!answer) return;
        await applyDecision(answer);
        say(decisionStatus, doneKey);
      } catch (err) {
        setStatus(decisionStatus, messageOf(err), true);
      }
    });
    if ($(id).hidden) focusDecision();
  });
}

// ---- Cancel, in a dialog ----
const dialog = $("cancel-dialog");
const cancelForm = $("cancel-form");
const cancelStatus = $("cancel-status");

async function loadReasons() {
  reasons ??= get("/api/staff/cancellation-reasons").catch((err) => {
    reasons = null;
    throw err;
  });
  const list = await reasons;
  const select = $("reasonCode");
  const chosen = select.value;
  select.replaceChildren(select.options[0], ...list.map((r) => {
    const option = document.createElement("option");
    option.value = r.code;
    option.textContent = r.text;
    return option;
  }));
  select.value = chosen;
}

$("action-cancel").addEventListener("click", async () => {
  resetErrors(cancelForm);
  setStatus(cancelStatus, "");
  $("cancel-title").textContent = t("d.cancelTitle", { ref: detail.referenceNumber });
  $("reasonCode").value = "";
  $("message").value = "";
  dialog.showModal();
  try {
    await loadReasons();
  } catch (err) {
    setStatus(cancelStatus, messageOf(err), true);
  }
  $("reasonCode").focus();
});

$("cancel-back").addEventListener("click", () => dialog.close());
dialog.addEventListener("close", () => {
  if (!$("action-cancel").hidden) $("action-cancel").focus();
  else focusDecision();
});

cancelForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const reasonCode = $("reasonCode").value;
  const message = $("message").value.trim();
  const missing = {};
  if (!reasonCode) missing.reasonCode = t("d.reasonMissing");
  if (!message) missing.message = t("d.messageMissing");
  setStatus(cancelStatus, "");
  if (showRequired(cancelForm, missing) > 0) return;
  await busy($("cancel-confirm"), async () => {
    try {
      const answer = await change("cancel", { reasonCode, message }, cancelStatus);
      if (!answer) {
        // Someone else changed it: the dialog stays open (the message is kept) if cancelling still can be done.
        if ($("action-cancel").hidden) {
          dialog.close();
          say(decisionStatus, "d.conflict", {}, true);
        }
        return;
      }
      await applyDecision(answer);
      dialog.close();
      say(decisionStatus, "d.cancelled");
    } catch (err) {
      showFailure(cancelForm, err, { status: cancelStatus });
    }
  });
});

// ---- Notes and preservation ----
function initEntryForm({ form, field, apiField, path, missingKey, doneKey, statusId, buttonId }) {
  const status = $(statusId);
  $(form).addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = $(field).value.trim();
    setStatus(status, "");
    if (showRequired($(form), value ? {} : { [field]: t(missingKey) }) > 0) return;
    await busy($(buttonId), async () => {
      try {
        const answer = await change(path, { [apiField]: value }, status);
        if (!answer) return;
        $(field).value = "";
        // The list, the flags and the ETag all come fresh from the detail.
        await load();
        say(status, doneKey);
      } catch (err) {
        showFailure($(form), err, { status, rename: { [apiField]: field }, fallbackField: field });
      }
    });
  });
}

initEntryForm({ form: "note-form", field: "noteText", apiField: "text", path: "notes", missingKey: "d.noteMissing", doneKey: "d.noteAdded", statusId: "note-status", buttonId: "note-submit" });
initEntryForm({ form: "preserve-form", field: "preserveNote", apiField: "note", path: "preservation", missingKey: "d.preserveMissing", doneKey: "d.preserved", statusId: "preserve-status", buttonId: "preserve-submit" });

// ---- Hand-over of a copy (SPEC §8.12) ----
// The clips are hashed here, one after another (file.arrayBuffer() reads a whole file into memory),
// and only their name, size and SHA-256 are sent, with the recipient's signature.
const MAX_CLIPS = 200;
const handoverForm = $("handover-form");
const handoverStatus = $("handover-status");
const hashStatus = $("hash-status");
const clips = [];
let hashing = false;
let receivedByTouched = false;
const recipientSignature = signatureBox($("handoverSignature"), $("handover-signature-clear"), {
  onChange: (drawn) => {
    if (drawn) {
      $("handoverSignature-error").hidden = true;
      $("handoverSignature").removeAttribute("aria-invalid");
    }
  },
});

const applicantName = (d) => d?.applicant?.fullName || [d?.applicant?.title, d?.applicant?.firstName, d?.applicant?.lastName].filter(Boolean).join(" ");

function renderHandOvers(d) {
  const allowed = (d.allowedActions || []).includes("handover");
  const list = d.handOvers || [];
  $("handover-section").hidden = !allowed && list.length === 0;
  handoverForm.hidden = !allowed;
  $("handover-none").hidden = list.length > 0;
  $("handover-list").hidden = list.length === 0;
  const l = lang();
  $("handover-body").replaceChildren(...list.map((h) => {
    const tr = document.createElement("tr");
    const when = document.createElement("th");
    when.scope = "row";
    when.className = "nowrap";
    when.textContent = formatInstant(h.at, l);
    const link = document.createElement("a");
    link.href = `/staff/requests/${encodeURIComponent(d.referenceNumber)}/handovers/${encodeURIComponent(h.id)}`;
    link.append(t("ho.receipt"), hidden(` ${formatInstant(h.at, l)}`));
    const cells = [h.recordedByName, h.medium, h.receivedBy, t("ho.clipsCount", { n: h.clips?.length ?? 0 })].map((value) => {
      const td = document.createElement("td");
      td.textContent = value ?? "";
      return td;
    });
    const receipt = document.createElement("td");
    receipt.append(link);
    tr.append(when, ...cells, receipt);
    return tr;
  }));
  if (allowed && !receivedByTouched && !$("receivedBy").value) $("receivedBy").value = applicantName(d);
}

const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

function clipState(c) {
  if (c.state === "failed") return t("ho.hashFailed", { error: c.error });
  return t(`ho.${c.state}`);
}

function renderClips() {
  $("clip-list").hidden = clips.length === 0;
  $("clip-caption").textContent = t("ho.clipsCaption", { n: clips.length });
  $("clip-body").replaceChildren(...clips.map((c) => {
    const tr = document.createElement("tr");
    tr.className = `clip clip--${c.state}`;
    const name = document.createElement("th");
    name.scope = "row";
    name.textContent = c.name;
    const bytes = document.createElement("td");
    bytes.className = "nowrap";
    bytes.textContent = size(c.size);
    const sha = document.createElement("td");
    sha.className = "clip-sha";
    if (c.sha256) {
      const code = document.createElement("code");
      code.textContent = c.sha256;
      sha.append(code);
    }
    const state = document.createElement("td");
    state.textContent = clipState(c);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button--secondary button--small";
    remove.append(t("ho.remove"), hidden(` ${c.name}`));
    remove.addEventListener("click", () => {
      clips.splice(clips.indexOf(c), 1);
      renderClips();
      $("clips").focus();
    });
    const actions = document.createElement("td");
    actions.append(remove);
    tr.append(name, bytes, sha, state, actions);
    return tr;
  }));
  const done = clips.filter((c) => c.state === "hashed").length;
  if (clips.length === 0) setStatus(hashStatus, "");
  else if (done === clips.length) say(hashStatus, "ho.allHashed", { total: clips.length });
  else say(hashStatus, "ho.progress", { done, total: clips.length });
}

async function hashAll() {
  if (hashing) return;
  hashing = true;
  try {
    for (let c = clips.find((x) => x.state === "waiting"); c; c = clips.find((x) => x.state === "waiting")) {
      c.state = "hashing";
      renderClips();
      try {
        if (c.size === 0) throw new Error(t("ho.emptyFile"));
        c.sha256 = hex(await crypto.subtle.digest("SHA-256", await c.file.arrayBuffer()));
        c.file = null;
        c.state = "hashed";
        // The same file chosen twice (from another folder, say): listed once.
        if (clips.some((x) => x !== c && x.sha256 === c.sha256)) {
          clips.splice(clips.indexOf(c), 1);
          showClipProblems([t("ho.duplicate", { name: c.name })]);
        }
      } catch (err) {
        c.state = "failed";
        c.error = err?.message || String(err);
      }
      renderClips();
    }
  } finally {
    hashing = false;
  }
}

function showClipProblems(problems) {
  const error = $("clips-error");
  error.textContent = problems.join(" ");
  error.hidden = problems.length === 0;
}

$("clips").addEventListener("change", () => {
  const input = $("clips");
  const problems = [];
  if (!globalThis.crypto?.subtle) problems.push(t("ho.noCrypto"));
  else {
    for (const file of input.files) {
      const key = `${file.name}|${file.size}|${file.lastModified}`;
      if (clips.some((c) => c.key === key)) problems.push(t("ho.duplicate", { name: file.name }));
      else if (clips.length >= MAX_CLIPS) {
        problems.push(t("ho.tooMany", { max: MAX_CLIPS }));
        break;
      } else clips.push({ key, file, name: file.name, size: file.size, sha256: "", state: "waiting" });
    }
  }
  input.value = "";
  showClipProblems(problems);
  renderClips();
  hashAll();
});

$("receivedBy").addEventListener("input", () => {
  receivedByTouched = true;
});

const handoverField = (name) => {
  if (name.startsWith("clips")) return "clips";
  if (name === "medium") return "medium";
  if (name === "receivedby") return "receivedBy";
  if (name.startsWith("signature")) return "handoverSignature";
  return undefined;
};

handoverForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  setStatus(handoverStatus, "");
  const medium = $("medium").value.trim();
  const receivedBy = $("receivedBy").value.trim();
  const missing = {};
  if (clips.length === 0) missing.clips = t("ho.clipsMissing");
  else if (clips.some((c) => c.state === "waiting" || c.state === "hashing")) missing.clips = t("ho.stillHashing");
  else if (clips.some((c) => c.state === "failed")) missing.clips = t("ho.hashErrors");
  if (!medium) missing.medium = t("ho.mediumMissing");
  if (!receivedBy) missing.receivedBy = t("ho.receivedByMissing");
  if (recipientSignature.isEmpty()) missing.handoverSignature = t("ho.signatureMissing");
  if (showRequired(handoverForm, missing) > 0) return;
  const body = {
    medium,
    receivedBy,
    clips: clips.map((c) => ({ fileName: c.name, sizeBytes: c.size, sha256: c.sha256 })),
    signaturePng: recipientSignature.toBase64(),
  };
  await busy($("handover-submit"), async () => {
    try {
      const answer = await change("handover", body, handoverStatus);
      if (!answer) return;
      clips.length = 0;
      renderClips();
      $("medium").value = "";
      $("receivedBy").value = "";
      receivedByTouched = false;
      recipientSignature.clear();
      await load();
      say(handoverStatus, "ho.done");
    } catch (err) {
      showFailure(handoverForm, err, { status: handoverStatus, rename: renameBy(err, handoverField) });
    }
  });
});

// The API's texts (status, station, purpose, kinds, reasons) are in the language asked for.
onLangChange(() => {
  reasons = null;
  renderClips();
  if (detail) load().catch((err) => showPageError(messageOf(err)));
  if (dialog.open) loadReasons().catch(() => {});
});

await startSignedInPage();
loadSettings().then(render).catch(() => {});
firstLoad();
