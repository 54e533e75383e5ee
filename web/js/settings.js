// The server's rules and the organization's texts (GET /api/form-settings), in the page's
// language. Nothing here knows a limit or a name: every number and every organization string the
// pages show comes from this answer.
import { getJson } from "./api.js";
import { apply, lang, setDefaults } from "./i18n.js";

const cache = {};
let current = null;

/** Loads (once per language) and publishes the settings; resolves with them. */
export async function loadSettings() {
  const l = lang();
  cache[l] ??= getJson("/api/form-settings").catch((err) => {
    delete cache[l];
    throw err;
  });
  current = await cache[l];
  publish();
  return current;
}

export function settings() {
  return current;
}

export function field(name) {
  return current?.fields.find((f) => f.name === name);
}

/** The server's message for a field's rule (required, invalid, tooShort, tooLong, outOfRange). */
export function message(name, rule) {
  return field(name)?.messages[rule] ?? field(name)?.messages.invalid ?? "";
}

export function megabytes(bytes) {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** What an approved applicant does next, for the request's purpose (View or Copy), in the page's language. */
export function approvedInstructions(purpose) {
  const texts = current?.organization.approvedInstructions;
  const text = purpose === "View" ? texts?.view : texts?.copy;
  return text?.[lang()] ?? "";
}

/** tel: URI of the organization's number, with its extension dialled after a pause. */
export function telUri() {
  const o = current.organization;
  const digits = o.phone.replace(/[^0-9]/g, "");
  return `tel:+66${digits.replace(/^0/, "")}${o.phoneExtension ? `,${o.phoneExtension}` : ""}`;
}

function publish() {
  const l = lang();
  const o = current.organization;
  const limits = current.limits;
  const titles = o.signatureTitles;
  setDefaults({
    org: l === "en" ? o.nameEn : o.name,
    department: o.department[l],
    phone: o.phone,
    ext: o.phoneExtension,
    fileSize: megabytes(limits.fileBytes),
    totalSize: megabytes(limits.totalBytes),
    maxOthers: limits.otherDocumentsMax,
    fileCountMin: limits.fileCount.min,
    fileCountMax: limits.fileCount.max,
    reasonMin: limits.textLengths.reason.min,
    reasonMax: limits.textLengths.reason.max,
    centreHead: titles.centreHead[l],
    deputy: titles.deputy[l],
    chiefExecutive: titles.chiefExecutive[l],
  });
  for (const el of document.querySelectorAll("[data-org-name]")) el.textContent = l === "en" ? o.nameEn : o.name;
  for (const el of document.querySelectorAll("a[data-org-phone]")) el.href = telUri();
  apply();
}
