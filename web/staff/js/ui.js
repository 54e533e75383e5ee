// What every staff page shares, written once: the page's frame (header and menu by role, footer,
// language switch) rendered from the session with lit-html templates; the server's rules and labels
// (GET /api/staff/form-settings); forms whose errors and status lines are state, shown beside their
// fields; tables, pager and filters kept in the address; dates, days and sizes through Intl.
import { html, nothing, render } from "/vendor/lit-html/lit-html.js";
import "./texts.js";
import { initDateField } from "../../js/datepicker.js";
import { parseTyped } from "../../js/dates.js";
import { formatBytes } from "../../js/sizes.js";
import { lang, onLangChange, setLang, t } from "../../js/i18n.js";
import { loadSettings, settings } from "../../js/settings.js";
import { ApiError, call, get, messageOf, setCsrfToken, setUnauthorizedHandler, withQuery } from "./staff-api.js";

export { html, nothing, t, lang, onLangChange, settings };

export const SIGN_IN = "/staff/";
const NAV = [
  ["requests", "/staff/requests", "nav.requests"],
  ["appointments", "/staff/appointments", "nav.appointments"],
  ["statistics", "/staff/statistics", "nav.statistics"],
  ["account", "/staff/account", "nav.account"],
  ["users", "/staff/users", "nav.users", true],
  ["audit", "/staff/audit", "nav.audit", true],
  ["messages", "/staff/messages", "nav.messages", true],
  ["settings", "/staff/settings", "nav.settings", true],
  ["subjects", "/staff/subjects", "nav.subjects", true],
  ["integrations", "/staff/integrations", "nav.integrations", true],
];

const frame = { page: "", title: () => "", view: () => nothing, session: null, rules: null, error: "", ready: false, denied: false, paper: false };

export const session = () => frame.session;
export const rules = () => frame.rules;
export const isRestricted = (s) => Boolean(s?.mustChangePassword || s?.mustEnrollTwoFactor);
export const isAdmin = (s = frame.session) => Boolean(s?.roles?.includes("Admin"));
export const homeOf = (s) => (isRestricted(s) ? "/staff/account" : "/staff/requests");
const never = () => new Promise(() => {});

/** A { th, en } text of the server's, in the page's language. */
export const tx = (text) => (text && typeof text === "object" ? text[lang()] ?? text.th : text ?? "");
/** One of the server's choices (statuses, roles, purposes, rights kinds) by its code. */
export const choice = (list, code) => frame.rules?.[list]?.find((c) => c.code === code);
export const labelOf = (list, code) => tx(choice(list, code)?.text) || code;
/** The most (and fewest) characters the server takes in a field, as `form.field`. */
export const lengthOf = (name) => frame.rules?.lengths?.[name] ?? {};

// ---- The page ----
export function update() {
  if (frame.ready || frame.error || frame.denied) document.title = `${frame.title()} - ${t("s.appName")}`;
  render(frame.paper ? frame.view() : layout(), document.body);
  for (const box of document.querySelectorAll(".date-field:not([data-ready])")) {
    box.dataset.ready = "true";
    initDateField(box);
  }
}

const layout = () => html`
  <a class="skip-link" href="#main">${t("common.skip")}</a>
  <header class="site-header staff-header">
    <div class="site-header__inner staff-header__inner">
      <a class="brand" href=${frame.session ? homeOf(frame.session) : SIGN_IN}>
        <span class="brand__org">${orgName()}</span><span class="brand__app">${t("s.appName")}</span>
      </a>
      <div class="staff-tools">${user()}${langButton()}</div>
    </div>
    ${nav()}
  </header>
  <main id="main" class="container container--wide" data-page=${frame.page}>
    ${frame.error ? html`<p class="page-error" role="alert">${frame.error}</p>` : nothing}
    ${frame.denied ? html`<h1>${frame.title()}</h1><p class="notice notice--cancelled">${t("s.adminOnly")}</p>` : nothing}
    ${frame.ready ? frame.view() : nothing}
  </main>
  <footer class="site-footer"><div class="container container--wide"><p>${settings() ? t("common.contact") : ""}</p>
    <p><a href="/swagger">${t("s.api")}</a></p></div></footer>`;

const orgName = () => (settings() ? (lang() === "en" ? settings().organization.nameEn : settings().organization.name) : "");

export const langButton = () => html`<button type="button" class="lang-switch" id="lang-switch" lang=${lang() === "th" ? "en" : "th"}
  @click=${() => setLang(lang() === "th" ? "en" : "th")}>${t("common.switchTo")}</button>`;

function user() {
  const s = frame.session;
  if (!s) return nothing;
  return html`<div class="staff-user" id="staff-user">
    <p class="staff-user__who"><span class="visually-hidden">${t("s.signedIn")}</span>
      <span class="staff-user__name" id="user-name">${s.name}</span>
      <span class="staff-user__role" id="user-role">${labelOf("roles", s.roles?.[0])}</span></p>
    <button type="button" class="button button--light button--small" id="sign-out" @click=${signOut}>${t("s.signOut")}</button>
  </div>`;
}

function nav() {
  const s = frame.session;
  if (!s) return nothing;
  const items = NAV.filter(([name, , , admin]) => (!admin || isAdmin(s)) && (!isRestricted(s) || name === "account"));
  return html`<nav class="staff-nav" aria-label=${t("s.navLabel")}><ul class="staff-nav__list">
    ${items.map(([name, href, key]) => html`<li><a href=${href} aria-current=${name === frame.nav ? "page" : nothing}>${t(key)}</a></li>`)}
  </ul></nav>`;
}

async function signOut(e) {
  const button = e.currentTarget;
  button.disabled = true;
  try {
    await call("DELETE", "/api/staff/session");
  } catch (err) {
    // Already signed out (401) ends the same way; anything else is worth saying.
    if (err.status !== 401) {
      button.disabled = false;
      return pageError(messageOf(err));
    }
  }
  location.assign(SIGN_IN);
}

/** A message for the whole page (a failed load, a failed sign-out), read out at once. */
export function pageError(text) {
  frame.error = text;
  update();
}

/** A new session body (after a password change or enrolment): new token, new header. */
export function setSession(data) {
  frame.session = data;
  setCsrfToken(data.csrfToken);
  update();
}

/**
 * Starts a page: the organization's settings, then (signed-in pages) the session, the staff rules and
 * the frame. Resolves with the session; never resolves when the page is being left, or (admin pages)
 * when the user may not see it.
 */
export async function startPage({ page, nav = page, title, view, signedIn = true, allowRestricted = false, admin = false, paper = false }) {
  Object.assign(frame, { page, nav, title, view, paper });
  document.documentElement.lang = lang();
  onLangChange(() => {
    document.documentElement.lang = lang();
    loadSettings().then(update, update);
  });
  loadSettings().then(update, () => {});
  if (!signedIn) {
    frame.ready = true;
    update();
    return null;
  }
  setUnauthorizedHandler(() => location.replace(SIGN_IN));
  let data;
  try {
    ({ data } = await call("GET", "/api/staff/session"));
    if (isRestricted(data) && !allowRestricted) {
      location.replace(homeOf(data));
      return never();
    }
    frame.rules = await get("/api/staff/form-settings");
    frame.session = data;
    setCsrfToken(data.csrfToken);
  } catch (err) {
    if (err.status !== 401) pageError(messageOf(err));
    return never();
  }
  frame.denied = admin && !isAdmin(data);
  frame.ready = !frame.denied;
  update();
  return frame.denied ? never() : data;
}

// ---- Forms: errors beside their fields, one status line, a button that cannot be pressed twice ----
/** A form's state: its id (and its fields' prefix), errors by field, a status line. */
export const form = (id, aliases = {}) => ({ id, errors: {}, status: null, names: new Set(), aliases });

const fieldId = (f, name) => `${f.id}-${name}`;
export const control = (f, name) => document.getElementById(fieldId(f, name));
export const valueOf = (f, name) => control(f, name)?.value.trim() ?? "";
export const setValue = (f, name, value) => {
  const el = control(f, name);
  if (el) el.value = value ?? "";
};

/** A status: one of our texts ({ key, values }) or the server's ({ text }); values may be functions of the moment. */
export const say = (f, key, values = {}, error = false) => {
  f.status = { key, values, error };
  update();
};
const statusText = (s) => (!s ? "" : s.key ? t(s.key, Object.fromEntries(Object.entries(s.values ?? {}).map(([k, v]) => [k, typeof v === "function" ? v() : v]))) : s.text);
export const statusLine = (f, cls = "") => html`<p class="form-status ${cls} ${f.status?.error ? "form-status--error" : ""}" id="${f.id}-status" role="status">${statusText(f.status)}</p>`;

/** Shows errors ({ field: message }) beside their fields and in the form's summary, which takes the focus. */
export function showErrors(f, errors, status = null) {
  f.errors = errors;
  f.status = status;
  update();
  if (Object.keys(errors).length) document.getElementById(`${f.id}-summary`)?.focus();
  return Object.keys(errors).length;
}

export const clear = (f) => showErrors(f, {});

/** The field of this form an API name stands for: "Medium", "clips[3].sha256" and aliases find theirs. */
function nameFor(f, apiName) {
  const lower = apiName.toLowerCase();
  const first = lower.split(/[.[]/)[0];
  for (const name of f.names) if (name.toLowerCase() === lower || name.toLowerCase() === first) return name;
  return f.aliases[lower] ?? f.aliases[first];
}

/** A failed call: the 400's fields of this form beside them; anything else on the status line. */
export function fail(f, err) {
  const errors = {};
  const other = [];
  if (err instanceof ApiError && err.status === 400) {
    for (const [apiName, messages] of Object.entries(err.errors)) {
      const list = (Array.isArray(messages) ? messages : [messages]).filter(Boolean);
      const name = nameFor(f, apiName);
      if (name) errors[name] = [errors[name], ...list].filter(Boolean).join(" ");
      else other.push(...list);
    }
  }
  const text = other.length ? other.join(" ") : Object.keys(errors).length ? "" : messageOf(err);
  if (!(err instanceof ApiError)) console.error(err);
  return showErrors(f, errors, text ? { text, error: true } : null);
}

/** Runs work with the button disabled (and aria-busy on it), whatever happens. */
export async function busy(button, work) {
  button?.setAttribute("disabled", "");
  button?.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    button?.removeAttribute("disabled");
    button?.removeAttribute("aria-busy");
  }
}

/** A form's submit: errors cleared, the pressed button busy, a failure shown beside its fields. */
export function onSubmit(f, work) {
  return async (e) => {
    e.preventDefault();
    const button = e.submitter ?? e.currentTarget.querySelector("button[type=submit]");
    clear(f);
    await busy(button, async () => {
      try {
        await work(button);
      } catch (err) {
        fail(f, err);
      }
    });
  };
}

export const summary = (f) => {
  const errors = Object.entries(f.errors);
  return html`<div class="error-summary" id="${f.id}-summary" tabindex="-1" ?hidden=${!errors.length}>
    <h2>${t("errors.summaryTitle")}</h2>
    <ul>${errors.map(([name, message]) => html`<li><a href="#${fieldId(f, name)}" @click=${(e) => {
      e.preventDefault();
      control(f, name)?.focus();
    }}>${message}</a></li>`)}</ul>
  </div>`;
};

/**
 * A labelled field: input (type), textarea (rows), select (options) or a given control, its hint and
 * its error. limit names the server's length (`form.field`), which becomes maxlength.
 */
export function field(f, name, { label, hint, limit, type = "text", rows, options, lang: inLang, cls = "", input, ...more } = {}) {
  f.names.add(name);
  const id = fieldId(f, name);
  const error = f.errors[name];
  const described = [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(" ");
  const max = limit ? lengthOf(limit).max : undefined;
  const invalid = error ? "true" : nothing;
  let box;
  if (input) box = input(id, described, invalid);
  else if (options) box = html`<select id=${id} name=${name} aria-describedby=${described} aria-invalid=${invalid}>${options}</select>`;
  else if (rows) box = html`<textarea id=${id} name=${name} rows=${rows} maxlength=${max ?? nothing} data-limit=${limit ?? nothing} lang=${inLang ?? nothing} aria-describedby=${described} aria-invalid=${invalid}></textarea>`;
  else box = html`<input id=${id} name=${name} type=${type} maxlength=${max ?? nothing} data-limit=${limit ?? nothing} lang=${inLang ?? nothing} autocomplete=${more.autocomplete ?? "off"}
      inputmode=${more.inputmode ?? nothing} spellcheck=${more.spellcheck ?? nothing} aria-describedby=${described} aria-invalid=${invalid}>`;
  return html`<div class="field ${cls} ${error ? "field--invalid" : ""}" data-field=${id}>
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${box}
    <p class="field-error" id="${id}-error" ?hidden=${!error}>${error ?? ""}</p>
  </div>`;
}

export const option = (value, text, selected = false) => html`<option value=${value} ?selected=${selected}>${text}</option>`;

/** A checkbox with its label after it. */
export const checkbox = (f, name, label) => {
  f.names.add(name);
  return html`<div class="field settings-grid__check"><div class="choice">
    <input type="checkbox" id=${fieldId(f, name)} name=${name}><label for=${fieldId(f, name)}>${label}</label></div>
    <p class="field-error" id="${fieldId(f, name)}-error" ?hidden=${!f.errors[name]}>${f.errors[name] ?? ""}</p></div>`;
};

const CALENDAR = html`<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor" d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3zm12 8H5v9h14zM5 6v2h14V6z"/></svg>`;

/** A typed dd/mm/yyyy (Buddhist Era in Thai) field with the citizen form's calendar; iso is its value; max ("today" or ISO) and min (ISO) bound the calendar. */
export const dateField = (f, name, { label, hint = t("hint.date"), iso = "", max = "today", min = "" } = {}) => field(f, name, {
  label,
  hint,
  input: (id, described, invalid) => html`<div class="date-field" data-max=${max || nothing} data-min=${min || nothing}>
    <input id=${id} type="text" inputmode="numeric" autocomplete="off" .value=${iso ? shortDate(iso) : ""} data-iso=${iso || nothing}
      aria-describedby=${described} aria-invalid=${invalid}>
    <button type="button" class="date-field__open" aria-label=${t("date.open")} aria-describedby="${id}-hint" aria-haspopup="dialog">${CALENDAR}</button>
  </div>`,
});

/** A date field's ISO value, "" when empty, or null when what is typed is not a date. */
export function dateOf(f, name) {
  const el = control(f, name);
  if (!el || !el.value.trim()) return "";
  return el.dataset.iso || parseTyped(el.value, lang());
}

// ---- Tables ----
/** A table that scrolls inside its own focusable region; head: texts, or [text, class]. */
export const table = ({ id, caption, cls = "", head, rows, empty, busy: loading = false }) => html`
  <div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}-caption">
    <table class="data-table ${cls}" id=${id} aria-busy=${loading ? "true" : nothing}>
      <caption id="${id}-caption">${caption}</caption>
      <thead><tr>${head.map((h) => (Array.isArray(h) ? html`<th scope="col" class=${h[1]}>${h[0]}</th>` : html`<th scope="col">${h}</th>`))}</tr></thead>
      <tbody id="${id}-body">${rows.length || !empty ? rows : html`<tr><td colspan=${head.length} class="data-table__empty">${empty}</td></tr>`}</tbody>
    </table>
  </div>`;

export const pager = (id, { page, pageSize, total }, go) => {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  return pages <= 1 ? nothing : html`<nav class="pager" id=${id} aria-label=${t("page.label")}>
    <button type="button" class="button button--secondary button--small" ?disabled=${page <= 1} @click=${() => go({ page: page - 1 })}>${t("page.prev")}</button>
    <span class="pager__where">${t("page.of", { page, pages })}</span>
    <button type="button" class="button button--secondary button--small" ?disabled=${page >= pages} @click=${() => go({ page: page + 1 })}>${t("page.next")}</button>
  </nav>`;
};

/** A button whose visible text is ours and whose accessible name also says which row. */
export const rowButton = (text, which, onClick, cls = "button--secondary") => html`<button type="button" class="button button--small ${cls}" @click=${onClick}>${text}<span class="visually-hidden"> ${which}</span></button>`;
export const flag = (text, kind) => html`<span class="flag flag--${kind}">${text}</span>`;
export const badge = (status, text, id) => html`<span class="badge badge--${String(status).toLowerCase()}" id=${id ?? nothing}>${text}</span>`;
/** The footage clock's labels (SPEC §8.3, §8.11): overwritten soon or already, and preserved. */
export const flags = ({ flag: f, preserved }) => [
  f === "overwritten" ? flag(t("flag.overwritten"), "gone") : f === "overwriteSoon" ? flag(t("flag.overwriteSoon"), "soon") : nothing,
  preserved ? flag(t("flag.preserved"), "preserved") : nothing,
];
export const requestLink = (ref) => html`<a href="/staff/requests/${encodeURIComponent(ref)}">${ref}</a>`;

// ---- Filters kept in the address ----
export const text = (v) => v.trim();
export const isoDate = (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : "");
export const oneOf = (...values) => (v) => (values.includes(v) ? v : "");
export const pageNumber = (v) => Math.max(1, Number.parseInt(v, 10) || 1);

/**
 * A list's filters, read from the address (each checked by its parser) and written back to it: a
 * reload, a shared link or the back button shows the same list. go() is a new history entry.
 */
export function addressState(parsers, load) {
  const read = () => {
    const p = new URLSearchParams(location.search);
    return Object.fromEntries(Object.entries(parsers).map(([k, parse]) => [k, parse(p.get(k) ?? "")]));
  };
  const state = {
    value: read(),
    write(push = false) {
      const shown = Object.fromEntries(Object.entries(state.value).map(([k, v]) => [k, k === "page" && v === 1 ? "" : v]));
      history[push ? "pushState" : "replaceState"](null, "", withQuery(location.pathname, shown));
    },
    go(changes) {
      state.value = { ...state.value, ...("page" in parsers ? { page: 1 } : {}), ...changes };
      state.write(true);
      load();
    },
  };
  addEventListener("popstate", () => {
    state.value = read();
    load();
  });
  return state;
}

// ---- Dates, days and sizes, in the page's language (Thai: Buddhist Era, Thai time) ----
const locale = () => (lang() === "en" ? "en-GB" : "th-TH");
const fmt = (options) => new Intl.DateTimeFormat(locale(), options);
const asDate = (iso) => new Date(`${iso}T00:00:00Z`);
/** 16/02/2569 (16/02/2026 in English). */
export const shortDate = (iso) => (iso ? fmt({ timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" }).format(asDate(iso)) : "");
/** 16 กุมภาพันธ์ 2569 / 16 February 2026. */
export const longDate = (iso) => (iso ? fmt({ timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(asDate(iso)) : "");
/** An instant's Thai date and time: 16/02/2569 10:04. */
export const dateTime = (at) => (at ? fmt({ timeZone: "Asia/Bangkok", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(at)) : "");
/** An instant's Thai date, the official way: 16 กุมภาพันธ์ 2569. */
export const longDateOf = (at) => (at ? fmt({ timeZone: "Asia/Bangkok", day: "numeric", month: "long", year: "numeric" }).format(new Date(at)) : "");
/** An instant's Thai time: 10:04. */
export const timeOf = (at) => (at ? fmt({ timeZone: "Asia/Bangkok", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(at)) : "");
/** Today in Thailand, as ISO. */
export const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }).format(new Date());
/** In 3 days, tomorrow, today, yesterday, 3 days ago. */
export const inDays = (n) => (n === null || n === undefined ? "" : new Intl.RelativeTimeFormat(locale(), { numeric: "auto" }).format(n, "day"));
export const number = (n) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(n ?? 0);

/** 17 bytes, 512 kB, 3.1 MB, 1.25 GB. */
export const bytes = (n) => formatBytes(n, lang());

/** A country by its ISO code, named by the browser in the page's language. */
export function countryName(code) {
  const country = settings()?.countries?.find((c) => c.code === code);
  if (!country) return code ?? "";
  try {
    return new Intl.DisplayNames([lang()], { type: "region" }).of(country.alpha2) || country.nameEn;
  } catch {
    return country.nameEn;
  }
}

export const fullName = (a = {}) => a.fullName || [a.title, a.firstName, a.lastName].filter(Boolean).join(" ");
