// The official A4 form of a request (/staff/requests/{ref}/print; SPEC §8.7): the organization's
// letterhead and form title, every field in the order of the paper form, the PDPA consent, the
// applicant's signature, then the four blocks the approval chain signs on paper (officer, head of
// the CCTV centre, permanent secretary, chief executive). Fetched with ?for=print, audited as a print.
import { countryName, fullName, html, labelOf, lang, longDate, longDateOf, nothing, onLangChange, t, timeOf } from "./ui.js";
import { choice, footer, letterhead, signature, startPaper, value } from "./paper.js";
import { ApiError, get } from "./staff-api.js";

const match = location.pathname.match(/^\/staff\/requests\/([^/]+)\/print\/?$/);
const ref = match ? decodeURIComponent(match[1]) : "";
const base = `/api/staff/requests/${encodeURIComponent(ref)}`;

/** One line of the form: labels (strings) and values (templates) side by side. */
const line = (...parts) => html`<p class="form-line">${parts.map((p, i) => (i ? html` ${p}` : p))}</p>`;

function body(d) {
  const a = d.applicant;
  const copy = d.purpose === "Copy";
  const files = (d.attachments ?? []).filter((x) => x.kind !== "Signature");
  const c = d.privacyConsent;
  return html`<div class="form-body">
    ${line(t("pp.iName"), value(fullName(a)))}
    ${a.identityKind === "Passport" ? line(t("field.passportNumber"), value(a.passportNumber), t("pp.passportCountry"), value(countryName(a.passportCountry)))
      : line(t("pp.nationalId"), value(a.nationalId))}
    ${line(t("field.age"), value(a.age), t("pp.years"), t("field.ethnicity"), value(a.ethnicity), t("field.nationality"), value(a.nationality))}
    ${line(t("field.address"), value(a.address))}
    ${line(t("field.phone"), value(a.phone))}
    ${line(t("field.purpose"), choice(!copy, labelOf("purposes", "View")), choice(copy, labelOf("purposes", "Copy")), html`<span class="nowrap">(${t("pp.fileCount")} ${value(copy ? d.fileCount : "")} ${t("pp.files")})</span>`)}
    ${line(t("field.station"), value(d.stationName))}
    ${line(t("w.incidentDate"), value(longDate(d.incidentDate)), t("field.incidentTime"), value(d.incidentTime ? t("pp.time", { time: d.incidentTime }) : ""))}
    ${line(t("field.reason"), value(d.reason, "prewrap"))}
    <div class="form-block"><p class="form-line form-line--label">${t("form.sectionDocuments")}</p>
      ${files.length ? html`<ol class="documents">${files.map((x) => html`<li>${x.kindText}: <span class="documents__file">${x.fileName}</span></li>`)}</ol>`
        : html`<p class="documents documents--none">${t("w.none")}</p>`}</div>
    <p class="form-line consent">${c ? choice(true, t("pp.consent", { version: c.noticeVersion, date: longDateOf(c.acceptedAt), time: timeOf(c.acceptedAt) })) : t("pp.noConsent")}</p>
  </div>`;
}

function applicantSignature(d) {
  const image = (d.attachments ?? []).find((x) => x.kind === "Signature");
  return html`<div class="sign sign--applicant">
    ${signature(t("w.applicant"), fullName(d.applicant), image ? html`<img class="sign__image" src="${base}/attachments/${encodeURIComponent(image.id)}?inline=true" alt=${t("field.signature")}>` : nothing)}
    ${image ? html`<p class="sign__note">(${d.signatureMethodText})</p>` : html`<p class="sign__note">${t("pp.noSignature")}</p>`}
  </div>`;
}

/** One of the four blocks signed on paper. */
const block = (title, { body: inside = nothing, name = "", date = "" } = {}) => html`<section class="sign-block">
  <h3 class="sign-block__title">${title ?? ""}</h3>${inside}${signature("", name)}<p class="sign__date">${t("pp.date")} ${value(date)}</p></section>`;

const opinion = html`<p class="form-line form-line--fill">${t("pp.opinion")} ${value("")}</p><p class="form-line form-line--fill">${value("")}</p>`;

function approvals(settings, d) {
  const titles = settings.organization.signatureTitles ?? {};
  const title = (key) => titles[key]?.[lang()] ?? "";
  const history = d.history ?? [];
  const received = history.find((h) => h.status === "Received");
  const last = (status) => [...history].reverse().find((h) => h.status === status);
  const cancelled = last("Cancelled");
  const decidedAt = d.decidedAt || last(d.status)?.at;
  const decided = (d.status === "Approved" || d.status === "Cancelled") && decidedAt;
  const decision = html`<p class="form-line">${t("pp.decision")} ${choice(d.status === "Approved", t("pp.approve"))} ${choice(d.status === "Cancelled", t("pp.reject"))}</p>
    ${d.status === "Cancelled" && cancelled
      ? html`<p class="form-line">${t("pp.cancelledReason")} ${value([cancelled.reasonText || cancelled.reasonCode, cancelled.message].filter(Boolean).join(" — "), "prewrap")}</p>`
      : html`<p class="form-line form-line--fill">${value("")}</p>`}`;
  return html`<section class="approvals"><h2 class="visually-hidden">${t("pp.approvals")}</h2><div class="approvals__grid">
    ${block(title("officer"), { name: received?.actorName ?? "", date: received ? longDateOf(received.at) : "" })}
    ${block(title("centreHead"), { body: opinion })}
    ${block(title("deputy"), { body: opinion })}
    ${block(title("chiefExecutive"), { body: decision, date: decided ? longDateOf(decidedAt) : "" })}
  </div></section>`;
}

const paper = (settings, d) => {
  const org = settings.organization;
  return html`<article class="paper paper--form" id="paper">
    ${letterhead(org)}
    <h1 class="paper__title">${org.formTitle?.[lang()] || t("pp.pageTitleEmpty")}</h1>
    <p class="paper__ref">${t("w.reference")} <strong>${d.referenceNumber}</strong><span class="paper__sep"> </span>${t("w.status")} <strong>${d.statusText}</strong></p>
    <div class="paper__written"><p>${t("pp.writtenAt")} ${value(lang() === "en" ? org.nameEn : org.name)}</p><p>${t("pp.date")} ${value(longDate(d.writtenOn))}</p></div>
    ${body(d)}${applicantSignature(d)}${approvals(settings, d)}${footer(d.referenceNumber)}
  </article>`;
};

const refresh = await startPaper({
  backHref: ref ? `/staff/requests/${encodeURIComponent(ref)}` : "/staff/requests",
  load: () => (ref ? get(`${base}?for=print`) : Promise.reject(new ApiError(404, null))),
  paper,
  title: (d) => t("pp.pageTitle", { ref: d.referenceNumber }),
});
onLangChange(refresh);
