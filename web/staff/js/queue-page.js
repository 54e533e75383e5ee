// The queue (/staff/requests): counts per status, search, filters and sort, a page of requests.
// Every filter lives in the address (?status=&q=&stationId=&...&sort=&page=), so a reload, a
// shared link or the back button shows the same list.
import "./texts.js";
import { formatInstant, formatShort } from "../../js/dates.js";
import { lang, onLangChange, t } from "../../js/i18n.js";
import { daysLeftText, flagLabels, statusBadge } from "./flags.js";
import { say, setStatus } from "./forms.js";
import { cell, initPager, messageRow } from "./paging.js";
import { showPageError, startSignedInPage } from "./session.js";
import { get, messageOf, withQuery } from "./staff-api.js";

const $ = (id) => document.getElementById(id);
const STATUSES = ["Pending", "Received", "Approved", "Cancelled"];
const VIEWS = ["open", ...STATUSES, "all"];
const OPEN = ["open", "Pending", "Received"];
const SORTS = ["overwrite", "newest", "oldest"];
const FILTERS = ["q", "stationId", "submittedFrom", "submittedTo", "incidentFrom", "incidentTo"];
const COLUMNS = 8;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

let state = readUrl();
let data = null;
let stations = [];
let loads = 0;
const pager = initPager($("queue-pager"), (page) => go({ page }));

function readUrl() {
  const p = new URLSearchParams(location.search);
  const status = VIEWS.includes(p.get("status")) ? p.get("status") : "open";
  const sort = SORTS.includes(p.get("sort")) ? p.get("sort") : "";
  const page = Math.max(1, Number.parseInt(p.get("page") ?? "", 10) || 1);
  const result = { status, sort, page };
  for (const name of FILTERS) {
    const value = (p.get(name) ?? "").trim();
    result[name] = name.endsWith("From") || name.endsWith("To") ? (ISO_DATE.test(value) ? value : "") : value;
  }
  return result;
}

function urlOf(s) {
  return withQuery(location.pathname, {
    status: s.status === "open" ? "" : s.status,
    ...Object.fromEntries(FILTERS.map((name) => [name, s[name]])),
    sort: s.sort,
    page: s.page > 1 ? s.page : "",
  });
}

/** The sort the list is in: the one chosen, or the API's default for the statuses shown. */
const effectiveSort = (s) => s.sort || (OPEN.includes(s.status) ? "overwrite" : "newest");

function apiStatus(view) {
  if (view === "open") return "Pending,Received";
  if (view === "all") return "";
  return view;
}

/** The API's filters for a state (every one but the page): the list and its downloads. */
function apiFilters(s) {
  return {
    status: apiStatus(s.status),
    stationId: s.stationId,
    submittedFrom: s.submittedFrom,
    submittedTo: s.submittedTo,
    incidentFrom: s.incidentFrom,
    incidentTo: s.incidentTo,
    q: s.q,
    sort: effectiveSort(s),
  };
}

/** The CSV and Excel links carry the filters of the list shown. */
function updateDownloads() {
  $("download-csv").href = withQuery("/api/staff/requests.csv", { ...apiFilters(state), lang: lang() });
  $("download-xlsx").href = withQuery("/api/staff/requests.xlsx", { ...apiFilters(state), lang: lang() });
}

/** Changes the state, records it in the address (a new history entry) and loads. */
function go(changes) {
  state = { ...state, page: 1, ...changes };
  history.pushState(null, "", urlOf(state));
  fillForm();
  load();
}

function fillForm() {
  for (const name of FILTERS) $(name).value = state[name];
  $("sort").value = effectiveSort(state);
  for (const button of document.querySelectorAll(".status-filter__button")) {
    button.setAttribute("aria-pressed", String(button.dataset.status === state.status));
  }
}

async function load() {
  const mine = ++loads;
  updateDownloads();
  const table = $("queue-table");
  table.setAttribute("aria-busy", "true");
  say($("queue-status"), "common.loading");
  try {
    const answer = await get(withQuery("/api/staff/requests", { ...apiFilters(state), page: state.page }));
    if (mine !== loads) return;
    const pages = Math.max(1, Math.ceil(answer.total / Math.max(1, answer.pageSize)));
    if (answer.items.length === 0 && answer.total > 0 && state.page > pages) {
      // A page past the end (the list shrank): show the last one instead.
      state = { ...state, page: pages };
      history.replaceState(null, "", urlOf(state));
      load();
      return;
    }
    data = answer;
    render();
    say($("queue-status"), "q.found", { total: data.total });
  } catch (err) {
    if (mine !== loads) return;
    setStatus($("queue-status"), `${t("q.loadError")}: ${messageOf(err)}`, true);
  } finally {
    if (mine === loads) table.removeAttribute("aria-busy");
  }
}

function viewName(view) {
  return t(`q.tab${view[0].toUpperCase()}${view.slice(1)}`);
}

function render() {
  if (!data) return;
  const l = lang();
  // Keys as the contract spells them (Pending...), whatever case the serializer gave them.
  const given = Object.fromEntries(Object.entries(data.counts || {}).map(([k, v]) => [k.toLowerCase(), v]));
  const counts = Object.fromEntries(STATUSES.map((s) => [s, given[s.toLowerCase()] ?? 0]));
  const count = {
    ...counts,
    open: counts.Pending + counts.Received,
    all: STATUSES.reduce((sum, s) => sum + counts[s], 0),
  };
  for (const el of document.querySelectorAll("[data-count]")) el.textContent = `(${count[el.dataset.count] ?? 0})`;

  $("queue-caption").textContent = state.status === "all"
    ? t("q.captionAll", { total: data.total })
    : t("q.caption", { view: viewName(state.status), total: data.total });

  const body = $("queue-body");
  if (data.items.length === 0) {
    body.replaceChildren(messageRow(COLUMNS, t("q.none")));
  } else {
    body.replaceChildren(...data.items.map((r) => {
      const tr = document.createElement("tr");
      if (r.flag) tr.className = `row--${r.flag === "overwritten" ? "gone" : "soon"}`;
      const link = document.createElement("a");
      link.href = `/staff/requests/${encodeURIComponent(r.referenceNumber)}`;
      link.textContent = r.referenceNumber;
      const days = document.createElement("span");
      days.className = "days-left";
      days.textContent = daysLeftText(r.daysLeft);
      tr.append(
        cell(link, { tag: "th", className: "nowrap" }),
        cell(statusBadge(r.status, r.statusText)),
        cell(r.applicantName),
        cell(r.stationName),
        cell(r.purposeText),
        cell(r.incidentDate ? formatShort(r.incidentDate, l) : "", { className: "nowrap" }),
        cell(r.submittedAt ? formatInstant(r.submittedAt, l) : ""),
        cell([days, ...flagLabels(r)], { className: "days-cell" }),
      );
      return tr;
    }));
  }
  pager.update(data.page, data.pageSize, data.total);
}

function stationName(s) {
  const name = lang() === "en" && s.nameEn ? s.nameEn : s.name;
  return s.isActive === false ? t("q.inactive", { name }) : name;
}

function renderStations() {
  const select = $("stationId");
  select.replaceChildren(select.options[0], ...stations.map((s) => {
    const option = document.createElement("option");
    option.value = String(s.id);
    option.textContent = stationName(s);
    return option;
  }));
  select.value = state.stationId;
}

async function loadStations() {
  try {
    stations = await get("/api/staff/stations");
    renderStations();
  } catch (err) {
    showPageError(messageOf(err));
  }
}

// ---- Controls ----
$("queue-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const changes = {};
  for (const name of FILTERS) changes[name] = $(name).value.trim();
  go(changes);
});
$("stationId").addEventListener("change", () => go({ stationId: $("stationId").value }));
$("sort").addEventListener("change", () => go({ sort: $("sort").value }));
$("queue-clear").addEventListener("click", () => {
  go({ ...Object.fromEntries(FILTERS.map((f) => [f, ""])), sort: "" });
  $("q").focus();
});
for (const button of document.querySelectorAll(".status-filter__button")) {
  button.addEventListener("click", () => go({ status: button.dataset.status }));
}
window.addEventListener("popstate", () => {
  state = readUrl();
  fillForm();
  if (stations.length) renderStations();
  load();
});
// The API names statuses, stations and purposes in the language asked for.
onLangChange(() => {
  renderStations();
  render();
  load();
});

await startSignedInPage();
history.replaceState(null, "", urlOf(state));
fillForm();
loadStations();
load();
