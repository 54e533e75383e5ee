// The printable A4 pages (the official request form and a hand-over receipt): a toolbar seen only
// on screen (back, print, language), the organization's letterhead, official dates ("16 กุมภาพันธ์
// 2569" / "16 February 2026"), form-style values and signature lines.
import "./texts.js";
import { formatLong, todayIso } from "../../js/dates.js";
import { initLangSwitch, lang, onLangChange, t } from "../../js/i18n.js";
import { loadSettings } from "../../js/settings.js";
import { say, setStatus } from "./forms.js";
import { ApiError, messageOf, setUnauthorizedHandler } from "./staff-api.js";

const $ = (id) => document.getElementById(id);

/** An element with a class and children (strings or nodes; null and undefined are skipped). */
export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

const pad = (n) => String(n).padStart(2, "0");

/** An ISO date as the official long form, in the page's language. */
export const officialDate = (iso) => (iso ? formatLong(iso, lang()) : "");

/** The Thai-time date of an instant, as the official long form. */
export const instantDate = (instant) => (instant ? formatLong(todayIso(new Date(instant)), lang()) : "");

/** The Thai-time hour and minute of an instant: 10:04. */
export function instantTime(instant) {
  const bangkok = new Date(new Date(instant).getTime() + 7 * 3600 * 1000);
  return `${pad(bangkok.getUTCHours())}:${pad(bangkok.getUTCMinutes())}`;
}

/** A filled-in value on the form (dotted underline); empty values leave a dotted blank to write on. */
export function value(text, className = "") {
  const empty = text === null || text === undefined || String(text).trim() === "";
  return el("span", `v${empty ? " v--blank" : ""}${className ? ` ${className}` : ""}`, empty ? "" : String(text));
}

/** ☑ or ☐ before a label; screen readers hear "chosen" / "not chosen" instead of the glyph. */
export function choice(checked, label) {
  const mark = el("span", "box", checked ? "☑" : "☐");
  mark.setAttribute("aria-hidden", "true");
  return el("span", `choice-mark${checked ? " choice-mark--on" : ""}`, mark, el("span", "visually-hidden", `${t(checked ? "pp.checked" : "pp.notChecked")}: `), label);
}

/** "ลงชื่อ ..........[role]" with an optional image (a signature) sitting on the dotted line. */
export function signLine(role, image = null) {
  const line = el("span", "sign-line", image);
  return el("p", "sign__line", `${t("pp.signed")} `, line, role ? ` ${role}` : null);
}

/** "( name )", or "( ....... )" to be written in. */
export function nameLine(name) {
  return el("p", "sign__name", "( ", value(name, "v--name"), " )");
}

/** The letterhead: logo, organization, department, address and phone. */
export function letterhead(org) {
  const l = lang();
  const header = el("header", "letterhead");
  if (org.hasLogo && org.logoUrl) {
    const img = el("img", "letterhead__logo");
    img.src = org.logoUrl;
    img.alt = "";
    header.append(img);
  }
  const phone = org.phone
    ? t(org.phoneExtension ? "pp.telExt" : "pp.tel", { phone: org.phone, ext: org.phoneExtension })
    : "";
  header.append(
    el("p", "letterhead__org", l === "en" ? org.nameEn : org.name),
    org.department?.[l] ? el("p", "letterhead__dept", org.department[l]) : null,
    el("p", "letterhead__contact", [org.address?.[l], phone].filter(Boolean).join(" ")),
  );
  return header;
}

/**
 * Wires the toolbar and loads: settings (organization) and the page's own data (load()), then
 * render(settings, data) fills #paper. Again on a language change: the API's texts follow it.
 */
export function startPaper({ backHref, load, render, notFoundKey = "pp.notFound" }) {
  setUnauthorizedHandler(() => location.replace("/staff/"));
  initLangSwitch();
  const status = $("paper-status");
  const paper = $("paper");
  const printButton = $("print-button");
  $("back-link").href = backHref;
  printButton.disabled = true;
  printButton.addEventListener("click", () => window.print());

  let runs = 0;
  async function refresh() {
    const mine = ++runs;
    status.hidden = false;
    say(status, "common.loading");
    try {
      const [settings, data] = await Promise.all([loadSettings(), load()]);
      if (mine !== runs) return;
      render(settings, data);
      paper.hidden = false;
      printButton.disabled = false;
      setStatus(status, "");
      status.hidden = true;
    } catch (err) {
      if (mine !== runs) return;
      paper.hidden = true;
      printButton.disabled = true;
      if (err instanceof ApiError && err.status === 404) say(status, notFoundKey, {}, true);
      else if (err instanceof ApiError) setStatus(status, `${t("pp.loadError")}: ${messageOf(err)}`, true);
      else {
        console.error(err);
        setStatus(status, t("pp.loadError"), true);
      }
    }
  }
  onLangChange(refresh);
  refresh();
}
