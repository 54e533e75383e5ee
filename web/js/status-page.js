// The status page the QR code opens (/status#t=...). The token stays in the fragment, which the
// browser never sends to a server; the page posts it to the API.
import { ApiError, postForBlob, postJson } from "./api.js";
import { initAppointments, renderAppointments, resetAppointments } from "./appointments.js";
import { initClipDownloads, renderClipDownloads, resetClipDownloads } from "./clip-downloads.js";
import { formatInstant, formatShort } from "./dates.js";
import { initLangSwitch, lang, onLangChange, t } from "./i18n.js";
import { initLookup } from "./lookup.js";
import { approvedInstructions, loadSettings, settings } from "./settings.js";

const $ = (id) => document.getElementById(id);
let data = null;

initLangSwitch();
initLookup();

// "/status#t=TOKEN", or the short form an SMS carries, "/s#TOKEN".
const tokenOf = (hash) => new URLSearchParams(hash).get("t") ?? (/^[A-Za-z0-9_-]{20,100}$/.test(hash) ? hash : null);
let token = tokenOf(location.hash.slice(1));
initClipDownloads(() => token);
initAppointments(() => token, () => load());

function render() {
  // The organization's texts (instructions, the approvers' titles) come with the settings.
  if (!data || !settings()) return;
  const l = lang();
  $("sp-reference").textContent = data.referenceNumber;
  const badge = $("sp-status");
  badge.className = `badge badge--${data.status.toLowerCase()}`;
  badge.textContent = data.statusText;
  // An approved request says what to do next once, in the notice below, for its own purpose.
  const approved = data.status === "Approved";
  $("sp-meaning").textContent = approved ? "" : t(`meaning.${data.status}`);
  $("sp-meaning").hidden = approved;
  $("sp-name").textContent = data.maskedName;
  $("sp-purpose").textContent = t(`purpose.${data.purpose}`);
  $("sp-station").textContent = data.stationName;
  $("sp-incident").textContent = formatShort(data.incidentDate, l);
  $("sp-submitted").textContent = formatInstant(data.submittedAt, l);

  const cancelled = [...data.history].reverse().find((h) => h.status === "Cancelled");
  $("sp-cancelled").hidden = !cancelled;
  if (cancelled) {
    $("sp-cancel-reason").textContent = cancelled.reason || "";
    $("sp-cancel-message").textContent = cancelled.message || "";
  }
  $("sp-approved").hidden = !approved;
  $("sp-instructions").textContent = approvedInstructions(data.purpose);
  renderClipDownloads(data);
  renderAppointments(data);

  $("sp-history").replaceChildren(...data.history.map((h) => {
    const li = document.createElement("li");
    const time = document.createElement("span");
    time.className = "timeline__time";
    time.textContent = formatInstant(h.at, l);
    const label = document.createElement("strong");
    label.textContent = h.statusText;
    li.append(time, " ", label);
    if (h.message) {
      const note = document.createElement("p");
      note.textContent = h.message;
      li.append(note);
    }
    return li;
  }));
  document.title = `${t("sp.pageTitle")} ${data.referenceNumber}`;
}

async function load() {
  const message = $("status-message");
  // From here the page writes this line itself; the language switch must not put "loading" back.
  message.removeAttribute("data-i18n");
  if (!token) {
    message.textContent = t("sp.noToken");
    return;
  }
  try {
    data = await postJson("/api/status/token", { token });
    message.textContent = "";
    message.hidden = true;
    $("status-card").hidden = false;
    render();
  } catch (err) {
    message.textContent = err instanceof ApiError && err.status === 404 ? t("sp.notFound") : t("sp.error");
    message.classList.add("form-status--error");
  }
}

$("sp-download").addEventListener("click", async () => {
  const blob = await postForBlob("/api/status/qr", { token });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `${data.referenceNumber}.png`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

// The API answers in the page's language: a switch asks again.
onLangChange(() => {
  loadSettings().then(render).catch(() => {});
  load();
});
loadSettings().then(render).catch(() => {});
load();

// Another status link opened in this tab changes only the fragment: load that request.
window.addEventListener("hashchange", () => {
  token = tokenOf(location.hash.slice(1));
  data = null;
  resetClipDownloads();
  resetAppointments();
  $("status-card").hidden = true;
  const message = $("status-message");
  message.hidden = false;
  message.classList.remove("form-status--error");
  message.textContent = t("common.loading");
  load();
});
