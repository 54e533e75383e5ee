// A hand-over receipt (/staff/requests/{ref}/handovers/{id}; SPEC §8.12), printable on A4: which
// clips (name, size, SHA-256) left the office for which request, on what medium, to whom and when,
// with the recipient's signature and a line for the officer's. Data: the request detail (?for=print).
import { bytes, fullName, html, longDateOf, number, onLangChange, t, timeOf } from "./ui.js";
import { footer, letterhead, signature, startPaper, value } from "./paper.js";
import { ApiError, get } from "./staff-api.js";

const match = location.pathname.match(/^\/staff\/requests\/([^/]+)\/handovers\/([^/]+)\/?$/);
const [ref, id] = match ? [decodeURIComponent(match[1]), decodeURIComponent(match[2])] : ["", ""];

function clipTable(clips) {
  const total = clips.reduce((sum, c) => sum + (c.sizeBytes || 0), 0);
  return html`<table class="clips"><caption>${t("rc.caption")}</caption>
    <thead><tr><th scope="col">${t("rc.colNo")}</th><th scope="col">${t("w.fileName")}</th><th scope="col">${t("rc.colSize")}</th><th scope="col">SHA-256</th></tr></thead>
    <tbody>${clips.map((c, i) => html`<tr><td class="num">${number(i + 1)}</td><th scope="row" class="clip-name">${c.fileName}</th>
      <td class="num nowrap">${number(c.sizeBytes)}</td><td class="sha"><code>${c.sha256}</code></td></tr>`)}</tbody>
    <tfoot><tr><td></td><td>${t("rc.total", { n: number(clips.length), size: bytes(total) })}</td><td class="num nowrap">${number(total)}</td><td></td></tr></tfoot>
  </table>`;
}

const fact = (label, content) => html`<div class="receipt-fact"><dt>${label}</dt><dd>${content}</dd></div>`;
const signer = (name, role, at, image) => html`<div class="sign sign--receipt">${signature("", name, image)}
  <p class="sign__role">${role}</p><p class="sign__date">${t("pp.date")} ${value(longDateOf(at))}</p></div>`;

const paper = (settings, { detail: d, handOver: h }) => html`<article class="paper paper--receipt" id="paper">
  ${letterhead(settings.organization)}
  <h1 class="paper__title">${t("rc.title")}</h1>
  <dl class="receipt-facts">
    ${fact(t("w.reference"), html`<strong>${d.referenceNumber}</strong>`)}${fact(t("w.applicant"), fullName(d.applicant))}
    ${fact(t("w.recipient"), h.receivedBy)}${fact(t("w.medium"), h.medium)}
    ${fact(t("w.handedOverOn"), t("rc.dateValue", { date: longDateOf(h.at), time: timeOf(h.at) }))}
  </dl>
  <p class="receipt-statement">${t("rc.statement", { receivedBy: h.receivedBy, ref: d.referenceNumber, n: h.clips.length, medium: h.medium })}</p>
  ${clipTable(h.clips ?? [])}
  <p class="receipt-note">${t("rc.shaNote")}</p>
  <div class="receipt-signs">
    ${signer(h.recordedByName, t("rc.officer"), h.at)}
    ${signer(h.receivedBy, t("w.recipient"), h.at, html`<img class="sign__image" src=${h.signatureUrl} alt=${t("rc.signatureAlt", { name: h.receivedBy })}>`)}
  </div>
  ${footer(d.referenceNumber)}
</article>`;

async function load() {
  if (!ref || !id) throw new ApiError(404, null);
  const detail = await get(`/api/staff/requests/${encodeURIComponent(ref)}?for=print`);
  const handOver = (detail.handOvers ?? []).find((x) => String(x.id) === id);
  if (!handOver) throw new ApiError(404, null);
  return { detail, handOver };
}

const refresh = await startPaper({
  backHref: ref ? `/staff/requests/${encodeURIComponent(ref)}` : "/staff/requests",
  load,
  paper,
  title: ({ detail }) => t("rc.pageTitle", { ref: detail.referenceNumber }),
  notFoundKey: "rc.notFound",
});
onLangChange(refresh);
