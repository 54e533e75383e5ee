// The signed-in staff pages' start: the session first (anonymous → the sign-in page; a restricted
// session → the account page), then the header: organization, user, role, menu, sign-out and the
// language switch.
import "./texts.js";
import { initLangSwitch, onLangChange, t } from "../../js/i18n.js";
import { loadSettings } from "../../js/settings.js";
import { call, messageOf, setCsrfToken, setUnauthorizedHandler } from "./staff-api.js";

export const SIGN_IN = "/staff/";
export const ACCOUNT = "/staff/account";
export const QUEUE = "/staff/requests";

let current = null;

export const isRestricted = (session) => Boolean(session?.mustChangePassword || session?.mustEnrollTwoFactor);
export const roleOf = (session) => session?.roles?.[0] ?? "";
export const hasRole = (session, role) => Boolean(session?.roles?.includes(role));
export const isAdmin = (session) => hasRole(session, "Admin");

export function session() {
  return current;
}

/** Where a fresh session goes: the account page while it is restricted, else the queue. */
export function homeOf(session) {
  return isRestricted(session) ? ACCOUNT : QUEUE;
}

/** Organization name and language switch: every staff page, the sign-in page too. */
export function initChrome() {
  initLangSwitch();
  const settings = () => loadSettings().catch(() => null);
  settings();
  onLangChange(settings);
}

const never = () => new Promise(() => {});

/**
 * Loads the session and fills the header. Resolves with the session; never resolves when the page
 * is being left (no session, or a restricted one on a page that needs a full one).
 */
export async function startSignedInPage({ allowRestricted = false } = {}) {
  initChrome();
  setUnauthorizedHandler(() => location.replace(SIGN_IN));
  let data;
  try {
    ({ data } = await call("GET", "/api/staff/session"));
  } catch (err) {
    if (err.status === 401) return never();
    showPageError(messageOf(err));
    return never();
  }
  if (isRestricted(data) && !allowRestricted) {
    location.replace(ACCOUNT);
    return never();
  }
  updateSession(data);
  document.getElementById("sign-out").addEventListener("click", signOut);
  onLangChange(renderHeader);
  document.getElementById("page-content").hidden = false;
  return data;
}

/** A new session body (after a password change or enrolment): new token, new header. */
export function updateSession(data) {
  current = data;
  setCsrfToken(data.csrfToken);
  renderHeader();
}

function renderHeader() {
  if (!current) return;
  document.getElementById("user-name").textContent = current.name;
  document.getElementById("user-role").textContent = t(`role.${roleOf(current)}`);
  document.getElementById("staff-user").hidden = false;
  const restricted = isRestricted(current);
  for (const link of document.querySelectorAll(".staff-nav a[data-nav]")) {
    const item = link.closest("li");
    const adminOnly = item.hasAttribute("data-admin");
    item.hidden = (adminOnly && !isAdmin(current)) || (restricted && link.dataset.nav !== "account");
    const here = link.dataset.nav === document.body.dataset.page;
    if (here) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

async function signOut() {
  const button = document.getElementById("sign-out");
  button.disabled = true;
  try {
    await call("DELETE", "/api/staff/session");
  } catch (err) {
    // Already signed out (401) ends the same way; anything else is worth saying.
    if (err.status !== 401) {
      button.disabled = false;
      showPageError(messageOf(err));
      return;
    }
  }
  location.assign(SIGN_IN);
}

/** A message for the whole page (a failed load, a failed sign-out), read out at once. */
export function showPageError(text) {
  const box = document.getElementById("page-error");
  box.textContent = text;
  box.hidden = !text;
}
