// Errors shown beside the field they belong to (id "<field>-error"), tied to it with
// aria-invalid/aria-describedby, and listed in a summary that screen readers announce.
import { t } from "./i18n.js";

const summary = () => document.getElementById("error-summary");

/** The element to focus for a field: the input itself, or the first control of a group. */
function controlOf(field) {
  const direct = document.getElementById(field);
  // A control that cannot take the keyboard (the signature canvas) names the one to focus instead.
  if (direct?.dataset.focusInstead) return document.querySelector(direct.dataset.focusInstead) || direct;
  if (direct && direct.matches("input, select, textarea, canvas")) return direct;
  const box = document.querySelector(`[data-field="${field}"]`);
  return box?.querySelector("input, select, textarea, canvas, button") || null;
}

export function clearErrors() {
  for (const el of document.querySelectorAll(".field-error")) {
    if (el.id === "lookup-error") continue;
    el.textContent = "";
    el.hidden = true;
  }
  for (const el of document.querySelectorAll("[aria-invalid='true']")) el.removeAttribute("aria-invalid");
  for (const el of document.querySelectorAll(".field--invalid")) el.classList.remove("field--invalid");
  const box = summary();
  if (box) {
    box.hidden = true;
    document.getElementById("error-summary-list").replaceChildren();
  }
}

export function clearError(field) {
  const el = document.getElementById(`${field}-error`);
  if (el) {
    el.textContent = "";
    el.hidden = true;
  }
  controlOf(field)?.removeAttribute("aria-invalid");
  document.querySelector(`[data-field="${field}"]`)?.classList.remove("field--invalid");
}

/**
 * Shows { field: message | [messages] } beside each field and in the summary, then moves focus to
 * the summary so the list is read out. Returns the number of fields shown.
 */
export function showErrors(errors, fallbackField = null) {
  const list = document.getElementById("error-summary-list");
  list.replaceChildren();
  let count = 0;
  for (const [name, value] of Object.entries(errors)) {
    const messages = Array.isArray(value) ? value : [value];
    const field = document.getElementById(`${name}-error`) ? name : fallbackField;
    if (!field) continue;
    const el = document.getElementById(`${field}-error`);
    el.textContent = messages.join(" ");
    el.hidden = false;
    const control = controlOf(field);
    control?.setAttribute("aria-invalid", "true");
    document.querySelector(`[data-field="${field}"]`)?.classList.add("field--invalid");

    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#${control?.id || field}`;
    link.textContent = messages.join(" ");
    link.addEventListener("click", (e) => {
      e.preventDefault();
      control?.focus();
      control?.scrollIntoView({ block: "center" });
    });
    item.append(link);
    list.append(item);
    count++;
  }
  if (count > 0) {
    const box = summary();
    box.hidden = false;
    document.getElementById("error-summary-title").textContent = t("errors.summaryTitle");
    box.focus();
  }
  return count;
}
