// การตรวจสอบผล, top right of every citizen page: national ID in, the citizen's requests out.
import { ApiError, getJson, postJson } from "./api.js";
import { formatInstant, formatShort } from "./dates.js";
import { lang, onLangChange, t } from "./i18n.js";
import { checkId, normalizeId } from "./thai-id.js";

let stationsEn = null;

/** Station names in English, by their Thai name (the lookup answers the Thai name). */
async function englishStationNames() {
  if (!stationsEn) {
    try {
      const stations = await getJson("/api/stations");
      stationsEn = new Map(stations.map((s) => [s.name, s.nameEn]));
    } catch {
      stationsEn = new Map();
    }
  }
  return stationsEn;
}

export function initLookup() {
  const form = document.getElementById("lookup-form");
  const input = document.getElementById("lookup-id");
  const error = document.getElementById("lookup-error");
  const panel = document.getElementById("lookup-results");
  const body = document.getElementById("lookup-results-body");
  let last = null;

  const showError = (message) => {
    error.textContent = message;
    error.hidden = !message;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  };

  async function renderResults() {
    if (!last) return;
    if (last.length === 0) {
      const p = document.createElement("p");
      p.textContent = t("lookup.none");
      body.replaceChildren(p);
      return;
    }
    const names = lang() === "en" ? await englishStationNames() : null;
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
      badge.textContent = t(`status.${r.status}`);
      head.append(ref, " ", badge);
      const details = document.createElement("dl");
      details.className = "request-list__details";
      for (const [label, value] of [
        ["lookup.colStation", names?.get(r.stationName) || r.stationName],
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

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (checkId(input.value) !== "valid") {
      showError(t("lookup.invalid"));
      input.focus();
      return;
    }
    showError("");
    try {
      last = await postJson("/api/status/lookup", { nationalId: normalizeId(input.value) });
      await renderResults();
      panel.hidden = false;
      panel.focus();
    } catch (err) {
      const message = err instanceof ApiError && err.status !== 0 ? err.errors.nationalId?.[0] || err.problem.detail : null;
      showError(message || t("lookup.error"));
    }
  });
  document.getElementById("lookup-close").addEventListener("click", () => {
    panel.hidden = true;
    input.focus();
  });
  onLangChange(() => {
    renderResults();
    if (!error.hidden) showError(t("lookup.invalid"));
  });
}
