// Form helpers shared by the staff pages: API field errors beside the fields (the citizen pages'
// field-errors.js, whose summary box moves to the form being sent, a dialog's too), a status line
// per form, and a button that cannot be pressed twice while its call runs.
import { onLangChange, t } from "../../js/i18n.js";
import { clearErrors, showErrors } from "../../js/field-errors.js";
import { ApiError, messageOf } from "./staff-api.js";

/** Puts the page's one error summary at the top of form (so it is seen and reachable there). */
function placeSummary(form) {
  const summary = document.getElementById("error-summary");
  if (summary && form && summary.parentElement !== form) form.prepend(summary);
}

export function resetErrors(form) {
  placeSummary(form);
  clearErrors();
}

/**
 * Shows what went wrong with a form's call. A 400 naming fields goes beside them (rename maps the
 * API's field names to element ids where they differ); anything else goes to the status line.
 * Returns the number of fields marked.
 */
export function showFailure(form, error, { status, rename = {}, fallbackField = null } = {}) {
  placeSummary(form);
  clearErrors();
  let shown = 0;
  if (error instanceof ApiError && error.status === 400 && Object.keys(error.errors).length > 0) {
    const errors = {};
    for (const [name, messages] of Object.entries(error.errors)) {
      const key = rename[name] ?? name;
      errors[key] = [...(errors[key] ?? []), ...(Array.isArray(messages) ? messages : [messages])];
    }
    shown = showErrors(errors, fallbackField);
  }
  if (status) setStatus(status, shown > 0 ? "" : messageOf(error), true);
  return shown;
}

/** Client-side "fill this in" errors, { elementId: message }, shown the same way as the API's. */
export function showRequired(form, errors) {
  placeSummary(form);
  clearErrors();
  return showErrors(errors);
}

// Status lines that show one of our texts, re-translated when the language changes.
const keyed = new Map();

function show(element, text, isError) {
  element.textContent = text;
  element.classList.toggle("form-status--error", Boolean(isError && text));
}

/** A status line with any text (the server's own message, say). */
export function setStatus(element, text, isError = false) {
  keyed.delete(element);
  show(element, text, isError);
}

/** A status line with one of our texts, kept in the page's language. */
export function say(element, key, values = {}, isError = false) {
  keyed.set(element, { key, values, isError });
  show(element, t(key, values), isError);
}

onLangChange(() => {
  for (const [element, { key, values, isError }] of keyed) show(element, t(key, values), isError);
});

/** Runs work with the button disabled (and aria-busy on it), whatever happens. */
export async function busy(button, work) {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

export const required = () => t("s.required");

/**
 * A rename map for showFailure built from the fields a 400 names: resolve(lower-cased name) gives
 * the element id (or nothing), so "Medium", "medium" and "clips[3].sha256" can all find their field.
 */
export function renameBy(error, resolve) {
  const rename = {};
  for (const name of Object.keys(error?.errors ?? {})) {
    const id = resolve(name.toLowerCase());
    if (id) rename[name] = id;
  }
  return rename;
}

/** resolve for renameBy from a { apiName: elementId } map, case-insensitive. */
export function byName(map) {
  const lower = Object.fromEntries(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => lower[name];
}
