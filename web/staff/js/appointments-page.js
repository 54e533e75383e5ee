// The viewing appointments (/staff/appointments): the day's or the week's visits per place, with the request, the
// applicant, the station and whether the footage is preserved; มาตามนัด / ไม่มาตามนัด from the day of the visit; prints on
// A4. The filters live in the address, so a reload or a shared link shows the same list.
import {
  addressState, badge, dateField, dateOf, fail, field, form, html, isoDate, nothing, onLangChange, option, requestLink, rowButton, shortDate, showErrors,
  startPage, statusLine, t, table, timeOf, today, tx, update,
} from "./ui.js";
import { get, messageOf, post, withQuery } from "./staff-api.js";

const f = form("visits");
const whole = (v) => (/^\d+$/.test(v) ? v : "");
const span = (v) => (v === "week" ? "week" : "day");
const address = addressState({ date: isoDate, view: span, placeId: whole }, load);
let places = [];
let rows = null;
let loads = 0;

const days = () => (address.value.view === "week" ? 7 : 1);
const day = () => address.value.date || today();
const dayOfInstant = (at) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }).format(new Date(at));

async function load() {
  const mine = ++loads;
  f.status = { key: "common.loading" };
  update();
  try {
    if (places.length === 0) places = await get("/api/staff/viewing-places");
    const answer = await get(withQuery("/api/staff/appointments", { date: day(), days: days(), placeId: address.value.placeId }));
    if (mine !== loads) return;
    rows = answer;
    f.status = { key: "w.found", values: { total: rows.length } };
  } catch (err) {
    if (mine !== loads) return;
    if (err.status === 400) return fail(f, err);
    f.status = { key: "w.loadError", values: { error: messageOf(err) }, error: true };
  }
  update();
}

async function outcome(item, attended) {
  try {
    const changed = await post(`/api/staff/appointments/${item.id}/outcome`, { attended });
    rows = rows.map((r) => (r.id === item.id ? changed : r));
    f.status = { key: attended ? "vt.markedAttended" : "vt.markedNoShow", values: { reference: item.referenceNumber } };
  } catch (err) {
    f.status = { key: "w.loadError", values: { error: messageOf(err) }, error: true };
  }
  update();
}

function show(e) {
  e.preventDefault();
  const date = dateOf(f, "date");
  if (!showErrors(f, date === null ? { date: t("err.date.invalid") } : {})) address.go({ date: date || "" });
}

const footage = (item) => (item.preserved
  ? html`<span class="flag flag--preserved">${t("vt.preserved")}</span>`
  : html`<span>${t("vt.overwrittenOn", { date: shortDate(item.footageOverwrittenOn) })}</span>`);

const row = (item) => html`<tr>
  <th scope="row" class="nowrap">${days() > 1 ? html`<span class="cell-sub">${shortDate(dayOfInstant(item.startsAt))}</span>` : nothing}
    <span class="cell-main">${timeOf(item.startsAt)}-${timeOf(item.endsAt)}</span></th>
  <td class="nowrap">${requestLink(item.referenceNumber)}</td>
  <td>${item.applicantName}</td>
  <td>${item.stationName}</td>
  <td>${footage(item)}</td>
  <td>${places.length > 1 ? html`<span class="cell-sub">${item.placeName}</span>` : nothing}${badge(item.status, item.statusText)}</td>
  <td class="no-print">${item.canRecordOutcome ? html`<div class="button-row button-row--tight">
    ${rowButton(t("vt.attended"), item.referenceNumber, () => outcome(item, true), "button--primary")}
    ${rowButton(t("vt.noShow"), item.referenceNumber, () => outcome(item, false))}</div>` : nothing}</td></tr>`;

function view() {
  const s = address.value;
  const place = places.find((p) => String(p.id) === s.placeId);
  const heading = s.view === "week"
    ? t("vt.weekOf", { from: shortDate(day()), to: shortDate(new Date(Date.parse(`${day()}T00:00:00Z`) + 6 * 86400000).toISOString().slice(0, 10)) })
    : t("vt.dayOf", { date: shortDate(day()) });
  return html`
    <h1>${t("nav.appointments")}</h1>
    <p class="print-only visits-print-head">${place ? tx(place.name) : t("vt.allPlaces")} · ${heading}</p>
    <form class="filters no-print" id="visits-form" role="search" novalidate @submit=${show}>
      <fieldset class="filters__more"><legend>${t("w.filters")}</legend>
        <div class="filters__grid">
          ${dateField(f, "date", { label: t("vt.date"), iso: day(), max: "" })}
          ${field(f, "view", { label: t("w.show"), input: (id) => html`<select id=${id} @change=${(e) => address.go({ view: e.target.value })}>
            ${option("day", t("vt.day"), s.view === "day")}${option("week", t("vt.week"), s.view === "week")}</select>` })}
          ${field(f, "placeId", { label: t("vt.place"), input: (id) => html`<select id=${id} @change=${(e) => address.go({ placeId: e.target.value })}>
            ${option("", t("vt.allPlaces"))}${places.map((p) => option(String(p.id), tx(p.name), String(p.id) === s.placeId))}</select>` })}
        </div>
        <div class="button-row">
          <button type="submit" class="button button--primary">${t("w.show")}</button>
          <button type="button" class="button button--secondary" @click=${() => address.go({ date: today() })}>${t("vt.today")}</button>
          <button type="button" class="button button--secondary" @click=${() => window.print()}>${t("vt.print")}</button>
        </div>
      </fieldset>
    </form>
    ${statusLine(f, "list-status no-print")}
    ${table({ id: "visits-table", cls: "visits-table", caption: heading, empty: rows ? t("vt.none") : "",
      head: [t("au.colTime"), t("w.reference"), t("w.applicant"), t("w.location"), t("vt.footage"), t("w.status"), [t("vt.outcome"), "no-print"]], rows: rows?.map(row) ?? [] })}`;
}

onLangChange(load);

await startPage({ page: "appointments", title: () => t("nav.appointments"), view });
address.write();
load();
