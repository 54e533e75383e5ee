// ดาวน์โหลดไฟล์ภาพ on the status page (SPEC decision 16): the clips of an approved copy sent online. The
// status link alone opens nothing (a photo of the QR code must not give the footage away): the applicant types
// the request's national ID, or passport number and country, again; the server answers the clips and sets a
// short download session in an HttpOnly cookie, so no secret is ever in an address. Each clip downloads from a
// same-origin link, with its SHA-256 and how to check it.
import { ApiError, postJson } from "./api.js";
import { formatShort } from "./dates.js";
import { lang, onLangChange, t } from "./i18n.js";
import { normalizePassport, renderCountries } from "./identity.js";
import { loadSettings } from "./settings.js";
import { formatBytes } from "./sizes.js";
import { checkId, normalizeId } from "./thai-id.js";

const $ = (id) => document.getElementById(id);
let token = null;
let copy = null;
let clips = null;
let problem = "";
let ended = false;
let locked = false;

const passport = () => $("clips-kind").value === "passport";

function fieldError(id, message) {
  const error = $(`${id}-error`);
  error.textContent = message || "";
  error.hidden = !message;
  if (message) $(id).setAttribute("aria-invalid", "true");
  else $(id).removeAttribute("aria-invalid");
}

async function showKind() {
  $("clips-country-field").hidden = !passport();
  $("clips-id").inputMode = passport() ? "text" : "numeric";
  $("clips-id-label").textContent = t(passport() ? "sp.clipsPassport" : "sp.clipsId");
  if (passport()) {
    await loadSettings().catch(() => null);
    renderCountries($("clips-country"));
  }
}

const code = (text) => {
  const el = document.createElement("code");
  el.textContent = text;
  return el;
};

function clipItem(c) {
  const item = document.createElement("li");
  item.className = "clip-item";
  const name = document.createElement("p");
  name.className = "clip-item__name";
  const strong = document.createElement("strong");
  strong.textContent = c.fileName;
  const size = document.createElement("span");
  size.className = "clip-item__size";
  size.textContent = formatBytes(c.sizeBytes, lang());
  name.append(strong, " ", size);
  const sha = document.createElement("p");
  sha.className = "clip-item__sha";
  sha.append("SHA-256: ", code(c.sha256));
  const link = document.createElement("a");
  link.className = "button button--primary";
  link.href = c.url;
  link.download = c.fileName;
  const hidden = document.createElement("span");
  hidden.className = "visually-hidden";
  hidden.textContent = ` ${c.fileName}`;
  link.append(t("sp.clipsDownload"), hidden);
  item.append(name, sha, link);
  return item;
}

/** Shows the section as the status and the applicant's steps leave it; called with every new status. */
export function renderClipDownloads(data) {
  copy = data?.onlineCopy ?? null;
  const section = $("sp-clips");
  const gone = ended || Boolean(copy?.ended);
  const shut = !gone && (locked || Boolean(copy?.locked));
  section.hidden = !copy || !(copy.available || gone || shut || clips);
  if (section.hidden) return;
  $("sp-clips-until").textContent = t("sp.clipsUntil", { date: formatShort(copy.expiresOn, lang()) });
  $("sp-clips-until").hidden = gone;
  $("sp-clips-ended").hidden = !gone || Boolean(problem);
  const message = problem || (shut ? t("sp.clipsLocked") : "");
  $("sp-clips-problem").textContent = message;
  $("sp-clips-problem").hidden = !message;
  $("clips-form").hidden = gone || shut || Boolean(clips);
  $("sp-clips-list").hidden = !clips;
  if (clips) {
    $("sp-clips-check").replaceChildren(t("sp.clipsCheck"), document.createElement("br"), "Windows: ", code(`certutil -hashfile ${t("sp.clipsFile")} SHA256`),
      document.createElement("br"), "macOS/Linux: ", code(`shasum -a 256 ${t("sp.clipsFile")}`));
    $("sp-clip-items").replaceChildren(...clips.map(clipItem));
  }
}

async function open(e) {
  e.preventDefault();
  fieldError("clips-id", "");
  fieldError("clips-country", "");
  const number = $("clips-id").value;
  if (!passport() && checkId(number) !== "valid") {
    fieldError("clips-id", t("lookup.invalid"));
    return $("clips-id").focus();
  }
  if (passport() && (normalizePassport(number) === "" || $("clips-country").value === "")) {
    const which = normalizePassport(number) === "" ? "clips-id" : "clips-country";
    fieldError(which, t("lookup.passportMissing"));
    return $(which).focus();
  }
  const body = passport()
    ? { token, passportNumber: normalizePassport(number), passportCountry: $("clips-country").value }
    : { token, nationalId: normalizeId(number) };
  const button = $("clips-open");
  button.disabled = true;
  try {
    clips = await postJson("/api/status/clips", body);
    problem = "";
    renderClipDownloads({ onlineCopy: copy });
    $("sp-clips-list").focus();
  } catch (err) {
    const errors = err instanceof ApiError ? err.errors : {};
    if (err instanceof ApiError && err.status === 400 && (errors.nationalId || errors.passportNumber || errors.passportCountry)) {
      fieldError("clips-id", (errors.nationalId ?? errors.passportNumber ?? [])[0]);
      fieldError("clips-country", errors.passportCountry?.[0]);
      $(errors.passportCountry && !errors.passportNumber ? "clips-country" : "clips-id").focus();
    } else {
      // Locked (423), ended (410, naming whom to call), too many tries (429): the server's own words.
      problem = (err instanceof ApiError && err.status !== 0 && err.problem.detail) || t("sp.clipsError");
      if (err instanceof ApiError && err.status === 410) ended = true;
      if (err instanceof ApiError && err.status === 423) locked = true;
      renderClipDownloads({ onlineCopy: copy });
    }
  } finally {
    button.disabled = false;
  }
}

/** Wires the form once; token() is the status link's token, read when the applicant presses the button. */
export function initClipDownloads(tokenOf) {
  $("clips-form").addEventListener("submit", (e) => {
    token = tokenOf();
    open(e);
  });
  $("clips-kind").addEventListener("change", () => {
    fieldError("clips-id", "");
    fieldError("clips-country", "");
    showKind();
  });
  onLangChange(() => {
    showKind();
    fieldError("clips-id", "");
    fieldError("clips-country", "");
  });
  showKind();
}

/** Another request opened in this tab: nothing of the last one stays. */
export function resetClipDownloads() {
  clips = null;
  problem = "";
  ended = false;
  locked = false;
  $("clips-id").value = "";
  fieldError("clips-id", "");
  fieldError("clips-country", "");
}
