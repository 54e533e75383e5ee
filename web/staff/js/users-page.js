// Staff accounts (/staff/users, Admin): the list with each account's state, a form to create one,
// and per account: change the role, disable or enable, reset the password. A temporary password
// is shown once, right after it is made.
import { busy, fail, field, flag, form, html, labelOf, nothing, onSubmit, option, rules, say, session, showErrors, startPage, statusLine, summary, t, table, update, valueOf } from "./ui.js";
import { get, messageOf, post, put } from "./staff-api.js";

const create = form("new-user");
const list = form("users");
const reset = form("reset");
let users = null;
let resetting = null;
let secret = null;
let copied = null;

const refocus = (id, selector) => document.querySelector(`tr[data-user-id="${CSS.escape(String(id))}"] ${selector}`)?.focus();
const roles = (selected) => rules().roles.map((r) => option(r.code, labelOf("roles", r.code), r.code === selected));

async function load() {
  try {
    users = await get("/api/staff/users");
    update();
  } catch (err) {
    say(list, "w.loadError", { error: messageOf(err) }, true);
  }
}

function replace(updated) {
  users = users.map((u) => (u.id === updated.id ? updated : u));
  update();
}

/** Runs an action of a row: the row is redrawn and the same control gets the focus back. */
const act = (user, selector, work) => async (e) => busy(e.currentTarget, async () => {
  try {
    replace(await work());
    refocus(user.id, selector);
  } catch (err) {
    fail(list, err);
  }
});

function showSecret(kind, email, password) {
  secret = { kind, email, password };
  copied = null;
  update();
  document.getElementById("temp-box").focus();
}

async function copy() {
  try {
    await navigator.clipboard.writeText(secret.password);
    copied = "u.copied";
  } catch {
    getSelection().selectAllChildren(document.getElementById("temp-password"));
    copied = "u.copyFailed";
  }
  update();
}

const add = onSubmit(create, async () => {
  const body = { email: valueOf(create, "email"), name: valueOf(create, "name"), role: valueOf(create, "role") };
  const data = await post("/api/staff/users", body);
  document.getElementById("new-user-form").reset();
  await load();
  showSecret("u.created", data.user?.email ?? body.email, data.temporaryPassword);
});

function openReset(user) {
  resetting = user;
  showErrors(reset, {});
  document.getElementById("reset-twofactor").checked = false;
  document.getElementById("reset-dialog").showModal();
  document.getElementById("reset-back").focus();
}

const confirmReset = onSubmit(reset, async () => {
  const data = await post(`/api/staff/users/${encodeURIComponent(resetting.id)}/reset-password`, { resetTwoFactor: document.getElementById("reset-twofactor").checked });
  secret = null;
  document.getElementById("reset-dialog").close();
  replace(data.user);
  showSecret("u.resetDone", resetting.email, data.temporaryPassword);
});

function states(user) {
  return [
    user.disabled ? flag(t("u.disabled"), "gone") : flag(t("u.active"), "preserved"),
    user.lockedOut ? flag(t("u.locked"), "soon") : nothing,
    user.twoFactorEnabled ? flag(t("u.tfaOn"), "plain") : flag(t("u.tfaOff"), "muted"),
    user.mustChangePassword ? flag(t("u.mustChange"), "muted") : nothing,
  ];
}

function row(user) {
  const select = `role-${user.id}`;
  const path = `/api/staff/users/${encodeURIComponent(user.id)}`;
  return html`<tr data-user-id=${user.id}>
    <th scope="row"><span>${user.email}</span>${user.id === session()?.userId ? ` ${t("u.you")}` : nothing}</th>
    <td>${user.name}</td>
    <td><div class="inline-form"><label class="inline-form__label" for=${select}>${t("u.changeRole")}<span class="visually-hidden"> (${user.email})</span></label>
      <select id=${select}>${roles(user.role)}</select>
      <button type="button" class="button button--small button--secondary" @click=${act(user, "select", async () => {
        const updated = await put(`${path}/role`, { role: document.getElementById(select).value });
        say(list, "u.roleSaved", { email: user.email, role: () => labelOf("roles", updated.role) });
        return updated;
      })}>${t("w.save")}</button></div></td>
    <td class="state-cell">${states(user)}</td>
    <td><div class="button-row button-row--tight">
      <button type="button" class="button button--small button--secondary" @click=${act(user, ".button-row button", async () => {
        const updated = await post(`${path}/${user.disabled ? "enable" : "disable"}`);
        say(list, user.disabled ? "u.enabledDone" : "u.disabledDone", { email: user.email });
        return updated;
      })}>${t(user.disabled ? "u.enable" : "u.disable")}</button>
      <button type="button" class="button button--small button--secondary" @click=${() => openReset(user)}>${t("u.resetPassword")}</button>
    </div></td></tr>`;
}

const view = () => html`
  <h1>${t("nav.users")}</h1>
  ${secret ? html`<div class="notice notice--approved secret-box" id="temp-box" tabindex="-1">
    <h2>${t(secret.kind, { email: secret.email })}</h2>
    <p>${t("u.tempLabel")}: <code class="secret" id="temp-password">${secret.password}</code>
      <button type="button" class="button button--secondary button--small" @click=${copy}>${t("u.copy")}</button></p>
    <p class="hint">${t("u.tempHint")}</p>
    <p class="form-status" role="status">${copied ? t(copied) : ""}</p>
  </div>` : nothing}
  <section class="panel"><h2>${t("u.addTitle")}</h2>
    <form id="new-user-form" class="create-user" novalidate @submit=${add}>${summary(create)}
      ${field(create, "email", { label: t("w.email"), type: "email", limit: "user.email", spellcheck: "false" })}
      ${field(create, "name", { label: t("w.name"), limit: "user.name" })}
      ${field(create, "role", { label: t("w.role"), options: roles("Officer") })}
      <div class="create-user__submit"><button type="submit" class="button button--primary">${t("u.create")}</button></div>
    </form>
    ${statusLine(create)}
  </section>
  ${statusLine(list)}
  ${users ? table({ id: "users-table", cls: "users-table", caption: t("u.caption", { n: users.length }), empty: t("u.caption", { n: 0 }),
    head: [t("w.email"), t("w.name"), t("w.role"), t("w.status"), t("w.actions")], rows: users.map(row) }) : nothing}
  <dialog class="confirm-dialog" id="reset-dialog" aria-labelledby="reset-title" aria-describedby="reset-text"
    @close=${() => resetting && !secret && refocus(resetting.id, ".button-row button:last-child")}>
    <form novalidate @submit=${confirmReset}>
      <h2 id="reset-title">${t("u.resetPassword")}</h2>
      <p id="reset-text">${resetting ? t("u.resetText", { email: resetting.email }) : ""}</p>
      <div class="choice"><input type="checkbox" id="reset-twofactor"><label for="reset-twofactor">${t("u.resetTfa")}</label></div>
      ${statusLine(reset)}
      <div class="dialog-actions">
        <button type="button" class="button button--secondary" id="reset-back" @click=${() => document.getElementById("reset-dialog").close()}>${t("w.back")}</button>
        <button type="submit" class="button button--danger">${t("u.resetConfirm")}</button>
      </div>
    </form>
  </dialog>`;

await startPage({ page: "users", title: () => t("nav.users"), view, admin: true });
load();
