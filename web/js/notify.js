// News of the request by e-mail or SMS (issue 19): the form offers only the channels the installation
// has (GET /api/form-settings, `notifications`), with the server's labels and length, and says back
// how the citizen will hear. Whether an address or a number will do is the server's to say (a 400
// beside the field), never a rule copied here.
import { lang, t } from "./i18n.js";
import { field, settings } from "./settings.js";

const $ = (id) => document.getElementById(id);
const channels = () => settings()?.notifications ?? {};
const email = () => $("email").value.trim();

/** Shows the fields of the configured channels only, labelled by the server. */
export function applyNotifications() {
  for (const [name, on] of [["notifyBySms", channels().sms], ["email", channels().email]]) {
    $(`${name}-field`).hidden = !on;
    document.querySelector(`[data-field-label='${name}']`).textContent = field(name)?.label ?? "";
  }
  const max = field("email")?.max;
  if (max) $("email").maxLength = max;
}

/** What the submission sends of them: the address when one is typed, the tick as "true"/"false". */
export function newsFields() {
  const fields = {};
  if (channels().email && email()) fields.email = email();
  if (channels().sms) fields.notifyBySms = String($("notifyBySms").checked);
  return fields;
}

/** How the citizen asked to hear back, as phrases ("email to ...", "SMS to ..."); none when nothing was asked. */
export function newsBy() {
  return [
    channels().email && email() ? t("notify.email", { email: email() }) : null,
    channels().sms && $("notifyBySms").checked ? t("notify.sms", { phone: $("phone").value.trim() }) : null,
  ].filter(Boolean);
}

/** "a, b and c" in the page's language. */
export const listed = (items) => new Intl.ListFormat(lang(), { type: "conjunction" }).format(items);
