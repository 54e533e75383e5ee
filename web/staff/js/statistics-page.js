// Statistics (/staff/statistics, every staff role; no personal data): counts by status, station,
// month and purpose as charts (Chart.js, loaded before this module as a classic script that sets
// window.Chart) each followed by a table of the same numbers, the time to decide, cancellations by
// reason and decisions made after the footage was overwritten. The range lives in the address
// (?from=&to=); the CSV and Excel links carry it.
import "./texts.js";
import { formatLong } from "../../js/dates.js";
import { lang, onLangChange, t } from "../../js/i18n.js";
import { byName, renameBy, resetErrors, say, setStatus, showFailure, showRequired } from "./forms.js";
import { cell, messageRow } from "./paging.js";
import { startSignedInPage } from "./session.js";
import { get, messageOf, withQuery } from "./staff-api.js";

const $ = (id) => document.getElementById(id);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INK = "#1b1f24";
const GRID = "#c9d1d9";
const BRAND = "#0b4f8a";
// Each at least 3:1 against white (WCAG 1.4.11); the tables carry every number, so nothing rests on colour.
const STATUS_COLOURS = { Pending: "#8a5a00", Received: BRAND, Approved: "#1e6b35", Cancelled: "#b3261e" };
const PURPOSE_COLOURS = ["#0b4f8a", "#6a3d9a", "#1e6b35", "#8a5a00"];

let state = readUrl();
let data = null;
let loads = 0;
const charts = {};

function readUrl() {
  const p = new URLSearchParams(location.search);
  const date = (name) => (ISO_DATE.test(p.get(name) ?? "") ? p.get(name) : "");
  return { from: date("from"), to: date("to") };
}

const numbers = () => new Intl.NumberFormat(lang() === "en" ? "en-GB" : "th-TH", { maximumFractionDigits: 1 });
const count = (n) => numbers().format(n ?? 0);

function updateDownloads() {
  const range = { from: data?.from || state.from, to: data?.to || state.to };
  $("stats-csv").href = withQuery("/api/staff/statistics.csv", { ...range, lang: lang() });
  $("stats-xlsx").href = withQuery("/api/staff/statistics.xlsx", { ...range, lang: lang() });
}

async function load() {
  const mine = ++loads;
  $("from").value = state.from;
  $("to").value = state.to;
  updateDownloads();
  say($("stats-status"), "common.loading");
  try {
    const answer = await get(withQuery("/api/staff/statistics", state));
    if (mine !== loads) return;
    data = answer;
    render();
    $("stats").hidden = false;
    say($("stats-status"), "st.loaded", { from: formatLong(data.from, lang()), to: formatLong(data.to, lang()) });
  } catch (err) {
    if (mine !== loads) return;
    if (err.status === 400) showFailure($("stats-form"), err, { status: $("stats-status"), rename: renameBy(err, byName({ from: "from", to: "to" })) });
    else setStatus($("stats-status"), `${t("st.loadError")}: ${messageOf(err)}`, true);
  }
}

// ---- Tables ----
function fillTable(bodyId, rows, { emptyKey = "st.empty" } = {}) {
  const body = $(bodyId);
  if (!rows.length) {
    body.replaceChildren(messageRow(2, t(emptyKey)));
    return;
  }
  const total = rows.reduce((sum, r) => sum + (r.count ?? 0), 0);
  const trs = rows.map((r) => {
    const tr = document.createElement("tr");
    tr.append(cell(r.label, { tag: "th" }), cell(count(r.count), { className: "num" }));
    return tr;
  });
  const foot = document.createElement("tr");
  foot.className = "total-row";
  foot.append(cell(t("st.colTotal"), { tag: "th" }), cell(count(total), { className: "num" }));
  body.replaceChildren(...trs, foot);
}

// ---- Charts ----
function chartLabel(titleKey, rows) {
  const items = rows.length ? rows.map((r) => `${r.label} ${count(r.count)}`).join(", ") : t("st.empty");
  return t("st.chartLabel", { title: t(titleKey), items });
}

const shorten = (text, max = 38) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function drawChart(key, titleKey, rows, { type = "bar", horizontal = false, colours = null } = {}) {
  const canvas = $(`chart-${key}`);
  canvas.setAttribute("aria-label", chartLabel(titleKey, rows));
  charts[key]?.destroy();
  delete charts[key];
  const Chart = window.Chart;
  if (!Chart) return;
  const valueAxis = { beginAtZero: true, grace: "5%", ticks: { precision: 0, color: INK }, grid: { color: GRID }, border: { color: INK } };
  const labelAxis = {
    ticks: { color: INK, autoSkip: !horizontal, callback(value) { return shorten(String(this.getLabelForValue(value))); } },
    grid: { display: false },
    border: { color: INK },
  };
  charts[key] = new Chart(canvas, {
    type,
    data: {
      labels: rows.map((r) => r.label),
      datasets: [{
        label: t("st.series"),
        data: rows.map((r) => r.count ?? 0),
        backgroundColor: colours ?? BRAND,
        borderColor: type === "line" ? BRAND : colours ?? BRAND,
        borderWidth: type === "line" ? 3 : 1,
        pointRadius: type === "line" ? 4 : undefined,
        pointBackgroundColor: BRAND,
        maxBarThickness: 48,
      }],
    },
    options: {
      indexAxis: horizontal ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: (items) => items[0]?.label ?? "" } },
      },
      scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
    },
  });
}

// ---- Rendering ----
function stat(labelKey, valueText) {
  const box = document.createElement("div");
  box.className = "stat-card";
  const dt = document.createElement("dt");
  dt.textContent = t(labelKey);
  const dd = document.createElement("dd");
  dd.textContent = valueText;
  box.append(dt, dd);
  return box;
}

function render() {
  if (!data) return;
  const l = lang();
  $("stats-range").textContent = t("st.range", { from: formatLong(data.from, l), to: formatLong(data.to, l) });
  updateDownloads();

  const decision = data.decisionDays || {};
  const hasDecisions = (decision.decided ?? 0) > 0 && decision.median !== null && decision.median !== undefined;
  $("stats-totals").replaceChildren(
    stat("st.total", t("st.requests", { n: count(data.total) })),
    stat("st.decided", t("st.requests", { n: count(decision.decided ?? 0) })),
    stat("st.median", hasDecisions ? t("st.days", { n: count(decision.median) }) : "-"),
    stat("st.afterOverwrite", t("st.requests", { n: count(data.decidedAfterOverwrite ?? 0) })),
  );

  const byStatus = (data.byStatus || []).map((r) => ({ label: r.text, count: r.count, code: r.code }));
  const byPurpose = (data.byPurpose || []).map((r) => ({ label: r.text, count: r.count, code: r.code }));
  const byStation = (data.byStation || []).map((r) => ({ label: r.name, count: r.count }));
  const byMonth = (data.byMonth || []).map((r) => ({ label: r.label || r.month, count: r.count }));
  const reasons = (data.cancellationsByReason || []).map((r) => ({ label: r.text || r.code, count: r.count }));

  fillTable("tbl-status", byStatus);
  fillTable("tbl-purpose", byPurpose);
  fillTable("tbl-station", byStation);
  fillTable("tbl-month", byMonth);
  fillTable("tbl-reasons", reasons, { emptyKey: "st.noCancellations" });

  // The station chart grows with the number of stations, so every name keeps a readable row.
  $("box-station").style.height = `${Math.max(12, byStation.length * 2.6 + 4)}rem`;
  drawChart("status", "st.byStatus", byStatus, { colours: byStatus.map((r) => STATUS_COLOURS[r.code] ?? BRAND) });
  drawChart("purpose", "st.byPurpose", byPurpose, { colours: byPurpose.map((_, i) => PURPOSE_COLOURS[i % PURPOSE_COLOURS.length]) });
  drawChart("station", "st.byStation", byStation, { horizontal: true });
  drawChart("month", "st.byMonth", byMonth, { type: byMonth.length > 1 ? "line" : "bar" });

  const dl = $("stats-decision");
  dl.hidden = !hasDecisions;
  $("stats-no-decision").hidden = hasDecisions;
  if (hasDecisions) {
    const pair = (key, text) => {
      const dt = document.createElement("dt");
      dt.textContent = t(key);
      const dd = document.createElement("dd");
      dd.textContent = text;
      return [dt, dd];
    };
    dl.replaceChildren(
      ...pair("st.decisionMedian", t("st.days", { n: count(decision.median) })),
      ...pair("st.decisionP90", decision.p90 === null || decision.p90 === undefined ? "-" : t("st.days", { n: count(decision.p90) })),
      ...pair("st.decisionCount", t("st.requests", { n: count(decision.decided) })),
    );
  } else {
    dl.replaceChildren();
  }
  $("stats-overwrite").textContent = t("st.overwriteText", { n: count(data.decidedAfterOverwrite ?? 0) });
}

// ---- Controls ----
$("stats-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const from = $("from").value;
  const to = $("to").value;
  resetErrors($("stats-form"));
  if (from && to && from > to) {
    showRequired($("stats-form"), { to: t("st.orderError") });
    return;
  }
  state = { from, to };
  history.pushState(null, "", withQuery(location.pathname, state));
  load();
});
window.addEventListener("popstate", () => {
  state = readUrl();
  load();
});
// The API names statuses, stations, months and reasons in the language asked for.
onLangChange(() => {
  render();
  load();
});

await startSignedInPage();
if (window.Chart) {
  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  window.Chart.defaults.font.size = 14;
  window.Chart.defaults.color = INK;
}
// Text drawn on a canvas does not change font afterwards: wait for Sarabun first.
await document.fonts.ready.catch(() => {});
load();
