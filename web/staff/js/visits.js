// The request's visits on its page (SPEC decision 17): every booking with how it ended (the appointment history), and
// for an approved viewing, booking, moving or cancelling on the applicant's behalf (on the telephone) from the same
// free times the applicant sees. Rules, texts and times are the server's.
import { badge, dateTime, field, form, html, nothing, option, shortDate, statusLine, t, table, timeOf, update } from "./ui.js";
import { ApiError, call, messageOf } from "./staff-api.js";

const f = form("visit");
let page = null;
let data = null;
let slots = [];
let loading = false;
let loadError = "";

const base = () => `/api/staff/requests/${encodeURIComponent(page.detail().referenceNumber)}`;
const applies = (d) => d?.purpose === "View" && (d.status === "Approved" || (d.allowedActions ?? []).includes("appointment"));
const dayOf = (at) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }).format(new Date(at));

export function startVisits(context) {
  page = context;
}

async function load() {
  loading = true;
  try {
    data = (await call("GET", `${base()}/appointments`)).data;
    slots = data.canBook ? (await call("GET", `${base()}/appointment-slots`)).data : [];
    loadError = "";
  } catch (err) {
    loadError = messageOf(err);
  } finally {
    loading = false;
    update();
  }
}

async function act(method, e) {
  e?.preventDefault?.();
  const chosen = slots[Number(document.getElementById("visit-slot")?.value ?? -1)];
  if (method !== "DELETE" && !chosen) {
    f.status = { key: "vt.chooseSlot", error: true };
    return update();
  }
  try {
    await call(method, `${base()}/appointment`, method === "DELETE" ? {} : { body: { placeId: chosen.placeId, startsAt: chosen.startsAt } });
    f.status = { key: method === "POST" ? "vt.booked" : method === "PUT" ? "vt.moved" : "vt.cancelled" };
  } catch (err) {
    f.status = { text: err instanceof ApiError ? messageOf(err) : String(err), error: true };
  }
  await load();
}

const row = (a) => html`<tr>
  <th scope="row" class="nowrap">${shortDate(dayOf(a.startsAt))} ${timeOf(a.startsAt)}-${timeOf(a.endsAt)}</th>
  <td>${a.placeName}</td>
  <td>${badge(a.status, a.statusText)}</td>
  <td><span class="cell-main">${a.bookedByName}</span><span class="cell-sub">${dateTime(a.bookedAt)}</span></td>
  <td>${a.closedByName ? html`<span class="cell-main">${a.closedByName}</span><span class="cell-sub">${dateTime(a.closedAt)}</span>` : "-"}</td></tr>`;

export function visitsSection(d) {
  if (!page || !applies(d)) return nothing;
  if (!data) {
    if (!loading && !loadError) queueMicrotask(load);
    return loadError ? html`<section class="panel"><p class="form-status form-status--error" role="status">${t("w.loadError", { error: loadError })}</p></section>` : nothing;
  }
  const current = data.appointments.find((a) => a.status === "Booked");
  return html`<section class="panel" id="visits" aria-labelledby="visits-title">
    <h2 id="visits-title">${t("nav.appointments")}</h2>
    ${table({ id: "visits-history", cls: "visits-history", caption: t("vt.history"), empty: t("vt.none"),
      head: [t("au.colTime"), t("vt.place"), t("w.status"), t("vt.bookedBy"), t("vt.closedBy")], rows: data.appointments.map(row) })}
    ${data.canBook ? html`<form class="filters" id="visit-form" novalidate @submit=${(e) => act(current ? "PUT" : "POST", e)}>
      ${field(f, "slot", { label: t(current ? "vt.moveTo" : "vt.bookFor"), input: (id) => html`<select id=${id}>
        ${option("", t("vt.chooseSlot"))}${slots.map((s, i) => option(String(i), `${shortDate(dayOf(s.startsAt))} ${timeOf(s.startsAt)}`))}</select>` })}
      <div class="button-row">
        <button type="submit" class="button button--primary">${t(current ? "vt.move" : "vt.book")}</button>
        ${current ? html`<button type="button" class="button button--secondary" @click=${(e) => act("DELETE", e)}>${t("vt.cancel")}</button>` : nothing}
      </div>
    </form>` : nothing}
    ${statusLine(f)}
  </section>`;
}
