// The settings of viewing appointments (/staff/settings, Admin; SPEC decision 17): the viewing places (names, address,
// map link, what to bring, the days and hours open in Bangkok's time, slot length, seats, how far ahead, the latest
// change) and the closed days (yearly public holidays and announced dates). Every limit is the server's.
import { checkbox, dateField, dateOf, fail, field, flag, form, html, lang, onSubmit, rowButton, rules, say, showErrors, shortDate, statusLine, summary, t, table, tx, update } from "./ui.js";
import { listEditor, valuesOf } from "./list-editor.js";
import { del, get, post, put } from "./staff-api.js";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
// A weekday's name in the page's language, from Intl (2023-01-01 was a Sunday).
const dayName = (i) => new Intl.DateTimeFormat(lang() === "en" ? "en-GB" : "th-TH", { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2023, 0, 1 + i)));
const hoursText = (p) => p.hours.map((h) => `${dayName(DAYS.indexOf(h.day))} ${h.opens}-${h.closes}`).join(", ");
const inLanguage = (label, language) => t(language === "th" ? "w.inThai" : "w.inEnglish", { label });
const number = (f, name, label, min, max) => field(f, name, { label, hint: t("vt.range", { min, max }),
  input: (id, described, invalid) => html`<input type="number" id=${id} min=${min} max=${max} step="1" inputmode="numeric" aria-describedby=${described} aria-invalid=${invalid}>` });
const time = (f, name, label) => field(f, name, { label, input: (id, described, invalid) => html`<input type="time" id=${id} aria-describedby=${described} aria-invalid=${invalid}>` });

const TEXTS = ["name", "nameEn", "address", "addressEn", "mapUrl", "whatToBring", "whatToBringEn"];
const NUMBERS = ["slotMinutes", "seats", "daysAhead", "latestChangeHours", "sortOrder"];

export const places = listEditor({
  id: "place",
  caption: (n) => t("vt.placesCaption", { n }),
  head: () => [t("vt.place"), t("vt.hours"), [t("vt.slotMinutes"), "num"], [t("vt.seats"), "num"], t("se.stActive")],
  row: (p, edit) => html`<tr><th scope="row">${tx(p.name)}</th><td>${hoursText(p)}</td><td class="num">${p.slotMinutes}</td><td class="num">${p.seats}</td>
    <td>${flag(t(p.isActive ? "w.yes" : "w.no"), p.isActive ? "preserved" : "muted")}</td>${edit}</tr>`,
  nameOf: (p) => tx(p.name),
  focusOnEdit: "name",
  fields: (f) => {
    const r = rules().viewingPlace;
    return html`
      ${field(f, "name", { label: inLanguage(t("vt.place"), "th"), limit: "place.name", cls: "settings-grid__wide" })}
      ${field(f, "nameEn", { label: inLanguage(t("vt.place"), "en"), limit: "place.name", cls: "settings-grid__wide", lang: "en" })}
      ${field(f, "address", { label: inLanguage(t("vt.address"), "th"), limit: "place.address", cls: "settings-grid__wide" })}
      ${field(f, "addressEn", { label: inLanguage(t("vt.address"), "en"), limit: "place.address", cls: "settings-grid__wide", lang: "en" })}
      ${field(f, "mapUrl", { label: t("vt.mapUrl"), limit: "place.mapUrl", cls: "settings-grid__wide", type: "url" })}
      ${field(f, "whatToBring", { label: inLanguage(t("vt.whatToBring"), "th"), limit: "place.whatToBring", rows: 3, cls: "settings-grid__wide" })}
      ${field(f, "whatToBringEn", { label: inLanguage(t("vt.whatToBring"), "en"), limit: "place.whatToBring", rows: 3, cls: "settings-grid__wide", lang: "en" })}
      <fieldset class="settings-grid__wide"><legend>${t("vt.openDays")}</legend>${DAYS.map((_, i) => checkbox(f, `d${i}`, dayName(i)))}</fieldset>
      ${time(f, "opens", t("vt.opens"))}${time(f, "closes", t("vt.closes"))}
      ${number(f, "slotMinutes", t("vt.slotMinutes"), r.slotMinutesMin, r.slotMinutesMax)}
      ${number(f, "seats", t("vt.seats"), r.seatsMin, r.seatsMax)}
      ${number(f, "daysAhead", t("vt.daysAhead"), r.daysAheadMin, r.daysAheadMax)}
      ${number(f, "latestChangeHours", t("vt.latestChange"), r.latestChangeHoursMin, r.latestChangeHoursMax)}
      ${field(f, "sortOrder", { label: t("w.order"), input: (id, described, invalid) => html`<input type="number" id=${id} step="1" inputmode="numeric" aria-describedby=${described} aria-invalid=${invalid}>` })}
      ${checkbox(f, "isActive", t("se.stActive"))}`;
  },
  fill: (p) => {
    const r = rules().viewingPlace;
    const open = p?.hours ?? [];
    return {
      name: p?.name.th ?? "", nameEn: p?.name.en ?? "", address: p?.address.th ?? "", addressEn: p?.address.en ?? "", mapUrl: p?.mapUrl ?? "",
      whatToBring: p?.whatToBring.th ?? "", whatToBringEn: p?.whatToBring.en ?? "", opens: open[0]?.opens ?? "", closes: open[0]?.closes ?? "",
      slotMinutes: p?.slotMinutes ?? r.defaultSlotMinutes, seats: p?.seats ?? r.defaultSeats, daysAhead: p?.daysAhead ?? r.defaultDaysAhead,
      latestChangeHours: p?.latestChangeHours ?? r.defaultLatestChangeHours, sortOrder: p?.sortOrder ?? places.items.length + 1, isActive: p?.isActive ?? true,
      ...Object.fromEntries(DAYS.map((day, i) => [`d${i}`, open.some((h) => h.day === day)])),
    };
  },
  send: async (f, editing) => {
    const v = valuesOf(f, [...TEXTS, ...NUMBERS, "opens", "closes", "isActive", ...DAYS.map((_, i) => `d${i}`)], NUMBERS);
    const hours = DAYS.filter((_, i) => v[`d${i}`]).map((day) => ({ day, opens: v.opens, closes: v.closes }));
    const body = { ...Object.fromEntries([...TEXTS, ...NUMBERS, "isActive"].map((k) => [k, v[k]])), hours };
    if (editing) await put(`/api/staff/admin/viewing-places/${editing.id}`, body);
    else await post("/api/staff/admin/viewing-places", body);
    await loadPlaces();
    return { key: "vt.placeSaved", values: { name: body.name } };
  },
  titles: { add: () => t("vt.placeNew"), edit: (p) => t("vt.placeEdit", { name: tx(p.name) }) },
  addLabel: () => t("vt.placeAdd"),
});
export const loadPlaces = () => get("/api/staff/viewing-places").then((list) => places.set(list));

// ---- Closed days ----
const closed = form("closed");
let days = [];
export const loadClosedDays = () => get("/api/staff/admin/closed-days").then((list) => {
  days = list;
  update();
});

const dayText = (d) => (d.yearly ? t("vt.yearly", { date: new Intl.DateTimeFormat(lang() === "en" ? "en-GB" : "th-TH", { day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${d.date}T00:00:00Z`)) }) : shortDate(d.date));

async function remove(d) {
  try {
    await del(`/api/staff/admin/closed-days/${d.id}`);
    say(closed, "vt.closedRemoved", { name: tx(d.name) });
    await loadClosedDays();
  } catch (err) {
    fail(closed, err);
  }
}

const addClosed = onSubmit(closed, async () => {
  const date = dateOf(closed, "date");
  if (!showErrors(closed, date ? {} : { date: t("err.date.invalid") })) {
    const body = { date, ...valuesOf(closed, ["yearly", "name", "nameEn"]) };
    await post("/api/staff/admin/closed-days", body);
    await loadClosedDays();
    say(closed, "vt.closedAdded", { name: body.name });
  }
});

export const closedDaysView = () => html`
  ${table({ id: "closed-table", cls: "settings-table", caption: t("vt.closedCaption", { n: days.length }), empty: "-", head: [t("vt.date"), t("se.text"), t("w.actions")],
    rows: days.map((d) => html`<tr><th scope="row">${dayText(d)}</th><td>${tx(d.name)}</td><td>${rowButton(t("vt.reopen"), tx(d.name), () => remove(d))}</td></tr>`) })}
  <form id="closed-form" class="settings-form" novalidate @submit=${addClosed}>
    <h3>${t("vt.closedNew")}</h3>${summary(closed)}
    <div class="settings-grid">
      ${dateField(closed, "date", { label: t("vt.date"), max: "" })}
      ${checkbox(closed, "yearly", t("vt.everyYear"))}
      ${field(closed, "name", { label: inLanguage(t("se.text"), "th"), limit: "closedDay.name", cls: "settings-grid__wide" })}
      ${field(closed, "nameEn", { label: inLanguage(t("se.text"), "en"), limit: "closedDay.name", cls: "settings-grid__wide", lang: "en" })}
    </div>
    <div class="button-row"><button type="submit" class="button button--primary">${t("vt.closedAdd")}</button></div>
    ${statusLine(closed)}
  </form>`;
