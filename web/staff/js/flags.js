// The footage overwrite flags (SPEC §8.3, §8.11) as short visible labels, and status badges.
import { t } from "../../js/i18n.js";

export function flagLabels({ flag, preserved }) {
  const labels = [];
  if (flag === "overwriteSoon" || flag === "overwritten") {
    const el = document.createElement("span");
    el.className = `flag flag--${flag === "overwritten" ? "gone" : "soon"}`;
    el.textContent = t(`flag.${flag}`);
    labels.push(el);
  }
  if (preserved) {
    const el = document.createElement("span");
    el.className = "flag flag--preserved";
    el.textContent = t("flag.preserved");
    labels.push(el);
  }
  return labels;
}

export function statusBadge(status, text) {
  const el = document.createElement("span");
  el.className = `badge badge--${String(status).toLowerCase()}`;
  el.textContent = text;
  return el;
}

/** Days before the camera overwrites the footage, as a short text. */
export function daysLeftText(days) {
  if (days === null || days === undefined) return t("d.empty");
  if (days > 1) return t("q.daysLeft", { n: days });
  if (days === 1) return t("q.dayLeft");
  if (days === 0) return t("q.dueToday");
  return t("q.daysPast", { n: -days });
}
