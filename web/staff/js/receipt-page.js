// A hand-over receipt (/staff/requests/{ref}/handovers/{id}; SPEC §8.12), printable on A4: which
// clips (name, size, SHA-256) left the office for which request, on what medium, to whom and when,
// with the recipient's signature and a line for the officer's. Data: the request detail (?for=print).
import { lang, t } from "../../js/i18n.js";
import { formatInstant } from "../../js/dates.js";
import { el, instantDate, instantTime, letterhead, nameLine, signLine, startPaper, value } from "./paper.js";
import { ApiError, get } from "./staff-api.js";

const match = location.pathname.match(/^\/staff\/requests\/([^/]+)\/handovers\/([^/]+)\/?$/);
const ref = match ? decodeURIComponent(match[1]) : "";
const id = match ? decodeURIComponent(match[2]) : "";
const base = `/api/staff/requests/${encodeURIComponent(ref)}`;

const numberFormat = () => new Intl.NumberFormat(lang() === "en" ? "en-GB" : "th-TH");

function sizeText(bytes) {
  const l = lang() === "en" ? "en-GB" : "th-TH";
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toLocaleString(l, { maximumFractionDigits: 2 })} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toLocaleString(l, { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString(l)} KB`;
  return `${bytes} B`;
}

function fact(label, content) {
  return el("div", "receipt-fact", el("dt", null, label), el("dd", null, content));
}

function clipTable(clips) {
  const n = numberFormat();
  const head = el("thead", null, el("tr", null, ...["rc.colNo", "rc.colName", "rc.colSize", "rc.colSha"].map((key) => {
    const th = el("th", null, t(key));
    th.scope = "col";
    return th;
  })));
  const body = el("tbody", null, ...clips.map((c, i) => {
    const name = el("th", "clip-name", c.fileName);
    name.scope = "row";
    return el("tr", null,
      el("td", "num", n.format(i + 1)),
      name,
      el("td", "num nowrap", n.format(c.sizeBytes)),
      el("td", "sha", el("code", null, c.sha256)));
  }));
  const total = clips.reduce((sum, c) => sum + (c.sizeBytes || 0), 0);
  const foot = el("tfoot", null, el("tr", null, el("td", null), el("td", null, t("rc.total", { n: n.format(clips.length), size: sizeText(total) })), el("td", "num nowrap", n.format(total)), el("td", null)));
  return el("table", "clips", el("caption", null, t("rc.caption")), head, body, foot);
}

function render(settings, { detail: d, handOver: h }) {
  const org = settings.organization;
  const a = d.applicant || {};
  const applicantName = a.fullName || [a.title, a.firstName, a.lastName].filter(Boolean).join(" ");
  document.querySelector("title").removeAttribute("data-i18n");
  document.title = t("rc.pageTitle", { ref: d.referenceNumber });
  document.getElementById("back-link").href = `/staff/requests/${encodeURIComponent(d.referenceNumber)}`;

  const signature = el("img", "sign__image");
  signature.src = h.signatureUrl;
  signature.alt = t("rc.signatureAlt", { name: h.receivedBy });

  document.getElementById("paper").replaceChildren(
    letterhead(org),
    el("h1", "paper__title", t("rc.title")),
    el("dl", "receipt-facts",
      fact(t("rc.reference"), el("strong", null, d.referenceNumber)),
      fact(t("rc.applicant"), applicantName),
      fact(t("rc.receivedBy"), h.receivedBy),
      fact(t("rc.medium"), h.medium),
      fact(t("rc.date"), t("rc.dateValue", { date: instantDate(h.at), time: instantTime(h.at) }))),
    el("p", "receipt-statement", t("rc.statement", { receivedBy: h.receivedBy, ref: d.referenceNumber, n: h.clips.length, medium: h.medium })),
    clipTable(h.clips || []),
    el("p", "receipt-note", t("rc.shaNote")),
    el("div", "receipt-signs",
      el("div", "sign sign--receipt",
        signLine(""),
        nameLine(h.recordedByName),
        el("p", "sign__role", t("rc.officer")),
        el("p", "sign__date", `${t("pp.date")} `, value(instantDate(h.at)))),
      el("div", "sign sign--receipt",
        signLine("", signature),
        nameLine(h.receivedBy),
        el("p", "sign__role", t("rc.recipient")),
        el("p", "sign__date", `${t("pp.date")} `, value(instantDate(h.at))))),
    el("p", "paper__footer", `${d.referenceNumber} · ${t("pp.printedAt", { at: formatInstant(new Date().toISOString(), lang()) })}`),
  );
}

async function load() {
  if (!ref || !id) throw new ApiError(404, null);
  const detail = await get(`${base}?for=print`);
  const handOver = (detail.handOvers || []).find((x) => String(x.id) === id);
  if (!handOver) throw new ApiError(404, null);
  return { detail, handOver };
}

startPaper({
  backHref: ref ? `/staff/requests/${encodeURIComponent(ref)}` : "/staff/requests",
  load,
  render,
  notFoundKey: "rc.notFound",
});
