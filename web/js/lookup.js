// การตรวจสอบผล, top right of every citizen page: a national ID, or a passport number with its
// country, in; the applicant's requests out. The API names statuses and stations in the page's
// language, so a language switch asks again. On a phone the lookup sits behind a "ตรวจสอบผล"
// button and, opened, gives the number the screen's full width (CSS decides when the button shows).
import { ApiError, postJson } from "./api.js";
import { formatInstant, formatShort } from "./dates.js";
import { lang, onLangChange, t } from "./i18n.js";
import { normalizePassport, renderCountries } from "./identity.js";
import { loadSettings } from "./settings.js";
import { checkId, normalizeId } from "./thai-id.js";

export function initLookup() {
  const form = document.getElementById("lookup-form");
  const kind = document.getElementById("lookup-kind");
  const input = document.getElementById("lookup-id");
  const country = document.getElementById("lookup-country");
  const error = document.getElementById("lookup-error");
  const panel = document.getElementById("lookup-results");
  const body = document.getElementById("lookup-results-body");
  const toggle = document.getElementById("lookup-toggle");
  let query = null;
  let last = null;

  const setOpen = (open) => {
    form.classList.toggle("lookup--open", open);
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    setOpen(open);
    if (open) input.focus();
  });
  form.addEventListener("keydown", (e) => {
    // Escape folds the phone's lookup away again, back to its button.
    if (e.key === "Escape" && getComputedStyle(toggle).display !== "none") {
      setOpen(false);
      toggle.focus();
    }
  });

  const showError = (message) => {
    error.textContent = message;
    error.hidden = !message;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  };

  const passport = () => kind.value === "passport";

  async function showKind() {
    country.hidden = !passport();
    input.inputMode = passport() ? "text" : "numeric";
    input.placeholder = t(passport() ? "lookup.passportPlaceholder" : "lookup.placeholder");
    if (passport()) {
      await loadSettings().catch(() => null);
      renderCountries(country);
    }
  }

  function renderResults() {
    if (!last) return;
    if (last.length === 0) {
      const p = document.createElement("p");
      p.textContent = t("lookup.none");
      body.replaceChildren(p);
      return;
    }
    const list = document.createElement("ul");
    list.className = "request-list";
    for (const r of last) {
      const item = document.createElement("li");
      item.className = "request-list__item";
      const head = document.createElement("p");
      head.className = "request-list__head";
      const ref = document.createElement("strong");
      ref.textContent = r.referenceNumber;
      const badge = document.createElement("span");
      badge.className = `badge badge--${r.status.toLowerCase()}`;
      badge.textContent = r.statusText;
      head.append(ref, " ", badge);
      const details = document.createElement("dl");
      details.className = "request-list__details";
      for (const [label, value] of [
        ["lookup.colStation", r.stationName],
        ["lookup.colIncident", formatShort(r.incidentDate, lang())],
        ["lookup.colSubmitted", formatInstant(r.submittedAt, lang())],
      ]) {
        const dt = document.createElement("dt");
        dt.textContent = t(label);
        const dd = document.createElement("dd");
        dd.textContent = value;
        details.append(dt, dd);
      }
      item.append(head, details);
      list.append(item);
    }
    body.replaceChildren(list);
  }

  async function search() {
    try {
      last = await postJson("/api/status/lookup", query);
      renderResults();
      panel.hidden = false;
      panel.focus();
    } catch (err) {
      const errors = err instanceof ApiError && err.status !== 0 ? err.errors : {};
      const message = errors.nationalId?.[0] || errors.passportNumber?.[0] || errors.passportCountry?.[0] || err.problem?.detail;
      showError(message || t("lookup.error"));
    }
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!passport() && checkId(input.value) !== "valid") {
      showError(t("lookup.invalid"));
      input.focus();
      return;
    }
    if (passport() && (normalizePassport(input.value) === "" || country.value === "")) {
      showError(t("lookup.passportMissing"));
      (normalizePassport(input.value) === "" ? input : country).focus();
      return;
    }
    showError("");
    query = passport()
      ? { passportNumber: normalizePassport(input.value), passportCountry: country.value }
      : { nationalId: normalizeId(input.value) };
    await search();
  });
  kind.addEventListener("change", () => {
    showError("");
    showKind();
  });
  document.getElementById("lookup-close").addEventListener("click", () => {
    panel.hidden = true;
    input.focus();
  });
  onLangChange(async () => {
    await showKind();
    if (!error.hidden) showError("");
    // The texts of the results are the API's, in the language asked for.
    if (query && !panel.hidden) await search();
  });
}
