// API clients (/staff/integrations, Admin; issue 21): the systems that call the API with a client id and
// secret (OAuth 2.0 client credentials), a form to add one, and per client: a new secret (the earlier ones
// work until the overlap ends) and revoke. A secret is shown once, right after it is made: only its hash is kept.
// The scopes, the latest expiry day and the overlap's bounds are the server's (GET /api/staff/form-settings).
import { dateField, dateOf, dateTime, fail, field, flag, form, html, longDate, longDateOf, nothing, onSubmit, rowButton, rules, say, setValue, showErrors, startPage, statusLine, summary, t, table, tx, update, valueOf } from "./ui.js";
import { get, messageOf, post } from "./staff-api.js";

const create = form("new-client");
const list = form("clients");
const rotate = form("rotate");
const revoke = form("revoke");
let clients = null;
let chosen = null;
let secret = null;
let copied = null;

const limits = () => rules().apiClients;
const scopeLabel = (code) => tx(limits().scopes.find((s) => s.code === code)?.text) || code;
const path = (client, action) => `/api/staff/api-clients/${encodeURIComponent(client.clientId)}/${action}`;
const refocus = (id) => document.querySelector(`tr[data-client-id="${CSS.escape(id)}"] button`)?.focus();
/** expiresAt is the first moment it no longer works; its last day is the day before. */
const lastDay = (client) => longDateOf(new Date(new Date(client.expiresAt).getTime() - 1).toISOString());

async function load() {
  try {
    clients = await get("/api/staff/api-clients");
    update();
  } catch (err) {
    say(list, "w.loadError", { error: messageOf(err) }, true);
  }
}

function replace(updated) {
  clients = clients.map((c) => (c.clientId === updated.clientId ? updated : c));
}

function showSecret(kind, data) {
  secret = { kind, name: data.client.name, clientId: data.clientId, value: data.clientSecret, until: data.previousSecretsValidUntil };
  copied = null;
  update();
  document.getElementById("secret-box").focus();
}

async function copy() {
  try {
    await navigator.clipboard.writeText(secret.value);
    copied = "u.copied";
  } catch {
    getSelection().selectAllChildren(document.getElementById("client-secret"));
    copied = "u.copyFailed";
  }
  update();
}

const add = onSubmit(create, async () => {
  const scopes = limits().scopes.map((s) => s.code).filter((code) => document.getElementById(`new-client-scope-${code}`)?.checked);
  const body = { name: valueOf(create, "name"), ownerContact: valueOf(create, "ownerContact"), scopes, expiresOn: dateOf(create, "expiresOn") ?? valueOf(create, "expiresOn") };
  const data = await post("/api/staff/api-clients", body);
  document.getElementById("new-client-form").reset();
  await load();
  showSecret("ic.created", data);
});

function open(client, dialog, f) {
  chosen = client;
  showErrors(f, {});
  if (f === rotate) setValue(rotate, "overlapHours", limits().defaultOverlapHours);
  document.getElementById(dialog).showModal();
  document.querySelector(`#${dialog} button`).focus();
}

const confirmRotate = onSubmit(rotate, async () => {
  const hours = valueOf(rotate, "overlapHours");
  const data = await post(path(chosen, "rotate-secret"), { overlapHours: hours === "" ? null : Number(hours) });
  document.getElementById("rotate-dialog").close();
  replace(data.client);
  showSecret("ic.rotated", data);
});

const confirmRevoke = onSubmit(revoke, async () => {
  const updated = await post(path(chosen, "revoke"));
  document.getElementById("revoke-dialog").close();
  replace(updated);
  secret = null;
  say(list, "ic.revokedDone", { name: updated.name });
  refocus(updated.clientId);
});

function state(client) {
  if (client.revokedAt) return flag(t("ic.revokedAt", { at: dateTime(client.revokedAt) }), "gone");
  if (new Date(client.expiresAt) <= new Date()) return flag(t("ic.expired"), "muted");
  return flag(t("u.active"), "preserved");
}

const row = (client) => html`<tr data-client-id=${client.clientId}>
  <th scope="row"><span>${client.name}</span><br><code>${client.clientId}</code></th>
  <td>${client.ownerContact}</td>
  <td><ul class="plain-list">${client.scopes.map((s) => html`<li><code>${s}</code> ${scopeLabel(s)}</li>`)}</ul></td>
  <td>${lastDay(client)}</td>
  <td>${client.lastUsedAt ? dateTime(client.lastUsedAt) : t("ic.neverUsed")}</td>
  <td class="state-cell">${state(client)}</td>
  <td>${client.revokedAt ? nothing : html`<div class="button-row button-row--tight">
    ${rowButton(t("ic.rotate"), client.name, () => open(client, "rotate-dialog", rotate))}
    ${rowButton(t("ic.revoke"), client.name, () => open(client, "revoke-dialog", revoke), "button--danger")}
  </div>`}</td>
</tr>`;

const secretBox = () => html`<div class="notice notice--approved secret-box" id="secret-box" tabindex="-1">
  <h2>${t(secret.kind, { name: secret.name })}</h2>
  <p>${t("ic.clientId")}: <code id="client-id">${secret.clientId}</code></p>
  <p>${t("ic.secret")}: <code class="secret" id="client-secret">${secret.value}</code>
    <button type="button" class="button button--secondary button--small" @click=${copy}>${t("u.copy")}</button></p>
  <p class="hint">${t("ic.secretHint")}</p>
  ${secret.until ? html`<p class="hint">${t("ic.overlapUntil", { at: dateTime(secret.until) })}</p>` : nothing}
  <p class="form-status" role="status">${copied ? t(copied) : ""}</p>
</div>`;

const scopeBoxes = () => html`<fieldset class="field api-scopes ${create.errors.scopes ? "field--invalid" : ""}" id="new-client-scopes" tabindex="-1"
    aria-describedby="new-client-scopes-error">
  <legend>${t("ic.scopes")}</legend>
  ${limits().scopes.map((s) => html`<div class="choice"><input type="checkbox" id="new-client-scope-${s.code}" value=${s.code}>
    <label for="new-client-scope-${s.code}"><code>${s.code}</code> ${tx(s.text)}</label></div>`)}
  <p class="field-error" id="new-client-scopes-error" ?hidden=${!create.errors.scopes}>${create.errors.scopes ?? ""}</p>
</fieldset>`;

function dialog(id, f, title, text, submit, confirm, danger, extra = nothing) {
  return html`<dialog class="confirm-dialog" id=${id} aria-labelledby="${id}-title" aria-describedby="${id}-text"
      @close=${() => chosen && !secret && refocus(chosen.clientId)}>
    <form novalidate @submit=${submit}>${summary(f)}
      <h2 id="${id}-title">${title}</h2>
      <p id="${id}-text">${chosen ? text : ""}</p>
      ${extra}
      ${statusLine(f)}
      <div class="dialog-actions">
        <button type="button" class="button button--secondary" @click=${() => document.getElementById(id).close()}>${t("w.back")}</button>
        <button type="submit" class="button ${danger ? "button--danger" : "button--primary"}">${confirm}</button>
      </div>
    </form>
  </dialog>`;
}

const view = () => {
  create.names.add("scopes");
  return html`
  <h1>${t("nav.integrations")}</h1>
  <p>${t("ic.intro")}</p>
  ${secret ? secretBox() : nothing}
  <section class="panel"><h2>${t("ic.addTitle")}</h2>
    <form id="new-client-form" class="create-user" novalidate @submit=${add}>${summary(create)}
      ${field(create, "name", { label: t("ic.name"), hint: t("ic.nameHint"), limit: "apiClient.name" })}
      ${field(create, "ownerContact", { label: t("ic.owner"), hint: t("ic.ownerHint"), limit: "apiClient.ownerContact" })}
      ${dateField(create, "expiresOn", { label: t("ic.expiresOn"), hint: t("ic.expiresHint", { latest: longDate(limits().latestExpiresOn) }), max: limits().latestExpiresOn, min: "" })}
      ${scopeBoxes()}
      <div class="create-user__submit"><button type="submit" class="button button--primary">${t("ic.create")}</button></div>
    </form>
    ${statusLine(create)}
  </section>
  ${statusLine(list)}
  ${clients ? table({ id: "clients-table", cls: "users-table", caption: t("ic.caption", { n: clients.length }), empty: t("ic.caption", { n: 0 }),
    head: [t("ic.name"), t("ic.owner"), t("ic.scopes"), t("ic.lastDay"), t("ic.lastUsed"), t("w.status"), t("w.actions")], rows: clients.map(row) }) : nothing}
  ${dialog("rotate-dialog", rotate, t("ic.rotate"), t("ic.rotateText", { name: chosen?.name }), confirmRotate, t("ic.rotateConfirm"), false,
    field(rotate, "overlapHours", { label: t("ic.overlap"), hint: t("ic.overlapHint", { max: limits().maxOverlapHours, default: limits().defaultOverlapHours }), type: "number", inputmode: "numeric" }))}
  ${dialog("revoke-dialog", revoke, t("ic.revoke"), t("ic.revokeText", { name: chosen?.name }), confirmRevoke, t("ic.revokeConfirm"), true)}`;
};

await startPage({ page: "integrations", title: () => t("nav.integrations"), view, admin: true });
load();
