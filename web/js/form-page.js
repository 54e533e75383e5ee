// The citizen's form (/): fill, check, confirm, upload with progress, then the confirmation with
// the reference number and the QR code.
import { ApiError, getJson, uploadForm } from "./api.js";
import { initDateField } from "./datepicker.js";
import { addDays, asciiDigits, daysBetween, formatLong, parseTyped, todayIso } from "./dates.js";
import { clearError, clearErrors, showErrors } from "./field-errors.js";
import { filesOf, initFileField, rerenderAll } from "./files.js";
import { initLangSwitch, lang, onLangChange, t } from "./i18n.js";
import { initLookup } from "./lookup.js";
import { initSignature } from "./signature.js";
import { checkId, isThaiPhone, normalizeId } from "./thai-id.js";

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
async function loadStations() {
  stations = await getJson("/api/stations");
  const select = $("stationId");
  for (const s of stations) {
    const option = document.createElement("option");
    option.value = String(s.id);
    select.append(option);
  }
  renderStationNames();
}

function renderStationNames() {
  for (const option of $("stationId").options) {
    const s = stations.find((x) => String(x.id) === option.value);
    if (s) option.textContent = lang() === "en" ? s.nameEn : s.name;
  }
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
  box.classList.toggle("overwrite-clock--warning", left <= 3);
  if (left <= 0) lines.push(t("clock.past"));
  else if (left <= 3) lines.push(t("clock.soon", { n: left }));
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
  const state = checkId($("nationalId").value);
  const out = $("nationalId-check");
  out.className = `live-check live-check--${state}`;
  out.textContent = state === "empty" ? "" : state === "incomplete"
    ? t("check.incomplete", { n: normalizeId($("nationalId").value).length })
    : t(`check.${state}`);
});

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
});

onLangChange(() => {
  renderStationNames();
  renderNotice();
  updateOverwriteClock();
  rerenderAll();
  $("nationalId").dispatchEvent(new Event("input"));
});

// ---- Checking before sending (the server checks again) ----
function purpose() {
  return form.querySelector("input[name='purpose']:checked")?.value || "";
}

function titleValue() {
  return $("title").value === "other" ? $("titleOther").value.trim() : $("title").value;
}

function validate() {
  const errors = {};
  const today = todayIso();
  const require = (field, ok) => {
    if (!ok) errors[field] = t(`err.required.${field}`);
    return ok;
  };
  const dateRule = (field, iso, text) => {
    if (!require(field, text.trim() !== "")) return;
    if (!iso) errors[field] = t("err.date.invalid");
    else if (iso > today) errors[field] = t("err.date.future");
  };
  dateRule("writtenOn", writtenOn.iso ?? parseTyped($("writtenOn").value, lang()), $("writtenOn").value);
  require("title", titleValue() !== "");
  require("firstName", $("firstName").value.trim() !== "");
  require("lastName", $("lastName").value.trim() !== "");
  const id = checkId($("nationalId").value);
  if (require("nationalId", id !== "empty") && id !== "valid") errors.nationalId = t("err.nationalId.invalid");
  const age = Number(asciiDigits($("age").value.trim()));
  if (require("age", $("age").value.trim() !== "") && !(Number.isInteger(age) && age >= 1 && age <= 120)) errors.age = t("err.age.range");
  require("nationality", $("nationality").value.trim() !== "");
  if (require("address", $("address").value.trim() !== "") && $("address").value.trim().length < 5) errors.address = t("err.address.short");
  if (require("phone", $("phone").value.trim() !== "") && !isThaiPhone($("phone").value)) errors.phone = t("err.phone.invalid");
  if (require("purpose", purpose() !== "") && purpose() === "Copy") {
    const count = Number(asciiDigits($("fileCount").value.trim()));
    if (require("fileCount", $("fileCount").value.trim() !== "") && !(Number.isInteger(count) && count >= 1 && count <= 50)) {
      errors.fileCount = t("err.fileCount.range");
    }
  }
  require("stationId", $("stationId").value !== "");
  dateRule("incidentDate", incidentDate.iso ?? parseTyped($("incidentDate").value, lang()), $("incidentDate").value);
  if (!errors.incidentDate && !errors.writtenOn && incidentDate.iso && writtenOn.iso && incidentDate.iso > writtenOn.iso) {
    errors.incidentDate = t("err.incident.afterWritten");
  }
  if (require("incidentTime", $("incidentTime").value !== "") && !/^\d{2}:\d{2}$/.test($("incidentTime").value)) errors.incidentTime = t("err.time.invalid");
  if (require("reason", $("reason").value.trim() !== "") && $("reason").value.trim().length < 10) errors.reason = t("err.reason.short");
  require("idCardCopy", filesOf("idCardCopy").length === 1);
  require("policeReport", filesOf("policeReport").length === 1);
  require("privacyAccepted", $("privacyAccepted").checked);
  require("signature", !signature.isEmpty());
  return errors;
}

// ---- Confirm, then send ----
function summaryRows() {
  const station = stations.find((s) => String(s.id) === $("stationId").value);
  return [
    ["field.fullName", `${titleValue()}${$("firstName").value.trim()} ${$("lastName").value.trim()}`],
    ["field.nationalId", normalizeId($("nationalId").value)],
    ["field.phone", $("phone").value.trim()],
    ["field.purpose", t(`purpose.${purpose()}`) + (purpose() === "Copy" ? ` (${asciiDigits($("fileCount").value.trim())})` : "")],
    ["field.station", station ? (lang() === "en" ? station.nameEn : station.name) : ""],
    ["field.incidentDate", `${formatLong(incidentDate.iso, lang())} ${$("incidentTime").value}`],
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
  if (sending) return;
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
    nationalId: normalizeId($("nationalId").value),
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
  };
  if (purpose() === "Copy") fields.fileCount = asciiDigits($("fileCount").value.trim());
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
function showConfirmation(result) {
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

Promise.all([loadStations(), loadNotice()]).catch(() => {
  $("form-status").textContent = t("form.serverError");
});
