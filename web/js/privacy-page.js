// The public privacy notice (/privacy): the version now in force, in the page's language, with the
// organization's contact. The notice is the same one the form shows before the consent tick.
import { ApiError, getJson } from "./api.js";
import { formatLong, todayIso } from "./dates.js";
import { initLangSwitch, lang, onLangChange, t } from "./i18n.js";
import { initLookup } from "./lookup.js";
import { loadSettings, settings, telUri } from "./settings.js";

const $ = (id) => document.getElementById(id);
let notice = null;

initLangSwitch();
initLookup();

/** Paragraphs split on blank lines; single line breaks (numbered lists) stay as they are. */
function paragraphs(text) {
  return text.split(/\r?\n\s*\r?\n/).map((part) => part.trim()).filter(Boolean).map((part) => {
    const p = document.createElement("p");
    p.textContent = part;
    return p;
  });
}

function renderNotice() {
  if (!notice) return;
  const l = lang();
  // English asked for but none written: the Thai text, said so, and marked as Thai.
  const thaiOnly = l === "en" && !notice.textEn?.trim();
  const text = l === "en" && !thaiOnly ? notice.textEn : notice.text ?? "";
  const box = $("pv-text");
  box.lang = thaiOnly ? "th" : l;
  box.replaceChildren(...paragraphs(text));
  box.hidden = false;
  $("pv-thai-only").hidden = !thaiOnly;
  const meta = $("pv-meta");
  meta.textContent = t("pv.meta", {
    version: notice.version,
    date: notice.publishedAt ? formatLong(todayIso(new Date(notice.publishedAt)), l) : "",
  });
  meta.hidden = false;
}

function renderContact() {
  const s = settings();
  if (!s) return;
  const l = lang();
  const o = s.organization;
  const org = $("pv-org");
  const name = document.createElement("strong");
  name.textContent = l === "en" ? o.nameEn : o.name;
  const department = o.department?.[l];
  org.replaceChildren(...(department ? [department, document.createElement("br")] : []), name);
  $("pv-address").textContent = o.address?.[l] ?? "";
  const phone = $("pv-phone");
  phone.textContent = o.phoneExtension ? t("pv.phoneExt", { phone: o.phone, ext: o.phoneExtension }) : o.phone;
  phone.href = telUri();
}

async function load() {
  const status = $("pv-status");
  // From here the page writes this line itself; the language switch must not put "loading" back.
  status.removeAttribute("data-i18n");
  try {
    notice = await getJson("/api/privacy-notice");
    status.textContent = "";
    status.classList.remove("form-status--error");
    status.hidden = true;
    renderNotice();
  } catch (err) {
    status.textContent = err instanceof ApiError && err.status === 404 ? t("pv.none") : t("pv.error");
    status.classList.add("form-status--error");
  }
}

onLangChange(() => {
  renderNotice();
  if (notice === null && !$("pv-status").hidden) load();
  loadSettings().then(renderContact).catch(() => {});
});
loadSettings().then(renderContact).catch(() => {});
load();
