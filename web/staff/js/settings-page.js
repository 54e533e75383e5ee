// Settings (/staff/settings, Admin; SPEC §8.9): the camera stations, the organization profile and
// its logo, the privacy notice (published versions are never edited: a new one is published) and
// the cancellation reasons. Each section loads and saves on its own; a 400 shows beside its field.
import "./texts.js";
import { formatInstant } from "../../js/dates.js";
import { apply, lang, onLangChange, t } from "../../js/i18n.js";
import { busy, byName, renameBy, resetErrors, say, setStatus, showFailure, showRequired } from "./forms.js";
import { cell, messageRow } from "./paging.js";
import { isAdmin, startSignedInPage } from "./session.js";
import { call, get, messageOf, post, put, withQuery } from "./staff-api.js";

const $ = (id) => document.getElementById(id);
const INTEGER = /^-?\d+$/;

function hiddenText(text) {
  const span = document.createElement("span");
  span.className = "visually-hidden";
  span.textContent = text;
  return span;
}

function smallButton(key, name, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "button button--secondary button--small";
  b.append(t(key), hiddenText(` ${name}`));
  b.addEventListener("click", onClick);
  return b;
}

function yesNo(value) {
  const span = document.createElement("span");
  span.className = `flag ${value ? "flag--preserved" : "flag--muted"}`;
  span.textContent = t(value ? "se.yes" : "se.no");
  return span;
}

/** Which submit button sent the form (Enter sends the first one shown). */
const submitterOf = (e, form) => e.submitter || form.querySelector("button[type=submit]:not([hidden])");

const loadError = (statusId, err) => setStatus($(statusId), `${t("se.loadError")}: ${messageOf(err)}`, true);

// ---- (a) Stations ----
const stationForm = $("station-form");
const stationStatus = $("station-status");
let stations = [];
let editingStation = null;

const stationName = (s) => (lang() === "en" && s.nameEn ? s.nameEn : s.name);
const orderOf = (s, i) => s.sortOrder ?? i + 1;

async function loadStations() {
  try {
    stations = await get("/api/staff/stations");
    setStatus($("stations-load-status"), "");
    renderStations();
  } catch (err) {
    loadError("stations-load-status", err);
  }
}

function renderStations() {
  $("stations-caption").textContent = t("se.stationsCaption", { n: stations.length });
  const body = $("stations-body");
  if (!stations.length) {
    body.replaceChildren(messageRow(7, t("st.empty")));
    return;
  }
  body.replaceChildren(...stations.map((s, i) => {
    const tr = document.createElement("tr");
    tr.dataset.stationId = String(s.id);
    tr.append(
      cell(s.name, { tag: "th" }),
      cell(s.nameEn ?? ""),
      cell(s.district ?? ""),
      cell(String(s.footageRetentionDays ?? ""), { className: "num" }),
      cell(yesNo(s.isActive !== false)),
      cell(String(orderOf(s, i)), { className: "num" }),
      cell(smallButton("se.edit", s.name, () => editStation(s))),
    );
    return tr;
  }));
}

function showStationForm() {
  const editing = Boolean(editingStation);
  $("station-save").hidden = !editing;
  $("station-stop").hidden = !editing;
  $("station-add").hidden = editing;
  const title = $("station-form-title");
  title.removeAttribute("data-i18n");
  title.textContent = editing ? t("se.stFormEdit", { name: editingStation.name }) : t("se.stFormNew");
}

function editStation(s) {
  editingStation = s;
  resetErrors(stationForm);
  setStatus(stationStatus, "");
  $("st-name").value = s.name ?? "";
  $("st-nameEn").value = s.nameEn ?? "";
  $("st-district").value = s.district ?? "";
  $("st-retention").value = s.footageRetentionDays ?? "";
  $("st-order").value = orderOf(s, stations.indexOf(s));
  $("st-active").checked = s.isActive !== false;
  showStationForm();
  $("st-name").focus();
}

function newStation() {
  editingStation = null;
  $("st-name").value = "";
  $("st-nameEn").value = "";
  $("st-district").value = "";
  $("st-retention").value = "30";
  $("st-order").value = String(stations.reduce((max, s, i) => Math.max(max, orderOf(s, i)), 0) + 1);
  $("st-active").checked = true;
  showStationForm();
}

const STATION_FIELDS = byName({ name: "st-name", nameEn: "st-nameEn", district: "st-district", footageRetentionDays: "st-retention", isActive: "st-active", sortOrder: "st-order" });

stationForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const button = submitterOf(e, stationForm);
  const adding = button?.id !== "station-save" || !editingStation;
  setStatus(stationStatus, "");
  const body = {
    name: $("st-name").value.trim(),
    nameEn: $("st-nameEn").value.trim(),
    district: $("st-district").value.trim(),
    footageRetentionDays: Number($("st-retention").value),
    isActive: $("st-active").checked,
    sortOrder: Number($("st-order").value),
  };
  const missing = {};
  for (const [field, id] of [["name", "st-name"], ["nameEn", "st-nameEn"], ["district", "st-district"]]) {
    if (!body[field]) missing[id] = t("s.required");
  }
  const retention = $("st-retention").value.trim();
  if (!INTEGER.test(retention) || Number(retention) < 1) missing["st-retention"] = t("se.retentionInvalid");
  if (!INTEGER.test($("st-order").value.trim())) missing["st-order"] = t("se.numberInvalid");
  if (showRequired(stationForm, missing) > 0) return;
  await busy(button, async () => {
    try {
      if (adding) await post("/api/staff/admin/stations", body);
      else await put(`/api/staff/admin/stations/${encodeURIComponent(editingStation.id)}`, body);
      await loadStations();
      newStation();
      say(stationStatus, adding ? "se.stAdded" : "se.stSaved", { name: body.name });
    } catch (err) {
      showFailure(stationForm, err, { status: stationStatus, rename: renameBy(err, STATION_FIELDS) });
    }
  });
});

$("station-stop").addEventListener("click", () => {
  resetErrors(stationForm);
  setStatus(stationStatus, "");
  newStation();
  $("st-name").focus();
});

// ---- (b) Organization profile ----
// Each pair: the API's Thai and English field, with a textarea for the long texts.
const ORG_PAIRS = [
  ["org-fields-names", "nameTh", "nameEn"],
  ["org-fields-names", "departmentTh", "departmentEn"],
  ["org-fields-names", "addressTh", "addressEn", "textarea"],
  ["org-fields-names", "phone", "phoneExtension"],
  ["org-fields-names", "approvedViewTh", "approvedViewEn", "textarea"],
  ["org-fields-names", "approvedCopyTh", "approvedCopyEn", "textarea"],
  ["org-fields-form", "formTitleTh", "formTitleEn"],
  ["org-fields-form", "officerTitleTh", "officerTitleEn"],
  ["org-fields-form", "centreHeadTitleTh", "centreHeadTitleEn"],
  ["org-fields-form", "deputyTitleTh", "deputyTitleEn"],
  ["org-fields-form", "chiefExecutiveTitleTh", "chiefExecutiveTitleEn"],
];
const ORG_FIELDS = ORG_PAIRS.flatMap(([, th, en]) => [th, en]);
const OPTIONAL_ORG = new Set(["phoneExtension"]);
const MAX_LENGTH = { nameTh: 200, nameEn: 200, departmentTh: 200, departmentEn: 200, addressTh: 500, addressEn: 500, phone: 30, phoneExtension: 10, approvedViewTh: 2000, approvedViewEn: 2000, approvedCopyTh: 2000, approvedCopyEn: 2000 };
// The API's approvedInstructions: { view: { th, en }, copy: { th, en } }, one text per purpose, edited in these four boxes.
const INSTRUCTIONS = { approvedViewTh: ["view", "th"], approvedViewEn: ["view", "en"], approvedCopyTh: ["copy", "th"], approvedCopyEn: ["copy", "en"] };
const orgId = (field) => `org-${field}`;
const orgForm = $("org-form");
const orgStatus = $("org-status");

function buildOrgFields() {
  for (const [container, ...rest] of ORG_PAIRS) {
    const kind = rest[2] === "textarea" ? "textarea" : "input";
    for (const field of rest.slice(0, 2)) {
      const id = orgId(field);
      const box = document.createElement("div");
      box.className = "field";
      box.dataset.field = id;
      const label = document.createElement("label");
      label.htmlFor = id;
      label.dataset.i18n = `se.${field}`;
      label.textContent = t(`se.${field}`);
      const control = document.createElement(kind);
      control.id = id;
      if (kind === "input") {
        control.type = field === "phone" || field === "phoneExtension" ? "tel" : "text";
        control.autocomplete = "off";
      } else {
        control.rows = 3;
      }
      control.maxLength = MAX_LENGTH[field] ?? 300;
      if (field.endsWith("En")) control.lang = "en";
      control.setAttribute("aria-describedby", `${id}-error`);
      const error = document.createElement("p");
      error.className = "field-error";
      error.id = `${id}-error`;
      error.hidden = true;
      box.append(label, control, error);
      $(container).append(box);
    }
  }
}

// The API names the profile's fields as the form does (nameTh...); the domain's own checks may say
// name/nameEn, department/departmentEn...: both find their field.
const ORG_RENAME = (() => {
  const map = Object.fromEntries(ORG_FIELDS.map((f) => [f, orgId(f)]));
  for (const f of ORG_FIELDS) if (f.endsWith("Th")) map[f.slice(0, -2)] = orgId(f);
  for (const [f, [purpose, l]] of Object.entries(INSTRUCTIONS)) map[`approvedInstructions.${purpose}.${l}`] = orgId(f);
  return byName(map);
})();

function setHeaderName(profile) {
  for (const el of document.querySelectorAll("[data-org-name]")) el.textContent = lang() === "en" ? profile.nameEn : profile.nameTh;
}

async function loadOrganization() {
  try {
    const answer = await get("/api/staff/admin/organization");
    // The contract's flat shape, or { profile: {...}, hasLogo }.
    const profile = answer?.profile ? { ...answer.profile, hasLogo: answer.hasLogo } : answer;
    for (const field of ORG_FIELDS) {
      const [purpose, l] = INSTRUCTIONS[field] ?? [];
      $(orgId(field)).value = (purpose ? profile.approvedInstructions?.[purpose]?.[l] : profile[field]) ?? "";
    }
    renderLogo(Boolean(profile.hasLogo));
    setStatus($("org-load-status"), "");
  } catch (err) {
    loadError("org-load-status", err);
  }
}

orgForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  setStatus(orgStatus, "");
  const body = Object.fromEntries(ORG_FIELDS.map((f) => [f, $(orgId(f)).value.trim()]));
  const missing = {};
  for (const f of ORG_FIELDS) if (!OPTIONAL_ORG.has(f) && !body[f]) missing[orgId(f)] = t("s.required");
  if (showRequired(orgForm, missing) > 0) return;
  body.approvedInstructions = { view: {}, copy: {} };
  for (const [f, [purpose, l]] of Object.entries(INSTRUCTIONS)) {
    body.approvedInstructions[purpose][l] = body[f];
    delete body[f];
  }
  await busy($("org-save"), async () => {
    try {
      await put("/api/staff/admin/organization", body);
      setHeaderName(body);
      say(orgStatus, "se.orgSaved");
    } catch (err) {
      showFailure(orgForm, err, { status: orgStatus, rename: renameBy(err, ORG_RENAME) });
    }
  });
});

// Logo: the PNG's bytes as they are (Content-Type image/png); the server checks size and pixels.
const LOGO_MAX_BYTES = 512 * 1024;
const logoForm = $("logo-form");
const logoStatus = $("logo-status");

function renderLogo(hasLogo) {
  const img = $("logo-preview");
  if (hasLogo) img.src = `/api/organization/logo?v=${Date.now()}`;
  else img.removeAttribute("src");
  img.hidden = !hasLogo;
  $("no-logo").hidden = hasLogo;
  $("logo-remove").hidden = !hasLogo;
}

$("logo").addEventListener("change", async () => {
  const input = $("logo");
  const file = input.files[0];
  if (!file) return;
  setStatus(logoStatus, "");
  resetErrors(logoForm);
  const isPng = file.type === "image/png" || (!file.type && file.name.toLowerCase().endsWith(".png"));
  const problem = !isPng ? t("se.logoNotPng") : file.size > LOGO_MAX_BYTES ? t("se.logoTooBig") : "";
  if (problem) {
    showRequired(logoForm, { logo: problem });
    input.value = "";
    return;
  }
  input.disabled = true;
  say(logoStatus, "s.saving");
  try {
    await call("PUT", "/api/staff/admin/organization/logo", { rawBody: file, headers: { "Content-Type": "image/png" } });
    renderLogo(true);
    say(logoStatus, "se.logoUploaded");
  } catch (err) {
    showFailure(logoForm, err, { status: logoStatus, fallbackField: "logo" });
  } finally {
    input.disabled = false;
    input.value = "";
  }
});

$("logo-remove").addEventListener("click", async (e) => {
  setStatus(logoStatus, "");
  resetErrors(logoForm);
  await busy(e.currentTarget, async () => {
    try {
      await call("DELETE", "/api/staff/admin/organization/logo");
      renderLogo(false);
      say(logoStatus, "se.logoRemoved");
      $("logo").focus();
    } catch (err) {
      setStatus(logoStatus, messageOf(err), true);
    }
  });
});

// ---- (c) Privacy notice ----
const privacyForm = $("privacy-form");
const pnStatus = $("pn-status");
let notices = [];
let viewing = null;

async function loadNotices() {
  try {
    notices = await get("/api/staff/admin/privacy-notices");
    setStatus($("pn-load-status"), "");
    renderNotices();
  } catch (err) {
    loadError("pn-load-status", err);
  }
}

function renderNotices() {
  const l = lang();
  const body = $("pn-body");
  if (!notices.length) {
    body.replaceChildren(messageRow(4, t("se.pnNone")));
    return;
  }
  body.replaceChildren(...notices.map((n) => {
    const tr = document.createElement("tr");
    let current = "";
    if (n.current) {
      current = document.createElement("span");
      current.className = "flag flag--preserved";
      current.textContent = t("se.pnCurrent");
    }
    tr.append(
      cell(n.version, { tag: "th" }),
      cell(n.publishedAt ? formatInstant(n.publishedAt, l) : ""),
      cell(current),
      cell(smallButton("se.pnView", n.version, () => viewNotice(n.version))),
    );
    return tr;
  }));
}

async function viewNotice(version) {
  try {
    const notice = await get(withQuery("/api/privacy-notice", { version }));
    viewing = version;
    $("pn-view-title").textContent = t("se.pnViewTitle", { version: notice.version ?? version });
    $("pn-view-th").textContent = notice.text ?? "";
    $("pn-view-en").textContent = notice.textEn ?? "";
    $("pn-view").hidden = false;
    $("pn-view").focus();
  } catch (err) {
    loadError("pn-load-status", err);
  }
}

/** The new version's texts start as the current one's (once; an edit in progress is kept). */
async function prefillNotice() {
  try {
    const current = await get("/api/privacy-notice");
    if (!$("pn-text").value && !$("pn-textEn").value) {
      $("pn-text").value = current.text ?? "";
      $("pn-textEn").value = current.textEn ?? "";
    }
  } catch (err) {
    loadError("pn-load-status", err);
  }
}

privacyForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  setStatus(pnStatus, "");
  const body = { version: $("pn-version").value.trim(), text: $("pn-text").value.trim(), textEn: $("pn-textEn").value.trim() };
  const missing = {};
  if (!body.version) missing["pn-version"] = t("s.required");
  if (!body.text) missing["pn-text"] = t("s.required");
  if (!body.textEn) missing["pn-textEn"] = t("s.required");
  if (showRequired(privacyForm, missing) > 0) return;
  await busy($("pn-publish"), async () => {
    try {
      await post("/api/staff/admin/privacy-notices", body);
      $("pn-version").value = "";
      await loadNotices();
      say(pnStatus, "se.pnPublished", { version: body.version });
    } catch (err) {
      showFailure(privacyForm, err, { status: pnStatus, rename: renameBy(err, byName({ version: "pn-version", text: "pn-text", textEn: "pn-textEn" })) });
    }
  });
});

// ---- (d) Cancellation reasons ----
const reasonForm = $("reason-form");
const reasonStatus = $("reason-status");
let reasons = [];
let editingReason = null;

async function loadReasons() {
  try {
    reasons = await get("/api/staff/admin/cancellation-reasons");
    setStatus($("reasons-load-status"), "");
    renderReasons();
  } catch (err) {
    loadError("reasons-load-status", err);
  }
}

function renderReasons() {
  $("reasons-caption").textContent = t("se.rsCaption", { n: reasons.length });
  const body = $("reasons-body");
  if (!reasons.length) {
    body.replaceChildren(messageRow(6, t("st.empty")));
    return;
  }
  body.replaceChildren(...reasons.map((r) => {
    const tr = document.createElement("tr");
    tr.dataset.code = r.code;
    const code = document.createElement("code");
    code.textContent = r.code;
    tr.append(
      cell(code, { tag: "th" }),
      cell(r.labelTh ?? ""),
      cell(r.labelEn ?? ""),
      cell(yesNo(r.isActive !== false)),
      cell(String(r.sortOrder ?? ""), { className: "num" }),
      cell(smallButton("se.edit", r.code, () => editReason(r))),
    );
    return tr;
  }));
}

function showReasonForm() {
  const editing = Boolean(editingReason);
  $("reason-save").hidden = !editing;
  $("reason-stop").hidden = !editing;
  $("reason-add").hidden = editing;
  // The code names the reason (PUT .../{code}): it cannot change once made.
  $("rs-code").readOnly = editing;
  const title = $("reason-form-title");
  title.removeAttribute("data-i18n");
  title.textContent = editing ? t("se.rsFormEdit", { code: editingReason.code }) : t("se.rsFormNew");
}

function editReason(r) {
  editingReason = r;
  resetErrors(reasonForm);
  setStatus(reasonStatus, "");
  $("rs-code").value = r.code;
  $("rs-labelTh").value = r.labelTh ?? "";
  $("rs-labelEn").value = r.labelEn ?? "";
  $("rs-active").checked = r.isActive !== false;
  $("rs-order").value = r.sortOrder ?? "";
  showReasonForm();
  $("rs-labelTh").focus();
}

function newReason() {
  editingReason = null;
  $("rs-code").value = "";
  $("rs-labelTh").value = "";
  $("rs-labelEn").value = "";
  $("rs-active").checked = true;
  $("rs-order").value = String(reasons.reduce((max, r) => Math.max(max, r.sortOrder ?? 0), 0) + 1);
  showReasonForm();
}

const REASON_FIELDS = byName({ code: "rs-code", labelTh: "rs-labelTh", labelEn: "rs-labelEn", isActive: "rs-active", sortOrder: "rs-order" });

reasonForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const button = submitterOf(e, reasonForm);
  const adding = button?.id !== "reason-save" || !editingReason;
  setStatus(reasonStatus, "");
  const code = adding ? $("rs-code").value.trim() : editingReason.code;
  const form = { labelTh: $("rs-labelTh").value.trim(), labelEn: $("rs-labelEn").value.trim(), isActive: $("rs-active").checked, sortOrder: Number($("rs-order").value) };
  const missing = {};
  if (!code) missing["rs-code"] = t("s.required");
  if (!form.labelTh) missing["rs-labelTh"] = t("s.required");
  if (!form.labelEn) missing["rs-labelEn"] = t("s.required");
  if (!INTEGER.test($("rs-order").value.trim())) missing["rs-order"] = t("se.numberInvalid");
  if (showRequired(reasonForm, missing) > 0) return;
  await busy(button, async () => {
    try {
      if (adding) await post("/api/staff/admin/cancellation-reasons", { code, ...form });
      else await put(`/api/staff/admin/cancellation-reasons/${encodeURIComponent(code)}`, form);
      await loadReasons();
      newReason();
      say(reasonStatus, adding ? "se.rsAdded" : "se.rsSaved", { code });
    } catch (err) {
      showFailure(reasonForm, err, { status: reasonStatus, rename: renameBy(err, REASON_FIELDS) });
    }
  });
});

$("reason-stop").addEventListener("click", () => {
  resetErrors(reasonForm);
  setStatus(reasonStatus, "");
  newReason();
  $("rs-code").focus();
});

// ---- Start ----
onLangChange(() => {
  renderStations();
  showStationForm();
  renderNotices();
  if (viewing) $("pn-view-title").textContent = t("se.pnViewTitle", { version: viewing });
  renderReasons();
  showReasonForm();
});

const me = await startSignedInPage();
if (!isAdmin(me)) {
  $("admin-only").hidden = false;
} else {
  buildOrgFields();
  apply($("org-form"));
  $("admin-content").hidden = false;
  newStation();
  newReason();
  await Promise.all([loadStations().then(() => newStation()), loadOrganization(), loadNotices(), prefillNotice(), loadReasons().then(() => newReason())]);
}
