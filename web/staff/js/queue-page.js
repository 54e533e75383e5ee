// The queue (/staff/requests): counts per status, search, filters and sort, a page of requests.
// Every filter lives in the address, so a reload, a shared link or the back button shows the same list.
import {
  addressState, badge, dateField, dateOf, form, flag, html, inDays, isoDate, labelOf, lang, nothing, oneOf, onLangChange, option,
  fail, lengthOf, pageError, pageNumber, pager, requestLink, rules, shortDate, valueOf, showErrors, startPage, statusLine, t, table, text, dateTime, update, field, flags,
} from "./ui.js";
import { get, messageOf, withQuery } from "./staff-api.js";

const FILTERS = ["q", "stationId", "submittedFrom", "submittedTo", "incidentFrom", "incidentTo"];
const DATES = FILTERS.slice(2);
const SORTS = { overwrite: "q.sortOverwrite", newest: "q.sortNewest", oldest: "q.sortOldest" };
const filters = form("queue");
const address = addressState({
  status: oneOf("Pending", "Received", "Approved", "Cancelled", "all"), q: text, stationId: text,
  submittedFrom: isoDate, submittedTo: isoDate, incidentFrom: isoDate, incidentTo: isoDate, sort: oneOf(...Object.keys(SORTS)), page: pageNumber,
}, load);
let data = null;
let stations = [];
let loading = false;
let loads = 0;

const statuses = () => rules().statuses;
const openCodes = () => statuses().filter((s) => s.open).map((s) => s.code);
const views = () => ["", ...statuses().map((s) => s.code), "all"];
const viewName = (v) => (v === "" ? t("w.open") : v === "all" ? t("w.all") : labelOf("statuses", v));
/** The sort the list is in: the one chosen, or the API's default for the statuses shown. */
const sortOf = (s) => s.sort || (s.status === "" || openCodes().includes(s.status) ? "overwrite" : "newest");

/** The API's filters for a state (every one but the page): the list and its downloads. */
function apiFilters(s) {
  const status = s.status === "" ? openCodes().join(",") : s.status === "all" ? "" : s.status;
  return { ...Object.fromEntries(FILTERS.map((f) => [f, s[f]])), status, sort: sortOf(s) };
}

async function load() {
  const mine = ++loads;
  loading = true;
  filters.status = { key: "common.loading" };
  update();
  try {
    const answer = await get(withQuery("/api/staff/requests", { ...apiFilters(address.value), page: address.value.page }));
    if (mine !== loads) return;
    const pages = Math.max(1, Math.ceil(answer.total / Math.max(1, answer.pageSize)));
    if (answer.items.length === 0 && answer.total > 0 && address.value.page > pages) {
      // A page past the end (the list shrank): show the last one instead.
      address.value.page = pages;
      address.write();
      return load();
    }
    data = answer;
    filters.status = { key: "w.found", values: { total: data.total } };
  } catch (err) {
    if (mine !== loads) return;
    loading = false;
    if (err.status === 400) return fail(filters, err);
    filters.status = { key: "w.loadError", values: { error: messageOf(err) }, error: true };
  }
  loading = false;
  update();
}

function search(e) {
  e.preventDefault();
  const changes = { q: valueOf(filters, "q") };
  const errors = {};
  for (const name of DATES) {
    changes[name] = dateOf(filters, name);
    if (changes[name] === null) errors[name] = t("err.date.invalid");
  }
  if (showErrors(filters, errors) === 0) address.go(changes);
}

function clearFilters() {
  address.go({ ...Object.fromEntries(FILTERS.map((f) => [f, ""])), sort: "" });
  document.getElementById("queue-q").focus();
}

const count = (code) => {
  const given = Object.fromEntries(Object.entries(data?.counts ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const of = (c) => given[c.toLowerCase()] ?? 0;
  if (code === "") return openCodes().reduce((sum, c) => sum + of(c), 0);
  if (code === "all") return statuses().reduce((sum, s) => sum + of(s.code), 0);
  return of(code);
};

const stationName = (s) => {
  const name = lang() === "en" && s.nameEn ? s.nameEn : s.name;
  return s.isActive === false ? t("q.inactive", { name }) : name;
};

function row(r) {
  return html`<tr class=${r.flag ? `row--${r.flag === "overwritten" ? "gone" : "soon"}` : nothing}>
    <th scope="row" class="nowrap">${requestLink(r.referenceNumber)}</th>
    <td>${badge(r.status, r.statusText)}</td>
    <td>${r.applicantName}</td>
    <td>${r.stationName}</td>
    <td>${r.purposeText}</td>
    <td class="nowrap">${shortDate(r.incidentDate)}</td>
    <td>${dateTime(r.submittedAt)}</td>
    <td class="days-cell"><span class="days-left">${inDays(r.daysLeft)}</span>${flags(r)}</td>
  </tr>`;
}

function view() {
  const s = address.value;
  const downloads = (kind) => withQuery(`/api/staff/requests.${kind}`, { ...apiFilters(s), lang: lang() });
  return html`
    <h1>${t("w.allRequests")}</h1>
    <div class="status-filter" role="group" aria-labelledby="status-filter-label">
      <span class="status-filter__label" id="status-filter-label">${t("q.show")}</span>
      ${views().map((v) => html`<button type="button" class="status-filter__button" aria-pressed=${String(s.status === v)} @click=${() => address.go({ status: v })}>
        ${viewName(v)} <span class="status-filter__count">${data ? `(${count(v)})` : ""}</span></button>`)}
    </div>
    <form class="filters" id="queue-form" role="search" novalidate @submit=${search}>
      ${field(filters, "q", { label: t("w.search"), hint: t("q.searchHint"), cls: "filters__search", input: (id, described, invalid) => html`<div class="search-row">
        <input id=${id} type="search" maxlength=${lengthOf("queue.q").max} data-limit="queue.q" autocomplete="off" spellcheck="false" aria-describedby=${described} aria-invalid=${invalid} .value=${s.q}>
        <button type="submit" class="button button--primary">${t("w.search")}</button></div>` })}
      <fieldset class="filters__more">
        <legend>${t("w.filters")}</legend>
        <div class="filters__grid">
          ${field(filters, "stationId", { label: t("w.location"), input: (id) => html`<select id=${id} @change=${(e) => address.go({ stationId: e.target.value })}>${option("", t("q.allStations"))}${stations.map((st) => option(st.id, stationName(st), String(st.id) === s.stationId))}</select>` })}
          ${dateField(filters, "submittedFrom", { label: t("q.submittedFrom"), iso: s.submittedFrom })}
          ${dateField(filters, "submittedTo", { label: t("q.submittedTo"), iso: s.submittedTo })}
          ${dateField(filters, "incidentFrom", { label: t("q.incidentFrom"), iso: s.incidentFrom })}
          ${dateField(filters, "incidentTo", { label: t("q.incidentTo"), iso: s.incidentTo })}
          ${field(filters, "sort", { label: t("q.sort"), input: (id) => html`<select id=${id} @change=${(e) => address.go({ sort: e.target.value })}>
            ${Object.entries(SORTS).map(([v, key]) => option(v, t(key), sortOf(s) === v))}</select>` })}
        </div>
        <button type="button" class="button button--secondary button--small" @click=${clearFilters}>${t("q.clear")}</button>
      </fieldset>
    </form>
    <p class="downloads"><span class="downloads__label">${t("q.downloads")}</span>
      <a class="button button--secondary button--small" href=${downloads("csv")} download>${t("w.downloadCsv")}</a>
      <a class="button button--secondary button--small" href=${downloads("xlsx")} download>${t("w.downloadXlsx")}</a></p>
    ${statusLine(filters, "list-status")}
    ${table({
      id: "queue-table", cls: "queue-table", busy: loading,
      caption: data ? (s.status === "all" ? t("q.captionAll", { total: data.total }) : t("q.caption", { view: viewName(s.status), total: data.total })) : "",
      head: [t("w.reference"), t("w.status"), t("w.applicant"), t("w.location"), t("w.purpose"), t("w.incidentDate"), t("w.submittedOn"), t("q.colDaysLeft")],
      rows: data?.items.map(row) ?? [], empty: data ? t("q.none") : "",
    })}
    ${data ? pager("queue-pager", data, address.go) : nothing}`;
}

// The API names statuses, stations and purposes in the language asked for.
onLangChange(load);

await startPage({ page: "queue", nav: "requests", title: () => t("w.allRequests"), view });
address.write();
get("/api/staff/stations").then((list) => {
  stations = list;
  update();
}, (err) => pageError(messageOf(err)));
load();
