// Statistics (/staff/statistics, every staff role; no personal data): counts by status, station,
// month and purpose as charts (Chart.js, a classic script that sets window.Chart) each followed by
// a table of the same numbers, the time to decide, cancellations by reason and decisions made after
// the footage was overwritten. The range lives in the address; the CSV and Excel links carry it.
import { addressState, dateField, dateOf, form, html, isoDate, lang, longDate, nothing, number, onLangChange, showErrors, startPage, statusLine, summary, t, update } from "./ui.js";
import { get, messageOf, withQuery } from "./staff-api.js";

const INK = "#1b1f24";
const BRAND = "#0b4f8a";
// Each at least 3:1 against white (WCAG 1.4.11); the tables carry every number, so nothing rests on colour.
const STATUS_COLOURS = { Pending: "#8a5a00", Received: BRAND, Approved: "#1e6b35", Cancelled: "#b3261e" };
const PURPOSE_COLOURS = ["#0b4f8a", "#6a3d9a", "#1e6b35", "#8a5a00"];
const f = form("stats");
const address = addressState({ from: isoDate, to: isoDate }, load);
const charts = {};
let data = null;
let loads = 0;

async function load() {
  const mine = ++loads;
  say("common.loading");
  try {
    const answer = await get(withQuery("/api/staff/statistics", address.value));
    if (mine !== loads) return;
    data = answer;
    say("st.loaded", { from: () => longDate(data.from), to: () => longDate(data.to) });
    draw();
  } catch (err) {
    if (mine !== loads) return;
    if (err.status === 400) showErrors(f, Object.fromEntries(Object.entries(err.errors).map(([k, v]) => [k, [v].flat().join(" ")])));
    else say("w.loadError", { error: messageOf(err) }, true);
  }
}

function say(key, values = {}, error = false) {
  f.status = { key, values, error };
  update();
}

function show(e) {
  e.preventDefault();
  const range = { from: dateOf(f, "from"), to: dateOf(f, "to") };
  const errors = Object.fromEntries(Object.keys(range).filter((k) => range[k] === null).map((k) => [k, t("err.date.invalid")]));
  if (!errors.to && range.from && range.to && range.from > range.to) errors.to = t("st.orderError");
  if (!showErrors(f, errors)) address.go(range);
}

const rowsOf = () => ({
  status: (data.byStatus ?? []).map((r) => ({ label: r.text, count: r.count, code: r.code })),
  purpose: (data.byPurpose ?? []).map((r) => ({ label: r.text, count: r.count })),
  station: (data.byStation ?? []).map((r) => ({ label: r.name, count: r.count })),
  month: (data.byMonth ?? []).map((r) => ({ label: r.label || r.month, count: r.count })),
  reasons: (data.cancellationsByReason ?? []).map((r) => ({ label: r.text || r.code, count: r.count })),
});

function draw() {
  const Chart = window.Chart;
  if (!Chart || !data) return;
  const rows = rowsOf();
  // The station chart grows with the number of stations, so every name keeps a readable row.
  document.getElementById("chart-station").parentElement.style.height = `${Math.max(12, rows.station.length * 2.6 + 4)}rem`;
  const axis = { ticks: { color: INK, precision: 0 }, grid: { color: "#c9d1d9" }, border: { color: INK }, beginAtZero: true, grace: "5%" };
  const shorten = (text) => (text.length > 38 ? `${text.slice(0, 37)}…` : text);
  const labels = { ticks: { color: INK, callback(v) { return shorten(String(this.getLabelForValue(v))); } }, grid: { display: false }, border: { color: INK } };
  const options = {
    status: { colours: rows.status.map((r) => STATUS_COLOURS[r.code] ?? BRAND) },
    purpose: { colours: rows.purpose.map((_, i) => PURPOSE_COLOURS[i % PURPOSE_COLOURS.length]) },
    station: { horizontal: true },
    month: { type: rows.month.length > 1 ? "line" : "bar" },
  };
  for (const [key, { type = "bar", horizontal = false, colours = BRAND }] of Object.entries(options)) {
    charts[key]?.destroy();
    charts[key] = new Chart(document.getElementById(`chart-${key}`), {
      type,
      data: { labels: rows[key].map((r) => r.label), datasets: [{ label: t("st.series"), data: rows[key].map((r) => r.count ?? 0), backgroundColor: colours, borderColor: type === "line" ? BRAND : colours, borderWidth: type === "line" ? 3 : 1, pointBackgroundColor: BRAND, maxBarThickness: 48 }] },
      options: { indexAxis: horizontal ? "y" : "x", responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
        scales: horizontal ? { x: axis, y: labels } : { x: labels, y: axis } },
    });
  }
}

const countTable = (id, caption, column, rows, empty = t("st.empty")) => html`
  <div class="table-scroll" tabindex="0" role="region" aria-labelledby="cap-${id}"><table class="data-table stats-table">
    <caption id="cap-${id}">${caption}</caption>
    <thead><tr><th scope="col">${column}</th><th scope="col" class="num">${t("st.colCount")}</th></tr></thead>
    <tbody id="tbl-${id}">${rows.length ? [...rows, { label: t("st.colTotal"), count: rows.reduce((s, r) => s + (r.count ?? 0), 0), total: true }].map((r) =>
      html`<tr class=${r.total ? "total-row" : nothing}><th scope="row">${r.label}</th><td class="num">${number(r.count)}</td></tr>`)
      : html`<tr><td colspan="2" class="data-table__empty">${empty}</td></tr>`}</tbody></table></div>`;

const chartPanel = (key, title, column, rows) => html`<section class="panel chart-panel"><h2>${title}</h2>
  <div class="chart-box ${key === "station" ? "chart-box--stations" : ""}"><canvas id="chart-${key}" role="img"
    aria-label=${t("st.chartLabel", { title, items: rows.length ? rows.map((r) => `${r.label} ${number(r.count)}`).join(", ") : t("st.empty") })}></canvas></div>
  ${countTable(key, title, column, rows)}</section>`;

function numbers() {
  const rows = rowsOf();
  const d = data.decisionDays ?? {};
  const decided = (d.decided ?? 0) > 0 && d.median != null;
  const days = (n) => (n == null ? "-" : t("w.days", { n: number(n) }));
  const stat = (label, value) => html`<div class="stat-card"><dt>${label}</dt><dd>${value}</dd></div>`;
  const csv = (kind) => withQuery(`/api/staff/statistics.${kind}`, { from: data.from, to: data.to, lang: lang() });
  return html`
    <p class="stats-range">${t("st.range", { from: longDate(data.from), to: longDate(data.to) })}</p>
    <p class="downloads"><span class="downloads__label">${t("st.downloads")}</span>
      <a class="button button--secondary button--small" href=${csv("csv")} download>${t("w.downloadCsv")}</a>
      <a class="button button--secondary button--small" href=${csv("xlsx")} download>${t("w.downloadXlsx")}</a></p>
    <section class="panel"><h2>${t("st.totals")}</h2><dl class="stat-cards">
      ${stat(t("w.allRequests"), t("w.requests", { n: number(data.total) }))}${stat(t("st.decided"), t("w.requests", { n: number(d.decided) }))}
      ${stat(t("st.median"), decided ? days(d.median) : "-")}${stat(t("st.afterOverwrite"), t("w.requests", { n: number(data.decidedAfterOverwrite) }))}</dl></section>
    <div class="chart-grid">${chartPanel("status", t("st.byStatus"), t("w.status"), rows.status)}${chartPanel("purpose", t("st.byPurpose"), t("w.purpose"), rows.purpose)}</div>
    ${chartPanel("station", t("st.byStation"), t("w.location"), rows.station)}
    ${chartPanel("month", t("st.byMonth"), t("st.colMonth"), rows.month)}
    <div class="detail-grid">
      <section class="panel"><h2>${t("st.decisionTitle")}</h2>${decided ? html`<dl class="facts">
        <dt>${t("st.decisionMedian")}</dt><dd>${days(d.median)}</dd><dt>${t("st.decisionP90")}</dt><dd>${days(d.p90)}</dd>
        <dt>${t("st.decisionCount")}</dt><dd>${t("w.requests", { n: number(d.decided) })}</dd></dl>` : html`<p class="hint">${t("st.noDecisions")}</p>`}</section>
      <section class="panel"><h2>${t("st.overwriteTitle")}</h2><p class="stat-line">${t("st.overwriteText", { n: number(data.decidedAfterOverwrite) })}</p></section>
    </div>
    <section class="panel"><h2>${t("st.cancellations")}</h2>${countTable("reasons", t("st.cancellations"), t("w.cancelReason"), rows.reasons, t("st.noCancellations"))}</section>`;
}

const view = () => html`
  <h1>${t("st.title")}</h1>
  <p class="lead">${t("st.lead")}</p>
  <form class="filters" id="stats-form" novalidate @submit=${show}>${summary(f)}
    <fieldset class="filters__more"><legend>${t("st.filters")}</legend>
      <p class="hint">${t("st.defaultRange")}</p>
      <div class="range-row">${dateField(f, "from", { label: t("w.from"), iso: address.value.from })}${dateField(f, "to", { label: t("w.to"), iso: address.value.to })}
        <div class="range-row__submit"><button type="submit" class="button button--primary">${t("w.show")}</button></div></div>
    </fieldset>
  </form>
  ${statusLine(f, "list-status")}
  ${data ? numbers() : nothing}`;

// The API names statuses, stations, months and reasons in the language asked for.
onLangChange(load);

await startPage({ page: "statistics", title: () => t("st.title"), view });
await new Promise((resolve) => {
  const script = Object.assign(document.createElement("script"), { src: "/vendor/chartjs/chart.umd.min.js", onload: resolve, onerror: resolve });
  document.head.append(script);
});
if (window.Chart) {
  Object.assign(window.Chart.defaults.font, { family: getComputedStyle(document.body).fontFamily, size: 14 });
  window.Chart.defaults.color = INK;
}
// Text drawn on a canvas does not change font afterwards: wait for Sarabun first.
await document.fonts.ready.catch(() => {});
load();
