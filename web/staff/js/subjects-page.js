// Data subject rights (/staff/subjects, Admin; PDPA ss. 30-35): the log of rights requests with
// their 30-day deadlines, finding a person by national ID or passport (the document only ever
// travels in POST bodies, never in a URL), and for that person: a new rights request, a ZIP export
// of everything held, the correction of one field, and erasure. Then the retention sweep's state.
import "./texts.js";
import { formatInstant, formatShort, todayIso } from "../../js/dates.js";
import { lang, onLangChange, t } from "../../js/i18n.js";
import { normalizePassport, renderCountries } from "../../js/identity.js";
import { loadSettings } from "../../js/settings.js";
import { checkId, normalizeId } from "../../js/thai-id.js";
import { statusBadge } from "./flags.js";
import { busy, resetErrors, say, setStatus, showRequired } from "./forms.js";
import { cell, messageRow } from "./paging.js";
import { isAdmin, startSignedInPage } from "./session.js";
import { ApiError, call, callForFile, get, messageOf, post, withQuery } from "./staff-api.js";

const $ = (id) => document.getElementById(id);
const API = "/api/staff/subjects";

// ---- Small helpers ----
function hiddenText(text) {
  const span = document.createElement("span");
  span.className = "visually-hidden";
  span.textContent = text;
  return span;
}

function span(text, className) {
  const el = document.createElement("span");
  el.className = className;
  el.textContent = text;
  return el;
}

/** A button whose visible text is one of ours and whose accessible name also says which row. */
function smallButton(key, name, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "button button--secondary button--small";
  b.append(t(key), hiddenText(` ${name}`));
  b.addEventListener("click", () => onClick(b));
  return b;
}

function option(value, text) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

const date = (iso) => (iso ? formatShort(iso, lang()) : "");

function sizeText(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${bytes} B`;
}

/** The same day one year earlier (29 February becomes 28 February). */
function yearBefore(iso) {
  const [y, m, d] = iso.split("-");
  const day = m === "02" && d === "29" ? "28" : d;
  return `${Number(y) - 1}-${m}-${day}`;
}

// Status lines whose text has values that are themselves translated (dates, field names): the text
// is made again when the language changes, unless something else has been written there since.
const live = new Map();
function sayLive(element, render, isError = false) {
  const text = render();
  setStatus(element, text, isError);
  live.set(element, { render, isError, text });
}
onLangChange(() => {
  for (const [element, entry] of live) {
    if (element.textContent !== entry.text) {
      live.delete(element);
      continue;
    }
    entry.text = entry.render();
    setStatus(element, entry.text, entry.isError);
  }
});

/**
 * A failed call on a form: the 400's fields this form has (apiName → element id) go beside them,
 * with the error summary; anything else (another field, a 403, 404, 409...) goes to the status line.
 */
function showApiFailure(form, err, status, fields = {}) {
  const ids = Object.fromEntries(Object.entries(fields).map(([name, id]) => [name.toLowerCase(), id]));
  const own = {};
  const other = [];
  if (err instanceof ApiError && err.status === 400) {
    for (const [name, messages] of Object.entries(err.errors)) {
      const list = (Array.isArray(messages) ? messages : [messages]).filter(Boolean);
      const id = ids[name.toLowerCase()];
      if (id) own[id] = [...(own[id] ?? []), ...list];
      else other.push(...list);
    }
  }
  let shown = 0;
  if (Object.keys(own).length > 0) shown = showRequired(form, own);
  else resetErrors(form);
  const text = other.length > 0 ? other.join(" ") : shown > 0 ? "" : messageOf(err);
  setStatus(status, text, Boolean(text));
}

/** Moves focus to a heading (made focusable for it), e.g. after the button pressed has gone. */
function focusHeading(heading) {
  if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
  heading.focus();
}

// ---- Deadlines ----
function daysText(days) {
  if (days < -1) return t("sj.late", { n: -days });
  if (days === -1) return t("sj.dayLate");
  if (days === 0) return t("sj.dueToday");
  if (days === 1) return t("sj.dayLeft");
  return t("sj.daysLeft", { n: days });
}

function deadlineContent(r) {
  const parts = [span(date(r.deadline), "cell-main")];
  if (r.status === "Open" && r.daysLeft !== null && r.daysLeft !== undefined) {
    const d = r.daysLeft;
    parts.push(span(daysText(d), `flag ${d < 0 ? "flag--gone" : d <= 7 ? "flag--soon" : "flag--plain"}`));
  }
  return parts;
}

function noteContent(r) {
  const parts = [];
  if (r.note) parts.push(span(r.note, "cell-main prewrap"));
  if (r.createdByName) parts.push(span(t("sj.createdBy", { name: r.createdByName }), "cell-sub"));
  return parts;
}

/** One rights request as a row; withSubject for the page-wide list (the person's list is one person's). */
function rightsRow(r, { withSubject, heading }) {
  const tr = document.createElement("tr");
  tr.dataset.rightsId = r.id;
  if (r.status === "Open" && r.daysLeft < 0) tr.className = "row--gone";
  let action;
  if (r.status === "Open") {
    const which = withSubject ? `${r.kindText} ${r.subjectLabel}` : `${r.kindText} ${date(r.askedOn)}`;
    action = smallButton("sj.markDone", which, (button) => openDone(r, button, heading));
  } else {
    action = [span(t("sj.doneOn", { date: r.doneAt ? formatInstant(r.doneAt, lang()) : "" }), "flag flag--preserved")];
    if (r.doneByName) action.push(span(t("sj.doneBy", { name: r.doneByName }), "cell-sub"));
  }
  tr.append(
    cell(r.kindText, { tag: "th" }),
    cell(date(r.askedOn), { className: "nowrap" }),
    cell(deadlineContent(r), { className: "deadline-cell" }),
    ...(withSubject ? [cell(r.subjectLabel ?? "")] : []),
    cell(noteContent(r), { className: "note-cell" }),
    cell(action),
  );
  return tr;
}

// ---- (a) The rights requests log ----
let rightsFilter = "open";
let rights = null;

async function loadRights() {
  const table = $("rights-table");
  table.setAttribute("aria-busy", "true");
  try {
    rights = await get(withQuery(`${API}/rights-requests`, { status: rightsFilter }));
    setStatus($("rights-load-status"), "");
  } catch (err) {
    rights = null;
    setStatus($("rights-load-status"), `${t("sj.loadError")}: ${messageOf(err)}`, true);
  } finally {
    table.removeAttribute("aria-busy");
  }
  renderRights();
}

const CAPTION = { open: "sj.captionOpen", done: "sj.captionDone", all: "sj.captionAll" };

function renderRights() {
  const body = $("rights-body");
  if (!rights) {
    $("rights-caption").textContent = t(CAPTION[rightsFilter], { n: "-" });
    body.replaceChildren();
    return;
  }
  const late = rights.filter((r) => r.status === "Open" && r.daysLeft < 0).length;
  $("rights-caption").textContent = t(CAPTION[rightsFilter], { n: rights.length }) + (late ? ` ${t("sj.captionLate", { n: late })}` : "");
  body.replaceChildren(...(rights.length
    ? rights.map((r) => rightsRow(r, { withSubject: true, heading: $("rights-title") }))
    : [messageRow(6, t("sj.noRights"))]));
}

$("rights-filter").addEventListener("change", () => {
  rightsFilter = $("rights-filter").value;
  setStatus($("rights-status"), "");
  loadRights();
});

// Done, in a dialog.
const doneDialog = $("done-dialog");
const doneForm = $("done-form");
const doneStatus = $("done-status");
let doneTarget = null;
let doneReturn = null;
let doneHeading = null;

function renderDoneText() {
  if (!doneTarget) return;
  $("done-text").textContent = t("sj.dnText", { kind: doneTarget.kindText, subject: doneTarget.subjectLabel, asked: date(doneTarget.askedOn), deadline: date(doneTarget.deadline) });
}

function openDone(r, button, heading) {
  doneTarget = r;
  doneReturn = button;
  doneHeading = heading;
  resetErrors(doneForm);
  setStatus(doneStatus, "");
  $("dn-note").value = "";
  renderDoneText();
  doneDialog.showModal();
  $("dn-note").focus();
}

$("done-back").addEventListener("click", () => doneDialog.close());
doneDialog.addEventListener("close", () => {
  // Once done, the row's button is gone: focus goes to the heading above the message.
  if (doneReturn?.isConnected) doneReturn.focus();
  else if (doneHeading) focusHeading(doneHeading);
});

doneForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const target = doneTarget;
  setStatus(doneStatus, "");
  resetErrors(doneForm);
  await busy($("done-confirm"), async () => {
    try {
      const updated = await post(`${API}/rights-requests/${encodeURIComponent(target.id)}/done`, { note: $("dn-note").value.trim() });
      replaceRights(updated ?? { ...target, status: "Done" });
      await loadRights();
      const status = doneHeading === $("subject-title") ? $("subject-status") : $("rights-status");
      // The subject's label is the server's, in the language of the moment: in the other one, the line leaves it out.
      const labelLang = lang();
      const kindOf = () => t(`sj.kind.${target.kind}`);
      sayLive(status, () => (lang() === labelLang ? t("sj.dnDone", { kind: kindOf(), subject: target.subjectLabel }) : t("sj.dnDoneShort", { kind: kindOf() })));
      doneDialog.close();
    } catch (err) {
      showApiFailure(doneForm, err, doneStatus, { note: "dn-note" });
      // Already done (409) elsewhere: the lists show it so.
      if (err instanceof ApiError && err.status === 409) {
        await loadRights();
        if (doc) await runSearch(doc, { refresh: true });
      }
    }
  });
});

/** A changed rights request replaces the old one in the person's list. */
function replaceRights(updated) {
  if (!result?.rightsRequests) return;
  const i = result.rightsRequests.findIndex((r) => r.id === updated.id);
  if (i >= 0) {
    result.rightsRequests[i] = updated;
    renderSubjectRights();
  }
}

// ---- (b) Find a person ----
const searchForm = $("search-form");
const searchStatus = $("search-status");
let doc = null; // the document searched for: every action on the person sends it
let result = null;

const kind = () => document.querySelector("input[name='s-kind']:checked")?.value ?? "nationalId";

function showKind() {
  const passport = kind() === "passport";
  $("s-nationalId-field").hidden = passport;
  $("s-passportNumber-field").hidden = !passport;
  $("s-passportCountry-field").hidden = !passport;
}

async function fillCountries() {
  try {
    await loadSettings();
    renderCountries($("s-passportCountry"));
  } catch {
    // The select keeps what it has; the server still checks the code.
  }
}

for (const radio of document.querySelectorAll("input[name='s-kind']")) radio.addEventListener("change", showKind);

searchForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  setStatus(searchStatus, "");
  const missing = {};
  let document_;
  if (kind() === "passport") {
    const number = normalizePassport($("s-passportNumber").value);
    const country = $("s-passportCountry").value;
    if (!number) missing["s-passportNumber"] = t("s.required");
    if (!country) missing["s-passportCountry"] = t("sj.countryMissing");
    document_ = { passportNumber: number, passportCountry: country };
  } else {
    const state = checkId($("s-nationalId").value);
    if (state === "empty") missing["s-nationalId"] = t("s.required");
    else if (state === "incomplete") missing["s-nationalId"] = t("sj.idIncomplete");
    else if (state === "invalid") missing["s-nationalId"] = t("sj.idInvalid");
    document_ = { nationalId: normalizeId($("s-nationalId").value) };
  }
  if (showRequired(searchForm, missing) > 0) return;
  await busy($("search-submit"), () => runSearch(document_, { focus: true }));
});

/**
 * Asks for the person's requests and rights requests. A new search replaces the person shown; a
 * refresh (after an action, or in the other language) keeps what is shown if it fails.
 */
async function runSearch(document_, { focus = false, refresh = false } = {}) {
  if (!refresh) say(searchStatus, "sj.searching");
  try {
    const data = await post(`${API}/search`, document_);
    const samePerson = doc && JSON.stringify(doc) === JSON.stringify(document_);
    doc = document_;
    result = { subject: data?.subject ?? {}, requests: data?.requests ?? [], rightsRequests: data?.rightsRequests ?? [] };
    if (!samePerson) {
      closeCorrection({ focus: false });
      setStatus($("subject-status"), "");
      setStatus($("rr-status"), "");
      setStatus($("export-status"), "");
      for (const id of ["ex-rights", "cr-rights", "er-rights"]) delete $(id).dataset.touched;
    }
    renderSubject();
    if (!refresh) say(searchStatus, result.requests.length ? "sj.found" : "sj.notFound", { n: result.requests.length });
    $("subject").hidden = false;
    if (focus) $("subject-title").focus();
    return true;
  } catch (err) {
    if (refresh) {
      setStatus($("subject-status"), messageOf(err), true);
      return false;
    }
    doc = null;
    result = null;
    $("subject").hidden = true;
    showApiFailure(searchForm, err, searchStatus, { nationalId: "s-nationalId", passportNumber: "s-passportNumber", passportCountry: "s-passportCountry" });
    return false;
  }
}

const isOpenRequest = (r) => !r.closedAt && (r.status === "Pending" || r.status === "Received" || !r.status);

function renderSubject() {
  if (!result) return;
  const l = lang();
  $("subject-title").textContent = result.subject.label ?? "";
  const requests = result.requests;
  $("subject-requests-caption").textContent = t("sj.requestsCaption", { n: requests.length });
  $("subject-requests-body").replaceChildren(...(requests.length ? requests.map((r) => {
    const tr = document.createElement("tr");
    tr.dataset.ref = r.referenceNumber;
    if (r.erased) tr.className = "row--erased";
    const link = document.createElement("a");
    link.href = `/staff/requests/${encodeURIComponent(r.referenceNumber)}`;
    link.textContent = r.referenceNumber;
    const name = r.erased || !r.applicantName ? span(t("sj.erased"), "flag flag--muted") : r.applicantName;
    const retention = r.erased
      ? span(t("sj.retentionErased"), "cell-sub")
      : r.retentionEndsOn ? date(r.retentionEndsOn) : span(t("sj.retentionOpen"), "cell-sub");
    const action = r.erased ? "" : smallButton("sj.correct", r.referenceNumber, (button) => openCorrection(r, button));
    tr.append(
      cell(link, { tag: "th", className: "nowrap" }),
      cell(statusBadge(r.status, r.statusText)),
      cell(r.stationName ?? ""),
      cell(r.submittedAt ? formatInstant(r.submittedAt, l) : "", { className: "nowrap" }),
      cell(name),
      cell(retention),
      cell(action),
    );
    return tr;
  }) : [messageRow(7, t("sj.notFound"))]));

  renderSubjectRights();
  const left = requests.filter((r) => !r.erased);
  $("erase-some").hidden = left.length === 0;
  $("erase-none").hidden = left.length > 0;
  if (correcting) {
    const now = requests.find((r) => r.referenceNumber === correcting.referenceNumber);
    if (!now || now.erased) closeCorrection({ focus: false });
    else {
      correcting = now;
      $("correct-title").textContent = t("sj.correctTitle", { ref: now.referenceNumber });
    }
  }
}

function renderSubjectRights() {
  const list = result?.rightsRequests ?? [];
  $("subject-rights-caption").textContent = t("sj.captionSubject", { n: list.length });
  $("subject-rights-body").replaceChildren(...(list.length
    ? list.map((r) => rightsRow(r, { withSubject: false, heading: $("subject-title") }))
    : [messageRow(5, t("sj.noRights"))]));
  fillRightsSelect($("ex-rights"), "Access");
  fillRightsSelect($("cr-rights"), "Correction");
  fillRightsSelect($("er-rights"), "Erasure");
}

/**
 * The person's open rights requests, to tie an action to. The one open request of the action's
 * own kind is chosen for the user, until the user chooses.
 */
function fillRightsSelect(select, preferKind) {
  const open = (result?.rightsRequests ?? []).filter((r) => r.status === "Open");
  const chosen = select.value;
  select.replaceChildren(option("", t("sj.noRightsChoice")), ...open.map((r) => option(r.id, t("sj.rightsOption", { kind: r.kindText, asked: date(r.askedOn), deadline: date(r.deadline) }))));
  if (select.dataset.touched) {
    select.value = open.some((r) => r.id === chosen) ? chosen : "";
    return;
  }
  const ofKind = open.filter((r) => r.kind === preferKind);
  select.value = ofKind.length === 1 ? ofKind[0].id : "";
}
for (const id of ["ex-rights", "cr-rights", "er-rights"]) {
  $(id).addEventListener("change", () => {
    $(id).dataset.touched = "true";
  });
}

const rightsIdOf = (id) => $(id).value || null;

// Record a rights request.
const rrForm = $("rr-form");
const rrStatus = $("rr-status");

function resetRightsForm() {
  $("rr-kind").value = "";
  $("rr-askedOn").value = todayIso();
  $("rr-note").value = "";
}

rrForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  setStatus(rrStatus, "");
  if (!doc) return;
  const body = { kind: $("rr-kind").value, askedOn: $("rr-askedOn").value, note: $("rr-note").value.trim() };
  const missing = {};
  if (!body.kind) missing["rr-kind"] = t("sj.rrKindMissing");
  if (!body.askedOn) missing["rr-askedOn"] = t("sj.rrDateMissing");
  else if (body.askedOn > todayIso()) missing["rr-askedOn"] = t("sj.rrDateFuture");
  if (showRequired(rrForm, missing) > 0) return;
  await busy($("rr-submit"), async () => {
    try {
      const created = await post(`${API}/rights-requests`, { ...doc, ...body });
      if (created?.id) {
        result.rightsRequests = [created, ...result.rightsRequests.filter((r) => r.id !== created.id)];
        renderSubjectRights();
      } else {
        await runSearch(doc, { refresh: true });
      }
      resetRightsForm();
      sayLive(rrStatus, () => t("sj.rrDone", { deadline: date(created?.deadline) }));
      await loadRights();
    } catch (err) {
      showApiFailure(rrForm, err, rrStatus, { kind: "rr-kind", askedOn: "rr-askedOn", note: "rr-note" });
    }
  });
});

// Export everything held about the person, as a ZIP made by the server.
const exportForm = $("export-form");
const exportStatus = $("export-status");

function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started once click() returns; the URL is let go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

exportForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  if (!doc) return;
  resetErrors(exportForm);
  say(exportStatus, "sj.exWorking");
  const body = { ...doc };
  const rightsRequestId = rightsIdOf("ex-rights");
  if (rightsRequestId) body.rightsRequestId = rightsRequestId;
  await busy($("export-submit"), async () => {
    try {
      const { blob, fileName } = await callForFile("POST", `${API}/export`, { body });
      const name = fileName || `subject-export-${todayIso().replaceAll("-", "")}.zip`;
      saveFile(blob, name);
      sayLive(exportStatus, () => t("sj.exReady", { name, size: sizeText(blob.size) }));
    } catch (err) {
      showApiFailure(exportForm, err, exportStatus, { rightsRequestId: "ex-rights" });
    }
  });
});

// Correct one field of one request.
const correctForm = $("correct-form");
const correctStatus = $("correct-status");
let correcting = null;
let correctReturn = null;
let correctDetail = null;
let prefilled = "";

const INPUT_MODE = { age: "numeric", phone: "tel" };

function showCurrent() {
  const field = $("cr-field").value;
  const current = $("cr-current");
  $("cr-value").inputMode = INPUT_MODE[field] ?? "text";
  if (!field || !correctDetail?.applicant) {
    current.hidden = true;
    return;
  }
  const value = correctDetail.applicant[field];
  const text = value === null || value === undefined ? "" : String(value);
  current.textContent = text ? t("sj.crCurrent", { value: text }) : t("sj.crCurrentEmpty");
  current.hidden = false;
  // The current value is the starting point, unless something else was typed already.
  const box = $("cr-value");
  if (box.value === "" || box.value === prefilled) {
    box.value = text;
    prefilled = text;
  }
}

async function openCorrection(r, button) {
  correcting = r;
  correctReturn = button;
  correctDetail = null;
  prefilled = "";
  resetErrors(correctForm);
  setStatus(correctStatus, "");
  $("cr-field").value = "";
  $("cr-value").value = "";
  $("cr-note").value = "";
  $("cr-current").hidden = true;
  $("correct-title").textContent = t("sj.correctTitle", { ref: r.referenceNumber });
  correctForm.hidden = false;
  $("correct-title").focus();
  // The request's current values, to show beside the field chosen (an audited view, as opening it).
  try {
    const { data } = await call("GET", `/api/staff/requests/${encodeURIComponent(r.referenceNumber)}`);
    if (correcting === r) {
      correctDetail = data;
      showCurrent();
    }
  } catch {
    // Without them the form still works.
  }
}

function closeCorrection({ focus = true } = {}) {
  const wasOpen = !correctForm.hidden;
  correctForm.hidden = true;
  correcting = null;
  correctDetail = null;
  if (focus && wasOpen && correctReturn?.isConnected) correctReturn.focus();
}

$("cr-field").addEventListener("change", showCurrent);
$("correct-close").addEventListener("click", () => {
  resetErrors(correctForm);
  closeCorrection();
});

const fieldName = (field) => [...$("cr-field").options].find((o) => o.value === field)?.textContent ?? field;

correctForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  if (!correcting) return;
  setStatus(correctStatus, "");
  const ref = correcting.referenceNumber;
  const body = { field: $("cr-field").value, value: $("cr-value").value.trim(), note: $("cr-note").value.trim(), rightsRequestId: rightsIdOf("cr-rights") };
  if (showRequired(correctForm, body.field ? {} : { "cr-field": t("sj.crFieldMissing") }) > 0) return;
  await busy($("correct-submit"), async () => {
    try {
      await call("PUT", `/api/staff/requests/${encodeURIComponent(ref)}/applicant`, { body });
      closeCorrection({ focus: false });
      await runSearch(doc, { refresh: true });
      sayLive($("subject-status"), () => t("sj.crDone", { field: fieldName(body.field), ref }));
      const again = document.querySelector(`#subject-requests-body tr[data-ref="${CSS.escape(ref)}"] button`);
      if (again) again.focus();
      else $("subject-title").focus();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setStatus(correctStatus, err.problem?.detail || t("sj.crErased"), true);
        await runSearch(doc, { refresh: true });
        return;
      }
      showApiFailure(correctForm, err, correctStatus, { field: "cr-field", value: "cr-value", note: "cr-note", rightsRequestId: "cr-rights" });
    }
  });
});

// Erase everything about the person, after a confirmation.
const eraseDialog = $("erase-dialog");
const eraseForm = $("erase-form");
const eraseStatus = $("erase-status");

function renderEraseText() {
  if (!result) return;
  const left = result.requests.filter((r) => !r.erased);
  $("erase-subject").textContent = t("sj.erSubject", { subject: result.subject.label ?? "" });
  $("erase-counts").textContent = t("sj.erCounts", { n: left.length, open: left.filter(isOpenRequest).length });
}

$("erase-open").addEventListener("click", () => {
  if (!result) return;
  resetErrors(eraseForm);
  setStatus(eraseStatus, "");
  $("er-reason").value = "";
  renderEraseText();
  eraseDialog.showModal();
  $("er-reason").focus();
});

$("erase-back").addEventListener("click", () => eraseDialog.close());
eraseDialog.addEventListener("close", () => {
  if (!$("erase-some").hidden && !$("subject").hidden) $("erase-open").focus();
  else if (!$("subject").hidden) $("subject-title").focus();
});

eraseForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  if (!doc) return;
  setStatus(eraseStatus, "");
  const reason = $("er-reason").value.trim();
  if (showRequired(eraseForm, reason.length < 5 ? { "er-reason": t(reason ? "sj.erReasonShort" : "s.required") } : {}) > 0) return;
  await busy($("erase-confirm"), async () => {
    try {
      const answer = await post(`${API}/erase`, { ...doc, reason, rightsRequestId: rightsIdOf("er-rights") });
      const erased = answer?.erased ?? 0;
      const cancelled = answer?.cancelled ?? 0;
      // The lists first, so that closing the dialog finds the page as it now is.
      await runSearch(doc, { refresh: true });
      sayLive($("subject-status"), () => t("sj.erDone", { n: erased }) + (cancelled ? ` ${t("sj.erCancelled", { n: cancelled })}` : ""));
      eraseDialog.close();
      loadRights();
    } catch (err) {
      showApiFailure(eraseForm, err, eraseStatus, { reason: "er-reason", rightsRequestId: "er-rights" });
    }
  });
});

// ---- (c) Retention ----
let retention = null;

async function loadRetention() {
  try {
    retention = await get(`${API}/retention`);
    setStatus($("retention-load-status"), "");
    renderRetention();
  } catch (err) {
    setStatus($("retention-load-status"), `${t("sj.loadError")}: ${messageOf(err)}`, true);
  }
}

function renderRetention() {
  if (!retention) return;
  const l = lang();
  $("rt-years").textContent = t("sj.rtYearsValue", { n: retention.years });
  $("rt-last").textContent = retention.lastRunAt ? t("sj.rtLastValue", { at: formatInstant(retention.lastRunAt, l), n: retention.lastRunErased ?? 0 }) : t("sj.rtNever");
  $("rt-next").textContent = retention.nextRunAt ? formatInstant(retention.nextRunAt, l) : "-";
  $("rt-due").textContent = retention.dueNow ? t("sj.rtDueValue", { n: retention.dueNow }) : t("sj.rtDueNone");
  $("retention-facts").hidden = false;
}

// ---- Start ----
onLangChange(() => {
  if ($("admin-content").hidden) return;
  // Our own texts at once; the server's (kinds, statuses, stations, labels) by asking again.
  renderRights();
  renderSubject();
  renderRetention();
  renderDoneText();
  if (eraseDialog.open) renderEraseText();
  showCurrent();
  fillCountries();
  loadRights();
  if (doc) runSearch(doc, { refresh: true }).then(() => eraseDialog.open && renderEraseText());
});

const me = await startSignedInPage();
if (!isAdmin(me)) {
  $("admin-only").hidden = false;
} else {
  $("admin-content").hidden = false;
  const today = todayIso();
  $("rr-askedOn").max = today;
  $("rr-askedOn").min = yearBefore(today);
  resetRightsForm();
  showKind();
  fillCountries();
  await Promise.all([loadRights(), loadRetention()]);
}
