// "Stop the messages about this request" (/unsubscribe#t=...): the link in every e-mail. Opening it stops
// nothing (mail scanners open links); the button does, through the API. The token stays in the fragment.
import { ApiError, postJson } from "./api.js";
import { initLangSwitch, t } from "./i18n.js";
import { loadSettings } from "./settings.js";

const $ = (id) => document.getElementById(id);
const token = new URLSearchParams(location.hash.slice(1)).get("t");

initLangSwitch();
loadSettings().catch(() => {});

const status = $("un-status");
const button = $("un-stop");
if (!token) {
  button.disabled = true;
  status.textContent = t("un.noToken");
}

button.addEventListener("click", async () => {
  button.disabled = true;
  status.textContent = t("common.loading");
  try {
    const answer = await postJson("/api/notifications/unsubscribe", { token });
    status.textContent = answer.message;
  } catch (err) {
    status.textContent = err instanceof ApiError ? err.message : t("un.failed");
    button.disabled = false;
  }
});
