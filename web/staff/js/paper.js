// The printable A4 pages (the official request form and a hand-over receipt): a toolbar seen only
// on screen (back, print, language), the organization's letterhead, official dates ("16 กุมภาพันธ์
// 2569" / "16 February 2026"), form-style values and signature lines.
import { dateTime, html, lang, langButton, nothing, settings, startPage, t, update } from "./ui.js";
import { ApiError, messageOf } from "./staff-api.js";

/** A filled-in value on the form (dotted underline); an empty one leaves a dotted blank to write on. */
export const value = (text, cls = "") => {
  const empty = text === null || text === undefined || String(text).trim() === "";
  return html`<span class="v ${empty ? "v--blank" : ""} ${cls}">${empty ? "" : String(text)}</span>`;
};

/** ☑ or ☐ before a label; screen readers hear "chosen" / "not chosen" instead of the glyph. */
export const choice = (checked, label) => html`<span class="choice-mark ${checked ? "choice-mark--on" : ""}"><span class="box" aria-hidden="true">${checked ? "☑" : "☐"}</span><span
  class="visually-hidden">${t(checked ? "pp.checked" : "pp.notChecked")}: </span>${label}</span>`;

/** "ลงชื่อ ..........[role]" with an optional image (a signature) sitting on the dotted line; "( name )" below. */
export const signature = (role, name, image = nothing) => html`<p class="sign__line">${t("pp.signed")} <span class="sign-line">${image}</span>${role ? ` ${role}` : ""}</p>
  <p class="sign__name">( ${value(name, "v--name")} )</p>`;

export const footer = (ref) => html`<p class="paper__footer">${ref} · ${t("pp.printedAt", { at: dateTime(new Date().toISOString()) })}</p>`;

/** The letterhead: logo, organization, department, address and phone. */
export function letterhead(org) {
  const l = lang();
  const phone = org.phone ? t(org.phoneExtension ? "pp.telExt" : "pp.tel", { phone: org.phone, ext: org.phoneExtension }) : "";
  return html`<header class="letterhead">
    ${org.hasLogo && org.logoUrl ? html`<img class="letterhead__logo" src=${org.logoUrl} alt="">` : nothing}
    <p class="letterhead__org">${l === "en" ? org.nameEn : org.name}</p>
    ${org.department?.[l] ? html`<p class="letterhead__dept">${org.department[l]}</p>` : nothing}
    <p class="letterhead__contact">${[org.address?.[l], phone].filter(Boolean).join(" ")}</p>
  </header>`;
}

/**
 * Starts a paper page: the toolbar, then the organization (settings) and the page's own data
 * (load()), drawn by paper(settings, data) with title(data); again in the other language, since the
 * API's texts follow it.
 */
export async function startPaper({ backHref, load, paper, title, notFoundKey = "w.notFound" }) {
  let data = null;
  let problem = { key: "common.loading" };
  const view = () => html`
    <header class="paper-toolbar"><div class="paper-toolbar__inner">
      <a class="button button--light button--small" href=${backHref}>${t("w.back")}</a>
      <button type="button" class="button button--light button--small" ?disabled=${!data} @click=${() => window.print()}>${t("pp.print")}</button>
      <p class="paper-toolbar__hint">${t("pp.printHint")}</p>
      ${langButton()}
    </div></header>
    <main id="main" class="paper-main">
      ${data && settings() ? paper(settings(), data) : html`<p class="form-status paper-status ${problem.error ? "form-status--error" : ""}" role="status">${problem.text ?? t(problem.key)}</p>`}
    </main>`;
  async function refresh() {
    try {
      data = await load();
      problem = {};
    } catch (err) {
      data = null;
      problem = err instanceof ApiError && err.status === 404 ? { key: notFoundKey, error: true } : { text: t("w.loadError", { error: messageOf(err) }), error: true };
    }
    update();
  }
  await startPage({ page: "paper", title: () => (data ? title(data) : t("pp.pageTitleEmpty")), view, paper: true, allowRestricted: false });
  refresh();
  return refresh;
}
