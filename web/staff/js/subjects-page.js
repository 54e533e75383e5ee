// Data subject rights (/staff/subjects, Admin; PDPA ss. 30-35): the log of rights requests with
// their 30-day deadlines, finding a person by national ID or passport (the document only ever
// travels in POST bodies, never in a URL), what can be done for that person (subject-actions.js),
// and the retention sweep's state.
import { checkId, normalizeId } from "../../js/thai-id.js";
import { normalizePassport } from "../../js/identity.js";
import {
  busy, countryName, dateTime, fail, field, flag, form, html, inDays, labelOf, lang, nothing, onLangChange, onSubmit, option,
  rowButton, say, settings, shortDate, showErrors, startPage, statusLine, summary, t, table, update, valueOf,
} from "./ui.js";
import { personView, person } from "./subject-actions.js";
import { get, messageOf, post, withQuery } from "./staff-api.js";

const API = "/api/staff/subjects";
const log = form("rights");
const search = form("search");
const done = form("dn");
let filter = "open";
let rights = null;
let retention = null;
let kind = "nationalId";
let doneTarget = null;

async function loadRights() {
  try {
    rights = await get(withQuery(`${API}/rights-requests`, { status: filter }));
  } catch (err) {
    rights = null;
    say(log, "w.loadError", { error: messageOf(err) }, true);
  }
  update();
}

/** One rights request as a row; withSubject for the page-wide log (the person's list is one person's). */
export function rightsRow(r, withSubject) {
  const open = r.status === "Open";
  const late = open && r.daysLeft < 0;
  return html`<tr data-rights-id=${r.id} class=${late ? "row--gone" : nothing}>
    <th scope="row">${labelOf("rightsKinds", r.kind)}</th>
    <td class="nowrap">${shortDate(r.askedOn)}</td>
    <td class="deadline-cell"><span class="cell-main">${shortDate(r.deadline)}</span>
      ${open && r.daysLeft != null ? flag(t("sj.due", { when: inDays(r.daysLeft) }), late ? "gone" : r.daysLeft <= 7 ? "soon" : "plain") : nothing}</td>
    ${withSubject ? html`<td>${r.subjectLabel}</td>` : nothing}
    <td class="note-cell">${r.note ? html`<span class="cell-main prewrap">${r.note}</span>` : nothing}
      ${r.createdByName ? html`<span class="cell-sub">${t("sj.createdBy", { name: r.createdByName })}</span>` : nothing}</td>
    <td>${open ? rowButton(t("sj.markDone"), `${labelOf("rightsKinds", r.kind)} ${withSubject ? r.subjectLabel : shortDate(r.askedOn)}`, (e) => openDone(r, e.currentTarget))
      : html`${flag(t("sj.doneOn", { date: dateTime(r.doneAt) }), "preserved")}${r.doneByName ? html`<span class="cell-sub">${t("w.by", { name: r.doneByName })}</span>` : nothing}`}</td>
  </tr>`;
}

let doneReturn = null;
function openDone(r, button) {
  doneTarget = r;
  doneReturn = button;
  showErrors(done, {});
  document.getElementById("dn-note").value = "";
  document.getElementById("done-dialog").showModal();
  document.getElementById("dn-note").focus();
}

const markDone = onSubmit(done, async () => {
  const target = doneTarget;
  try {
    await post(`${API}/rights-requests/${encodeURIComponent(target.id)}/done`, { note: valueOf(done, "note") });
  } finally {
    // Done here or already elsewhere (409): the lists show it as it is.
    await loadRights();
    if (person.doc) await person.refresh();
  }
  document.getElementById("done-dialog").close();
  say(log, "sj.dnDone", { kind: () => labelOf("rightsKinds", target.kind) });
});

// ---- Find a person ----
async function find(e) {
  e.preventDefault();
  const missing = {};
  let doc;
  if (kind === "passport") {
    doc = { passportNumber: normalizePassport(valueOf(search, "passportNumber")), passportCountry: valueOf(search, "passportCountry") };
    if (!doc.passportNumber) missing.passportNumber = t("s.required");
    if (!doc.passportCountry) missing.passportCountry = t("sj.countryMissing");
  } else {
    const state = checkId(valueOf(search, "nationalId"));
    if (state !== "valid") missing.nationalId = t({ empty: "s.required", incomplete: "sj.idIncomplete" }[state] ?? "lookup.invalid");
    doc = { nationalId: normalizeId(valueOf(search, "nationalId")) };
  }
  if (showErrors(search, missing)) return;
  await busy(e.submitter, async () => {
    say(search, "sj.searching");
    try {
      const n = await person.find(doc);
      say(search, n ? "sj.found" : "sj.notFound", { n });
      document.getElementById("subject-title").focus();
    } catch (err) {
      fail(search, err);
    }
  });
}

function countries() {
  const list = (settings()?.countries ?? []).map((c) => ({ code: c.code, name: countryName(c.code) })).sort((a, b) => a.name.localeCompare(b.name, lang()));
  return [option("", t("option.choose")), ...list.map((c) => option(c.code, c.name))];
}

const searchView = () => html`
  <form id="search-form" class="settings-form subject-search" novalidate @submit=${find}>${summary(search)}
    <fieldset class="group"><legend>${t("lookup.kind")}</legend>
      ${[["nationalId", t("sj.kindId")], ["passport", t("lookup.kindPassport")]].map(([value, label]) => html`<div class="choice choice--inline">
        <input type="radio" name="s-kind" id="s-kind-${value}" value=${value} ?checked=${kind === value} @change=${() => { kind = value; update(); }}>
        <label for="s-kind-${value}">${label}</label></div>`)}
    </fieldset>
    <div class="settings-grid">
      ${kind === "nationalId"
        ? field(search, "nationalId", { label: t("field.nationalId"), hint: t("sj.nationalIdHint"), inputmode: "numeric", spellcheck: "false" })
        : html`${field(search, "passportNumber", { label: t("field.passportNumber"), limit: "subject.passportNumber", spellcheck: "false" })}
          ${field(search, "passportCountry", { label: t("field.passportCountry"), options: countries() })}`}
    </div>
    <button type="submit" class="button button--primary">${t("w.search")}</button>${statusLine(search)}
  </form>`;

const CAPTION = { open: "sj.captionOpen", done: "sj.captionDone", all: "sj.captionAll" };

function logView() {
  const late = rights?.filter((r) => r.status === "Open" && r.daysLeft < 0).length ?? 0;
  return html`
    <div class="field field--inline rights-filter"><label for="rights-filter">${t("w.show")}</label>
      <select id="rights-filter" @change=${(e) => { filter = e.target.value; loadRights(); }}>
        ${option("open", t("w.open"), filter === "open")}${option("done", t("w.done"), filter === "done")}${option("all", t("w.all"), filter === "all")}</select></div>
    ${statusLine(log, "list-status")}
    ${table({ id: "rights-table", cls: "rights-table", empty: t("sj.noRights"),
      caption: `${t(CAPTION[filter], { n: rights?.length ?? "-" })}${late ? ` ${t("sj.captionLate", { n: late })}` : ""}`,
      head: [t("sj.colKind"), t("sj.colAskedOn"), t("sj.colDeadline"), t("sj.colSubject"), t("w.note"), t("w.actions")], rows: rights?.map((r) => rightsRow(r, true)) ?? [] })}`;
}

const retentionView = () => (retention ? html`<dl class="facts">
  <dt>${t("sj.rtYears")}</dt><dd>${t("sj.rtYearsValue", { n: retention.years })}</dd>
  <dt>${t("sj.rtLastRun")}</dt><dd>${retention.lastRunAt ? t("sj.rtLastValue", { at: dateTime(retention.lastRunAt), n: retention.lastRunErased ?? 0 }) : t("sj.rtNever")}</dd>
  <dt>${t("sj.rtNextRun")}</dt><dd>${retention.nextRunAt ? dateTime(retention.nextRunAt) : "-"}</dd>
  <dt>${t("sj.rtDue")}</dt><dd>${retention.dueNow ? t("sj.rtDueValue", { n: retention.dueNow }) : t("w.none")}</dd></dl>` : nothing);

const SECTIONS = [["rights", "sj.rightsTitle", logView], ["search", "sj.searchTitle", () => html`${searchView()}${personView(rightsRow)}`], ["retention", "sj.retentionTitle", retentionView]];

const view = () => html`
  <h1>${t("sj.title")}</h1><p class="lead">${t("sj.lead")}</p>
  <nav class="toc" aria-labelledby="toc-title"><h2 class="toc__title" id="toc-title">${t("se.contents")}</h2>
    <ul class="toc__list">${SECTIONS.map(([id, key]) => html`<li><a href="#${id}">${t(key)}</a></li>`)}</ul></nav>
  ${SECTIONS.map(([id, key, body]) => html`<section class="panel settings-section" id=${id} tabindex="-1"><h2 id="${id}-title">${t(key)}</h2>${body()}</section>`)}
  <dialog class="confirm-dialog" id="done-dialog" aria-labelledby="done-title" aria-describedby="done-text" @close=${() => (doneReturn?.isConnected ? doneReturn : document.getElementById("rights-title"))?.focus()}>
    <form novalidate @submit=${markDone}>${summary(done)}
      <h2 id="done-title">${t("sj.dnTitle")}</h2>
      <p id="done-text">${doneTarget ? t("sj.dnText", { kind: labelOf("rightsKinds", doneTarget.kind), subject: doneTarget.subjectLabel, asked: shortDate(doneTarget.askedOn), deadline: shortDate(doneTarget.deadline) }) : ""}</p>
      ${field(done, "note", { label: t("sj.dnNote"), hint: t("sj.dnNoteHint"), limit: "rights.note", rows: 3 })}
      ${statusLine(done)}
      <div class="dialog-actions"><button type="button" class="button button--secondary" @click=${() => document.getElementById("done-dialog").close()}>${t("w.back")}</button>
        <button type="submit" class="button button--primary">${t("sj.dnConfirm")}</button></div>
    </form>
  </dialog>`;

// The server's texts (statuses, stations, labels) by asking again.
onLangChange(() => {
  loadRights();
  if (person.doc) person.refresh();
});

await startPage({ page: "subjects", title: () => t("sj.title"), view, admin: true });
person.onChange = loadRights;
await Promise.all([loadRights(), get(`${API}/retention`).then((r) => { retention = r; update(); }, (err) => say(log, "w.loadError", { error: messageOf(err) }, true))]);
