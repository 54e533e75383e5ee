// Settings (/staff/settings, Admin; SPEC §8.9): the camera stations, the organization profile and
// its logo, the privacy notice (published versions are never edited: a new one is published) and
// the cancellation reasons. Each section loads and saves on its own; a 400 shows beside its field.
import {
  busy, bytes, checkbox, control, dateTime, fail, field, flag, form, html, nothing, onSubmit, rowButton, rules, say, setValue,
  showErrors, startPage, statusLine, summary, t, table, tx, update, valueOf,
} from "./ui.js";
import { listEditor, valuesOf } from "./list-editor.js";
import { call, get, messageOf, post, put, withQuery } from "./staff-api.js";
import { closedDaysView, loadClosedDays, loadPlaces, places } from "./viewing-settings.js";

const loadErrors = {};
const loadError = (section, err) => {
  loadErrors[section] = t("w.loadError", { error: messageOf(err) });
  update();
};
const yesNo = (value) => flag(t(value ? "w.yes" : "w.no"), value ? "preserved" : "muted");
const inLanguage = (label, language) => (language === "th" ? t("w.inThai", { label }) : language === "en" ? t("w.inEnglish", { label }) : label);
const nextOrder = (items) => items.reduce((max, x, i) => Math.max(max, x.sortOrder ?? i + 1), 0) + 1;

// ---- (a) Stations ----
const STATION = ["name", "nameEn", "district", "footageRetentionDays", "sortOrder", "isActive"];
const stations = listEditor({
  id: "station",
  caption: (n) => t("se.stationsCaption", { n }),
  head: () => [t("se.stColName"), t("se.stColNameEn"), t("se.stDistrict"), [t("se.stColRetention"), "num"], t("se.stActive"), [t("w.order"), "num"]],
  row: (s, edit) => html`<tr data-station-id=${s.id}><th scope="row">${s.name}</th><td>${s.nameEn ?? ""}</td><td>${s.district ?? ""}</td>
    <td class="num">${s.footageRetentionDays}</td><td>${yesNo(s.isActive !== false)}</td><td class="num">${s.sortOrder}</td>${edit}</tr>`,
  nameOf: (s) => s.name,
  focusOnEdit: "name",
  fields: (f) => {
    const days = rules().station;
    return html`
      ${field(f, "name", { label: inLanguage(t("se.stColName"), "th"), limit: "station.name", cls: "settings-grid__wide" })}
      ${field(f, "nameEn", { label: inLanguage(t("se.stColName"), "en"), limit: "station.nameEn", cls: "settings-grid__wide", lang: "en" })}
      ${field(f, "district", { label: t("se.stDistrict"), limit: "station.district" })}
      ${field(f, "footageRetentionDays", { label: t("se.stRetention"), hint: t("se.stRetentionHint", { min: days.retentionDaysMin, max: days.retentionDaysMax }),
        input: (id, described, invalid) => html`<input type="number" id=${id} min=${days.retentionDaysMin} max=${days.retentionDaysMax} step="1" inputmode="numeric" aria-describedby=${described} aria-invalid=${invalid}>` })}
      ${field(f, "sortOrder", { label: t("w.order"), input: (id, described, invalid) => html`<input type="number" id=${id} step="1" inputmode="numeric" aria-describedby=${described} aria-invalid=${invalid}>` })}
      ${checkbox(f, "isActive", t("se.stActive"))}`;
  },
  fill: (s) => (s ? { ...s } : { name: "", nameEn: "", district: "", footageRetentionDays: rules().station.defaultRetentionDays, sortOrder: nextOrder(stations.items), isActive: true }),
  send: async (f, editing) => {
    const body = valuesOf(f, STATION, ["footageRetentionDays", "sortOrder"]);
    if (editing) await put(`/api/staff/admin/stations/${encodeURIComponent(editing.id)}`, body);
    else await post("/api/staff/admin/stations", body);
    await loadStations();
    return { key: editing ? "se.stSaved" : "se.stAdded", values: { name: body.name } };
  },
  titles: { add: () => t("se.stFormNew"), edit: (s) => t("se.stFormEdit", { name: s.name }) },
  addLabel: () => t("se.stAdd"),
});
const loadStations = () => get("/api/staff/stations").then((list) => stations.set(list), (err) => loadError("stations", err));

// ---- (d) Cancellation reasons ----
const reasons = listEditor({
  id: "reason",
  caption: (n) => t("se.rsCaption", { n }),
  head: () => [t("w.code"), inLanguage(t("se.text"), "th"), inLanguage(t("se.text"), "en"), t("w.inUse"), [t("w.order"), "num"]],
  row: (r, edit) => html`<tr data-code=${r.code}><th scope="row"><code>${r.code}</code></th><td>${r.labelTh}</td><td>${r.labelEn}</td>
    <td>${yesNo(r.isActive !== false)}</td><td class="num">${r.sortOrder}</td>${edit}</tr>`,
  nameOf: (r) => r.code,
  focusOnEdit: "labelTh",
  fields: (f, editing) => html`
    ${field(f, "code", { label: t("w.code"), hint: t("se.rsCodeHint"), limit: "reason.code", spellcheck: "false",
      input: editing ? (id, described) => html`<input type="text" id=${id} readonly aria-describedby=${described}>` : undefined })}
    ${field(f, "sortOrder", { label: t("w.order"), input: (id, described, invalid) => html`<input type="number" id=${id} step="1" inputmode="numeric" aria-describedby=${described} aria-invalid=${invalid}>` })}
    ${checkbox(f, "isActive", t("w.inUse"))}
    ${field(f, "labelTh", { label: inLanguage(t("se.text"), "th"), limit: "reason.label", cls: "settings-grid__wide" })}
    ${field(f, "labelEn", { label: inLanguage(t("se.text"), "en"), limit: "reason.label", cls: "settings-grid__wide", lang: "en" })}`,
  fill: (r) => (r ? { ...r } : { code: "", labelTh: "", labelEn: "", sortOrder: nextOrder(reasons.items), isActive: true }),
  send: async (f, editing) => {
    const { code, ...body } = valuesOf(f, ["code", "labelTh", "labelEn", "isActive", "sortOrder"], ["sortOrder"]);
    if (editing) await put(`/api/staff/admin/cancellation-reasons/${encodeURIComponent(editing.code)}`, body);
    else await post("/api/staff/admin/cancellation-reasons", { code, ...body });
    await loadReasons();
    return { key: editing ? "se.rsSaved" : "se.rsAdded", values: { code: editing?.code ?? code } };
  },
  titles: { add: () => t("se.rsFormNew"), edit: (r) => t("se.rsFormEdit", { code: r.code }) },
  addLabel: () => t("se.rsAdd"),
});
const loadReasons = () => get("/api/staff/admin/cancellation-reasons").then((list) => reasons.set(list), (err) => loadError("reasons", err));

// ---- (b) Organization profile and logo ----
const orgFields = () => rules().organizationFields;
// A field's path is where its value sits in the profile ("nameTh", or "approvedInstructions.view.th" for a nested text).
const pathGet = (object, path) => path.split(".").reduce((o, key) => o?.[key], object);
const pathSet = (object, path, value) => {
  const keys = path.split(".");
  const last = keys.pop();
  keys.reduce((o, key) => (o[key] ??= {}), object)[last] = value;
  return object;
};
// The domain's own checks may say name, department...: they find the Thai field.
const org = form("org", {});
let hasLogo = false;
const logo = form("logo");

async function loadOrganization() {
  try {
    const answer = await get("/api/staff/admin/organization");
    for (const f of orgFields()) {
      org.aliases[f.name.replace(/Th$/, "").toLowerCase()] ??= f.name;
      org.aliases[f.path.toLowerCase()] = f.name;
      setValue(org, f.name, pathGet(answer.profile, f.path));
    }
    hasLogo = Boolean(answer.hasLogo);
    update();
  } catch (err) {
    loadError("org", err);
  }
}

const saveOrganization = onSubmit(org, async () => {
  await put("/api/staff/admin/organization", orgFields().reduce((body, f) => pathSet(body, f.path, valueOf(org, f.name)), {}));
  say(org, "se.orgSaved");
});

async function uploadLogo(e) {
  const file = e.target.files[0];
  if (!file) return;
  const isPng = file.type === "image/png" || (!file.type && file.name.toLowerCase().endsWith(".png"));
  const problem = !isPng ? t("se.logoNotPng") : file.size > rules().logo.maxBytes ? t("se.logoTooBig", { size: bytes(rules().logo.maxBytes) }) : "";
  e.target.value = "";
  if (showErrors(logo, problem ? { logo: problem } : {}, problem ? null : { key: "s.saving" })) return;
  try {
    await call("PUT", "/api/staff/admin/organization/logo", { rawBody: file, headers: { "Content-Type": "image/png" } });
    hasLogo = true;
    say(logo, "se.logoUploaded");
  } catch (err) {
    fail(logo, err);
  }
}

async function removeLogo(e) {
  await busy(e.currentTarget, async () => {
    try {
      await call("DELETE", "/api/staff/admin/organization/logo");
      hasLogo = false;
      say(logo, "se.logoRemoved");
      control(logo, "logo").focus();
    } catch (err) {
      fail(logo, err);
    }
  });
}

const orgGroup = (group, legend) => html`<fieldset class="settings-group"><legend>${legend}</legend><div class="pair-grid">
  ${orgFields().filter((f) => f.group === group).map((f) => field(org, f.name, {
    label: inLanguage(tx(f.label), f.language),
    input: (id, described, invalid) => (f.multiline
      ? html`<textarea id=${id} rows="3" maxlength=${f.max} lang=${f.language ?? nothing} aria-describedby=${described} aria-invalid=${invalid}></textarea>`
      : html`<input type="text" id=${id} maxlength=${f.max} autocomplete="off" lang=${f.language ?? nothing} aria-describedby=${described} aria-invalid=${invalid}>`),
  }))}</div></fieldset>`;

const orgView = () => html`
  <p class="hint">${t("se.orgLead")}</p>
  <form id="org-form" class="settings-form" novalidate @submit=${saveOrganization}>${summary(org)}
    ${orgGroup("names", t("se.groupNames"))}${orgGroup("form", t("se.groupForm"))}
    <button type="submit" class="button button--primary">${t("se.orgSave")}</button>${statusLine(org)}
  </form>
  <form id="logo-form" class="settings-form logo-form" novalidate>${summary(logo)}
    <h3>${t("se.logoTitle")}</h3>
    <div class="logo-preview">${hasLogo ? html`<img src="/api/organization/logo?v=${Date.now()}" alt=${t("se.logoAlt")}>` : html`<p class="hint">${t("se.noLogo")}</p>`}</div>
    ${field(logo, "logo", { label: t("se.logo"), hint: t("se.logoHint", { size: bytes(rules().logo.maxBytes), pixels: rules().logo.maxPixels }),
      input: (id, described) => html`<input type="file" id=${id} accept="image/png,.png" aria-describedby=${described} @change=${uploadLogo}>` })}
    ${hasLogo ? html`<button type="button" class="button button--danger button--small" @click=${removeLogo}>${t("se.logoRemove")}</button>` : nothing}
    ${statusLine(logo)}
  </form>`;

// ---- (c) Privacy notice ----
const notice = form("pn");
let notices = [];
let viewing = null;

const loadNotices = () => get("/api/staff/admin/privacy-notices").then((list) => {
  notices = list;
  update();
}, (err) => loadError("privacy", err));

async function showNotice(version) {
  try {
    viewing = await get(withQuery("/api/privacy-notice", { version }));
    update();
    document.getElementById("pn-view").focus();
  } catch (err) {
    loadError("privacy", err);
  }
}

const publish = onSubmit(notice, async () => {
  const body = { version: valueOf(notice, "version"), text: valueOf(notice, "text"), textEn: valueOf(notice, "textEn") };
  await post("/api/staff/admin/privacy-notices", body);
  setValue(notice, "version", "");
  await loadNotices();
  say(notice, "se.pnPublished", { version: body.version });
});

const privacyView = () => html`
  ${table({ id: "pn-table", cls: "settings-table", caption: t("se.pnCaption"), empty: t("se.pnNone"),
    head: [t("se.pnVersion"), t("se.pnColPublished"), t("se.pnCurrent"), t("w.actions")],
    rows: notices.map((n) => html`<tr><th scope="row">${n.version}</th><td>${dateTime(n.publishedAt)}</td>
      <td>${n.current ? flag(t("se.pnCurrent"), "preserved") : nothing}</td><td>${rowButton(t("se.pnView"), n.version, () => showNotice(n.version))}</td></tr>`) })}
  ${viewing ? html`<div class="pn-view" id="pn-view" tabindex="-1"><h3>${t("se.pnViewTitle", { version: viewing.version })}</h3>
    <div class="pn-view__texts"><div class="privacy-text prewrap" lang="th">${viewing.text}</div><div class="privacy-text prewrap" lang="en">${viewing.textEn}</div></div></div>` : nothing}
  <form id="privacy-form" class="settings-form" novalidate @submit=${publish}>${summary(notice)}
    <h3>${t("se.pnNewTitle")}</h3>
    <p class="notice notice--warning">${t("se.pnNote")}</p>
    ${field(notice, "version", { label: t("se.pnVersion"), hint: t("se.pnVersionHint"), limit: "privacyNotice.version", cls: "field--short", spellcheck: "false" })}
    ${field(notice, "text", { label: inLanguage(t("se.text"), "th"), limit: "privacyNotice.text", rows: 12, lang: "th" })}
    ${field(notice, "textEn", { label: inLanguage(t("se.text"), "en"), limit: "privacyNotice.text", rows: 12, lang: "en" })}
    <button type="submit" class="button button--primary">${t("se.pnNewTitle")}</button>${statusLine(notice)}
  </form>`;

/** The new version's texts start as the current one's (an edit in progress is kept). */
async function prefillNotice() {
  const current = await get("/api/privacy-notice").catch(() => null);
  if (current && !valueOf(notice, "text") && !valueOf(notice, "textEn")) {
    setValue(notice, "text", current.text);
    setValue(notice, "textEn", current.textEn);
  }
}

const SECTIONS = [
  ["stations", "se.stations", () => stations.view()],
  ["organization", "se.org", orgView],
  ["privacy", "form.sectionPrivacy", privacyView],
  ["reasons", "se.reasons", () => reasons.view()],
  ["places", "vt.places", () => places.view()],
  ["closed-days", "vt.closedDays", closedDaysView],
];

const view = () => html`
  <h1>${t("nav.settings")}</h1>
  <nav class="toc" aria-labelledby="toc-title"><h2 class="toc__title" id="toc-title">${t("se.contents")}</h2>
    <ul class="toc__list">${SECTIONS.map(([id, key]) => html`<li><a href="#${id}">${t(key)}</a></li>`)}</ul></nav>
  ${SECTIONS.map(([id, key, body]) => html`<section class="panel settings-section" id=${id} tabindex="-1"><h2>${t(key)}</h2>
    ${loadErrors[id] ? html`<p class="form-status form-status--error list-status" role="status">${loadErrors[id]}</p>` : nothing}${body()}</section>`)}`;

await startPage({ page: "settings", title: () => t("nav.settings"), view, admin: true });
await Promise.all([loadStations(), loadOrganization(), loadNotices(), loadReasons(),
  loadPlaces().catch((err) => loadError("places", err)), loadClosedDays().catch((err) => loadError("closed-days", err))]);
await prefillNotice();
