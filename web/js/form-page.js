// The citizen's form (/): fill, check, confirm, upload with progress, then the confirmation with
// the reference number and the QR code.
import { ApiError, getJson, uploadForm } from "./api.js";
import { initDateField } from "./datepicker.js";
import { addDays, asciiDigits, daysBetween, formatLong, parseTyped, todayIso } from "./dates.js";
import { clearError, clearErrors, showErrors } from "./field-errors.js";
import { filesOf, initFileField, rerenderAll } from "./files.js";
import { initLangSwitch, lang, onLangChange, t } from "./i18n.js";
import { idCheckText, identityFields, identitySummary, initIdentity, renderCountries, validateIdentity } from "./identity.js";
import { initLookup } from "./lookup.js";
import { approvedInstructions, field, loadSettings, message, settings } from "./settings.js";
import { applyNotifications, listed, newsBy, newsFields } from "./notify.js";
import { initSignature } from "./signature.js";
import { isThaiPhone } from "./thai-id.js";

const $ = (id) => document.getElementById(id);
const form = $("request-form");
let stations = [];
let notice = null;
let signature = null;
let idempotencyKey = null;
let sending = false;
// Typed but not sent: leaving the page (a reload, the back button) asks first.
let dirty = false;
window.addEventListener("beforeunload", (e) => {
  if (dirty) e.preventDefault();
});

initLangSwitch();
initLookup();

const writtenOn = initDateField(document.querySelector("[data-date-for='writtenOn']"), { onChange: () => clearError("writtenOn") });
const incidentDate = initDateField(document.querySelector("[data-date-for='incidentDate']"), {
  onChange: () => {
    clearError("incidentDate");
    updateOverwriteClock();
  },
});
writtenOn.setIso(todayIso());

// ---- Stations and the footage overwrite clock (SPEC §8.3) ----
// The API names stations in the page's language; a language switch asks again.
async function loadStations() {
  stations = await getJson("/api/stations");
  const select = $("stationId");
  const chosen = select.value;
  select.replaceChildren(select.options[0], ...stations.map((s) => {
    const option = document.createElement("option");
    option.value = String(s.id);
    option.textContent = s.name;
    return option;
  }));
  select.value = chosen;
}

function updateOverwriteClock() {
  const box = $("overwrite-clock");
  const station = stations.find((s) => String(s.id) === $("stationId").value);
  const incident = incidentDate.iso;
  if (!station || !incident) {
    box.hidden = true;
    return;
  }
  const overwrittenOn = addDays(incident, station.footageRetentionDays);
  const left = daysBetween(todayIso(), overwrittenOn);
  const lines = [t("clock.overwrittenOn", { days: station.footageRetentionDays, date: formatLong(overwrittenOn, lang()) })];
  const soon = settings()?.footageSoonDays ?? 0;
  box.classList.toggle("overwrite-clock--warning", left <= soon);
  if (left <= 0) lines.push(t("clock.past"));
  else if (left <= soon) lines.push(t("clock.soon", { n: left }));
  box.replaceChildren(...lines.map((line, i) => {
    const p = document.createElement(i === 0 ? "p" : "strong");
    p.textContent = line;
    return p;
  }));
  box.hidden = false;
}
$("stationId").addEventListener("change", updateOverwriteClock);

// ---- The privacy notice, shown in full before the tick ----
async function loadNotice() {
  notice = await getJson("/api/privacy-notice");
  renderNotice();
}

function renderNotice() {
  if (!notice) return;
  const text = lang() === "en" ? notice.textEn : notice.text;
  $("privacy-body").replaceChildren(...text.split(/\n\s*\n/).map((para) => {
    const p = document.createElement("p");
    p.textContent = para;
    return p;
  }));
}

// ---- Live feedback ----
$("title").addEventListener("change", () => {
  $("titleOther-field").hidden = $("title").value !== "other";
});

$("nationalId").addEventListener("input", () => {
  const { state, text } = idCheckText();
  const out = $("nationalId-check");
  out.className = `live-check live-check--${state}`;
  out.textContent = text;
});
initIdentity();

for (const radio of form.querySelectorAll("input[name='purpose']")) {
  radio.addEventListener("change", () => {
    $("fileCount-field").hidden = purpose() !== "Copy";
    clearError("purpose");
  });
}

for (const field of ["idCardCopy", "policeReport", "otherDocuments"]) {
  initFileField(field, (name, problem) => (problem ? showErrors({ [name]: problem }) : clearError(name)));
}

signature = initSignature((drawn) => drawn && clearError("signature"));

form.addEventListener("input", (e) => {
  dirty = true;
  // A changed form is a new request: a retry of the old one must not be answered with the old result.
  idempotencyKey = null;
  if (e.target.id) clearError(e.target.id);
  // "SMS only to a mobile" is about the tick and the number together.
  if (e.target.id === "phone") clearError("notifyBySms");
});

onLangChange(async () => {
  renderNotice();
  rerenderAll();
  $("nationalId").dispatchEvent(new Event("input"));
  await Promise.all([loadSettings().then(applySettings), loadStations()]).catch(() => {});
  updateOverwriteClock();
  renderApproved();
  renderNews();
});

// ---- Checking before sending (the server checks again) ----
function purpose() {
  return form.querySelector("input[name='purpose']:checked")?.value || "";
}

function titleValue() {
  return $("title").value === "other" ? $("titleOther").value.trim() : $("title").value;
}

/** The server's rules, with the server's messages (GET /api/form-settings). */
function validate() {
  const errors = {};
  const today = todayIso();
  const rule = (name) => settings().ruleMessages[name];
  const require = (name, ok) => {
    if (!ok) errors[name] = message(name, "required");
    return ok;
  };
  const text = (name) => $(name).value.trim();
  const length = (name) => {
    const { min, max } = field(name);
    if (text(name).length < min) errors[name] = message(name, "tooShort");
    else if (text(name).length > max) errors[name] = message(name, "tooLong");
  };
  const integer = (name) => {
    const n = Number(asciiDigits(text(name)));
    if (!(Number.isInteger(n) && /^\d+$/.test(asciiDigits(text(name))))) errors[name] = message(name, "invalid");
    else if (n < field(name).min || n > field(name).max) errors[name] = message(name, "outOfRange");
  };
  const date = (name, iso, typed, future, tooOld, back) => {
    if (!require(name, typed.trim() !== "")) return;
    if (!iso) errors[name] = message(name, "invalid");
    else if (iso > today) errors[name] = rule(future);
    else if (iso < addDays(today, -back)) errors[name] = rule(tooOld);
  };
  const { daysBack } = settings().limits;
  date("writtenOn", writtenOn.iso ?? parseTyped($("writtenOn").value, lang()), $("writtenOn").value, "writtenOnFuture", "writtenOnTooOld", daysBack.writtenOn);
  require("title", titleValue() !== "");
  if (require("firstName", text("firstName") !== "")) length("firstName");
  if (require("lastName", text("lastName") !== "")) length("lastName");
  if (require("age", text("age") !== "")) integer("age");
  if (require("nationality", text("nationality") !== "")) length("nationality");
  validateIdentity(errors, message, rule);
  if (require("address", text("address") !== "")) length("address");
  if (require("phone", text("phone") !== "") && !isThaiPhone($("phone").value)) errors.phone = message("phone", "invalid");
  if (require("purpose", purpose() !== "") && purpose() === "Copy" && require("fileCount", text("fileCount") !== "")) integer("fileCount");
  require("stationId", $("stationId").value !== "");
  date("incidentDate", incidentDate.iso ?? parseTyped($("incidentDate").value, lang()), $("incidentDate").value, "incidentFuture", "incidentTooOld", daysBack.incidentDate);
  if (!errors.incidentDate && !errors.writtenOn && incidentDate.iso && writtenOn.iso && incidentDate.iso > writtenOn.iso) {
    errors.incidentDate = rule("incidentAfterWritten");
  }
  if (require("incidentTime", $("incidentTime").value !== "") && !/^\d{2}:\d{2}$/.test($("incidentTime").value)) {
    errors.incidentTime = message("incidentTime", "invalid");
  }
  if (require("reason", text("reason") !== "")) length("reason");
  require("idCardCopy", filesOf("idCardCopy").length === 1);
  if (settings().policeReportRequired) require("policeReport", filesOf("policeReport").length === 1);
  require("privacyAccepted", $("privacyAccepted").checked);
  require("signature", !signature.isEmpty());
  return errors;
}

// ---- Confirm, then send ----
function summaryRows() {
  const station = stations.find((s) => String(s.id) === $("stationId").value);
  const news = newsBy();
  return [
    ["field.fullName", `${titleValue()}${$("firstName").value.trim()} ${$("lastName").value.trim()}`],
    identitySummary(),
    ["field.phone", $("phone").value.trim()],
    ["field.purpose", t(`purpose.${purpose()}`) + (purpose() === "Copy" ? ` (${asciiDigits($("fileCount").value.trim())})` : "")],
    ["field.station", station ? station.name : ""],
    ["field.incidentDate", `${formatLong(incidentDate.iso, lang())} ${$("incidentTime").value}`],
    ...(news.length ? [["confirm.notify", listed(news)]] : []),
  ];
}

function openConfirm() {
  const list = $("confirm-summary");
  list.replaceChildren(...summaryRows().flatMap(([label, value]) => {
    const dt = document.createElement("dt");
    dt.textContent = t(label);
    const dd = document.createElement("dd");
    dd.textContent = value;
    return [dt, dd];
  }));
  $("confirm-dialog").showModal();
  $("confirm-send").focus();
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  if (sending || !settings()) return;
  clearErrors();
  $("form-status").textContent = "";
  const errors = validate();
  if (showErrors(errors) === 0) openConfirm();
});

$("confirm-back").addEventListener("click", () => $("confirm-dialog").close());

function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function buildFormData() {
  const data = new FormData();
  const fields = {
    writtenOn: writtenOn.iso,
    title: titleValue(),
    firstName: $("firstName").value.trim(),
    lastName: $("lastName").value.trim(),
    ...identityFields(),
    age: asciiDigits($("age").value.trim()),
    ethnicity: $("ethnicity").value.trim(),
    nationality: $("nationality").value.trim(),
    address: $("address").value.trim(),
    phone: asciiDigits($("phone").value.trim()),
    purpose: purpose(),
    stationId: $("stationId").value,
    incidentDate: incidentDate.iso,
    incidentTime: $("incidentTime").value,
    reason: $("reason").value.trim(),
    privacyAccepted: "true",
    privacyNoticeVersion: notice?.version ?? "",
    signatureMethod: signature.method(),
  };
  if (purpose() === "Copy") fields.fileCount = asciiDigits($("fileCount").value.trim());
  Object.assign(fields, newsFields());
  for (const [name, value] of Object.entries(fields)) data.append(name, value ?? "");
  for (const field of ["idCardCopy", "policeReport", "otherDocuments"]) {
    for (const file of filesOf(field)) data.append(field, file, file.name);
  }
  data.append("signature", await signature.toBlob(), "signature.png");
  return data;
}

$("confirm-send").addEventListener("click", async () => {
  if (sending) return;
  sending = true;
  $("confirm-send").disabled = true;
  $("confirm-dialog").close();
  const button = $("submit-button");
  button.disabled = true;
  const progress = $("upload-progress");
  const bar = $("upload-bar");
  bar.value = 0;
  progress.hidden = false;
  $("form-status").textContent = t("form.sending");
  idempotencyKey ??= newKey();
  try {
    const result = await uploadForm("/api/requests", await buildFormData(), idempotencyKey, (pct) => (bar.value = pct));
    idempotencyKey = null;
    dirty = false;
    showConfirmation(result);
  } catch (err) {
    $("form-status").textContent = "";
    if (err instanceof ApiError && Object.keys(err.errors).length > 0) {
      // Field errors (400), or a refused file (413/415) named by its field.
      const shown = showErrors(err.errors, null);
      if (shown === 0) $("form-status").textContent = err.problem.detail || t("form.serverError");
    } else if (err instanceof ApiError && err.status === 0) {
      $("form-status").textContent = t("form.networkError");
    } else {
      $("form-status").textContent = err.problem?.detail || t("form.serverError");
    }
  } finally {
    progress.hidden = true;
    button.disabled = false;
    $("confirm-send").disabled = false;
    sending = false;
  }
});

// ---- The confirmation ----
let sentPurpose = null;
let sent = false;

/** How the citizen will hear back, when they asked to. */
function renderNews() {
  const news = sent ? newsBy() : [];
  $("done-notify").textContent = news.length ? t("done.notify", { channels: listed(news) }) : "";
  $("done-notify").hidden = news.length === 0;
}

/** What an approved request of the purpose just sent asks the applicant to do (the organization's text). */
function renderApproved() {
  if (sentPurpose) $("done-approved").textContent = approvedInstructions(sentPurpose);
}

function showConfirmation(result) {
  sentPurpose = purpose();
  sent = true;
  renderApproved();
  renderNews();
  $("form-view").hidden = true;
  const section = $("confirmation");
  $("done-reference").textContent = result.referenceNumber;
  const qr = `data:image/png;base64,${result.qrCodePng}`;
  const img = $("done-qr");
  img.src = qr;
  img.alt = t("done.qrAlt", { ref: result.referenceNumber });
  const download = $("done-download");
  download.href = qr;
  download.download = `${result.referenceNumber}.png`;
  $("done-status-link").href = result.statusUrl;
  $("done-warnings").replaceChildren(...(result.warnings || []).map((w) => {
    const p = document.createElement("p");
    p.className = "notice notice--warning";
    p.textContent = w.message;
    return p;
  }));
  section.hidden = false;
  document.title = `${t("done.title")} ${result.referenceNumber}`;
  section.focus();
  window.scrollTo(0, 0);
}

/** What depends on the server's settings: the police report's marker and the passport countries. */
function applySettings() {
  const required = settings().policeReportRequired;
  $("policeReport-label").classList.toggle("required", required);
  $("policeReport-label").classList.toggle("optional", !required);
  renderCountries($("passportCountry"));
  applyNotifications();
  signature.refit();
}

Promise.all([loadSettings().then(applySettings), loadStations(), loadNotice()]).catch(() => {
  $("form-status").textContent = t("form.serverError");
});
