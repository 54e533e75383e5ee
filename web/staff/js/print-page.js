// The official A4 form of a request (/staff/requests/{ref}/print; SPEC §8.7): the organization's
// letterhead and form title, every field in the order of the paper form, the PDPA consent, the
// applicant's signature, then the four blocks the approval chain signs on paper (officer, head of
// the CCTV centre, deputy, chief executive). Fetched with ?for=print, which the API audits as a print.
import { lang, t } from "../../js/i18n.js";
import { formatInstant } from "../../js/dates.js";
import { choice, el, instantDate, instantTime, letterhead, nameLine, officialDate, signLine, startPaper, value } from "./paper.js";
import { ApiError, get } from "./staff-api.js";

const match = location.pathname.match(/^\/staff\/requests\/([^/]+)\/print\/?$/);
const ref = match ? decodeURIComponent(match[1]) : "";
const base = `/api/staff/requests/${encodeURIComponent(ref)}`;

function countryName(settings, code) {
  const country = settings?.countries?.find((c) => c.code === code);
  if (!country) return code;
  try {
    return new Intl.DisplayNames([lang()], { type: "region" }).of(country.alpha2) || country.nameEn;
  } catch {
    return country.nameEn;
  }
}

/** One line of the form: label, value, label, value... (strings are labels, nodes are values). */
const line = (...parts) => el("p", "form-line", ...parts.flatMap((p, i) => (i === 0 ? [p] : [" ", p])));

function applicantLines(settings, d) {
  const a = d.applicant;
  const fullName = a.fullName || [a.title, a.firstName, a.lastName].filter(Boolean).join(" ");
  const identity = a.identityKind === "Passport"
    ? line(t("pp.passport"), value(a.passportNumber), t("pp.passportCountry"), value(countryName(settings, a.passportCountry)))
    : line(t("pp.nationalId"), value(a.nationalId));
  return [
    line(t("pp.iName"), value(fullName)),
    identity,
    line(t("pp.age"), value(a.age), t("pp.years"), t("pp.ethnicity"), value(a.ethnicity), t("pp.nationality"), value(a.nationality)),
    line(t("pp.address"), value(a.address)),
    line(t("pp.phone"), value(a.phone)),
  ];
}

function requestLines(d) {
  const copy = d.purpose === "Copy";
  const count = el("span", "nowrap", `(${t("pp.fileCount")} `, value(copy ? d.fileCount : ""), t("pp.files") ? ` ${t("pp.files")})` : ")");
  const time = d.incidentTime ? `${d.incidentTime}${t("pp.timeSuffix") ? ` ${t("pp.timeSuffix")}` : ""}` : "";
  return [
    line(t("pp.purpose"), choice(d.purpose === "View", t("pp.view")), choice(copy, t("pp.copy")), count),
    line(t("pp.station"), value(d.stationName)),
    line(t("pp.incidentDate"), value(officialDate(d.incidentDate)), t("pp.incidentTime"), value(time)),
    line(t("pp.reason"), value(d.reason, "prewrap")),
  ];
}

function documents(d) {
  const files = (d.attachments || []).filter((a) => a.kind !== "Signature");
  const list = files.length
    ? el("ol", "documents", ...files.map((a) => el("li", null, `${a.kindText}: `, el("span", "documents__file", a.fileName))))
    : el("p", "documents documents--none", t("pp.noDocuments"));
  return el("div", "form-block", el("p", "form-line form-line--label", t("pp.documents")), list);
}

function consent(d) {
  const c = d.privacyConsent;
  if (!c) return el("p", "form-line consent", t("pp.noConsent"));
  return el("p", "form-line consent", choice(true, t("pp.consent", {
    version: c.noticeVersion,
    date: instantDate(c.acceptedAt),
    time: instantTime(c.acceptedAt),
  })));
}

function applicantSignature(d) {
  const a = d.applicant;
  const fullName = a.fullName || [a.title, a.firstName, a.lastName].filter(Boolean).join(" ");
  const signature = (d.attachments || []).find((x) => x.kind === "Signature");
  let image = null;
  if (signature) {
    image = el("img", "sign__image");
    image.src = `${base}/attachments/${encodeURIComponent(signature.id)}?inline=true`;
    image.alt = t("pp.signatureAlt");
  }
  return el("div", "sign sign--applicant",
    signLine(t("pp.applicant"), image),
    nameLine(fullName),
    signature ? el("p", "sign__note", `(${d.signatureMethodText})`) : el("p", "sign__note", t("pp.noSignature")));
}

/** One of the four blocks signed on paper. */
function block(title, { body = [], name = "", date = "" } = {}) {
  return el("section", "sign-block",
    el("h3", "sign-block__title", title || ""),
    ...body,
    signLine(""),
    nameLine(name),
    el("p", "sign__date", `${t("pp.date")} `, value(date)));
}

const opinion = () => [
  el("p", "form-line form-line--fill", t("pp.opinion"), value("")),
  el("p", "form-line form-line--fill", value("")),
];

function approvals(settings, d) {
  const l = lang();
  const titles = settings.organization.signatureTitles || {};
  const title = (key) => titles[key]?.[l] || "";
  const history = d.history || [];
  const received = history.find((h) => h.status === "Received");
  const cancelled = [...history].reverse().find((h) => h.status === "Cancelled");
  const approvedEntry = [...history].reverse().find((h) => h.status === "Approved");
  const decided = d.status === "Approved" || d.status === "Cancelled";
  const decidedAt = d.decidedAt || (d.status === "Approved" ? approvedEntry?.at : cancelled?.at) || null;

  const decision = [el("p", "form-line", t("pp.decision"), " ", choice(d.status === "Approved", t("pp.approve")), " ", choice(d.status === "Cancelled", t("pp.reject")))];
  if (d.status === "Cancelled" && cancelled) {
    const reason = [cancelled.reasonText || cancelled.reasonCode, cancelled.message].filter(Boolean).join(" — ");
    decision.push(el("p", "form-line", t("pp.cancelledReason"), " ", value(reason, "prewrap")));
  } else {
    decision.push(el("p", "form-line form-line--fill", value("")));
  }

  return el("section", "approvals",
    el("h2", "visually-hidden", t("pp.approvals")),
    el("div", "approvals__grid",
      block(title("officer"), { name: received?.actorName ?? "", date: received ? instantDate(received.at) : "" }),
      block(title("centreHead"), { body: opinion() }),
      block(title("deputy"), { body: opinion() }),
      block(title("chiefExecutive"), { body: decision, date: decided && decidedAt ? instantDate(decidedAt) : "" })));
}

function render(settings, d) {
  const l = lang();
  const org = settings.organization;
  const orgName = l === "en" ? org.nameEn : org.name;
  document.querySelector("title").removeAttribute("data-i18n");
  document.title = t("pp.pageTitle", { ref: d.referenceNumber });
  document.getElementById("back-link").href = `/staff/requests/${encodeURIComponent(d.referenceNumber)}`;

  document.getElementById("paper").replaceChildren(
    letterhead(org),
    el("h1", "paper__title", org.formTitle?.[l] || t("pp.pageTitleEmpty")),
    el("p", "paper__ref",
      `${t("pp.reference")} `, el("strong", null, d.referenceNumber),
      el("span", "paper__sep", " "),
      `${t("pp.status")} `, el("strong", null, d.statusText)),
    el("div", "paper__written",
      el("p", null, `${t("pp.writtenAt")} `, value(orgName)),
      el("p", null, `${t("pp.date")} `, value(officialDate(d.writtenOn)))),
    el("div", "form-body", ...applicantLines(settings, d), ...requestLines(d), documents(d), consent(d)),
    applicantSignature(d),
    approvals(settings, d),
    el("p", "paper__footer", `${d.referenceNumber} · ${t("pp.printedAt", { at: formatInstant(new Date().toISOString(), l) })}`),
  );
}

startPaper({
  backHref: ref ? `/staff/requests/${encodeURIComponent(ref)}` : "/staff/requests",
  load: () => (ref ? get(`${base}?for=print`) : Promise.reject(new ApiError(404, null))),
  render,
});
