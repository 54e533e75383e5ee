// Staff accounts (/staff/users, Admin): the list with each account's state, a form to create one,
// and per account: change the role, disable or enable, reset the password. A temporary password
// is shown once, right after it is made.
import "./texts.js";
import { onLangChange, t } from "../../js/i18n.js";
import { busy, resetErrors, say, setStatus, showFailure, showRequired } from "./forms.js";
import { cell, messageRow } from "./paging.js";
import { isAdmin, session, startSignedInPage } from "./session.js";
import { get, messageOf, post, put } from "./staff-api.js";

const $ = (id) => document.getElementById(id);
const ROLES = ["Officer", "Approver", "Admin"];
let users = null;
let resetting = null;
// The last temporary password shown: { kind: "u.created" | "u.resetDone", email, password }.
let secret = null;

async function loadUsers() {
  try {
    users = await get("/api/staff/users");
    renderUsers();
  } catch (err) {
    setStatus($("users-status"), `${t("u.loadError")}: ${messageOf(err)}`, true);
  }
}

function roleSelect(user) {
  const select = document.createElement("select");
  select.id = `role-${user.id}`;
  for (const role of ROLES) {
    const option = document.createElement("option");
    option.value = role;
    option.textContent = t(`role.${role}`);
    select.append(option);
  }
  select.value = user.role;
  return select;
}

function stateLabels(user) {
  const labels = [];
  const add = (key, kind) => {
    const span = document.createElement("span");
    span.className = `flag flag--${kind}`;
    span.textContent = t(key);
    labels.push(span);
  };
  if (user.disabled) add("u.disabled", "gone");
  else add("u.active", "preserved");
  if (user.lockedOut) add("u.locked", "soon");
  add(user.twoFactorEnabled ? "u.tfaOn" : "u.tfaOff", user.twoFactorEnabled ? "plain" : "muted");
  if (user.mustChangePassword) add("u.mustChange", "muted");
  return labels;
}

function button(key, className, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `button button--small ${className}`;
  b.textContent = t(key);
  b.addEventListener("click", (e) => onClick(e.currentTarget));
  return b;
}

function renderUsers() {
  if (!users) return;
  $("users-caption").textContent = t("u.caption", { n: users.length });
  const body = $("users-body");
  if (users.length === 0) {
    body.replaceChildren(messageRow(5, t("u.caption", { n: 0 })));
    return;
  }
  const me = session()?.userId;
  body.replaceChildren(...users.map((user) => {
    const tr = document.createElement("tr");
    tr.dataset.userId = user.id;
    const email = document.createElement("span");
    email.textContent = user.email;
    const emailCell = [email];
    if (user.id === me) emailCell.push(" ", t("u.you"));

    const roleBox = document.createElement("div");
    roleBox.className = "inline-form";
    const select = roleSelect(user);
    const label = document.createElement("label");
    label.htmlFor = select.id;
    label.className = "inline-form__label";
    const hiddenName = document.createElement("span");
    hiddenName.className = "visually-hidden";
    hiddenName.textContent = ` (${user.email})`;
    label.append(t("u.changeRole"), hiddenName);
    const save = button("u.save", "button--secondary", (b) => saveRole(user, select, b));
    roleBox.append(label, select, save);

    const actions = document.createElement("div");
    actions.className = "button-row button-row--tight";
    actions.append(
      user.disabled
        ? button("u.enable", "button--secondary", (b) => setEnabled(user, true, b))
        : button("u.disable", "button--secondary", (b) => setEnabled(user, false, b)),
      button("u.resetPassword", "button--secondary", () => openReset(user)),
    );

    tr.append(
      cell(emailCell, { tag: "th" }),
      cell(user.name),
      cell(roleBox),
      cell(stateLabels(user), { className: "state-cell" }),
      cell(actions),
    );
    return tr;
  }));
}

function replaceUser(updated) {
  if (!updated?.id) return loadUsers();
  users = users.map((u) => (u.id === updated.id ? updated : u));
  renderUsers();
  return Promise.resolve();
}

/** After a row is redrawn, focus goes back to the same control of the same row. */
function refocus(userId, selector) {
  document.querySelector(`tr[data-user-id="${CSS.escape(String(userId))}"] ${selector}`)?.focus();
}

async function saveRole(user, select, b) {
  const status = $("users-status");
  await busy(b, async () => {
    try {
      const updated = await put(`/api/staff/users/${encodeURIComponent(user.id)}/role`, { role: select.value });
      await replaceUser(updated);
      setStatus(status, t("u.roleSaved", { email: user.email, role: t(`role.${select.value}`) }));
      refocus(user.id, "select");
    } catch (err) {
      setStatus(status, messageOf(err), true);
    }
  });
}

async function setEnabled(user, enable, b) {
  const status = $("users-status");
  await busy(b, async () => {
    try {
      const updated = await post(`/api/staff/users/${encodeURIComponent(user.id)}/${enable ? "enable" : "disable"}`);
      await replaceUser(updated);
      say(status, enable ? "u.enabledDone" : "u.disabledDone", { email: user.email });
      refocus(user.id, ".button-row button");
    } catch (err) {
      setStatus(status, messageOf(err), true);
    }
  });
}

// ---- The temporary password, shown once ----
function showSecret(kind, email, password) {
  secret = { kind, email, password };
  renderSecret();
  setStatus($("temp-copy-status"), "");
  $("temp-box").hidden = false;
  $("temp-box").focus();
}

function renderSecret() {
  if (!secret) return;
  $("temp-title").textContent = t(secret.kind, { email: secret.email });
  $("temp-password").textContent = secret.password;
}

$("temp-copy").addEventListener("click", async () => {
  const status = $("temp-copy-status");
  try {
    await navigator.clipboard.writeText(secret?.password ?? "");
    say(status, "u.copied");
  } catch {
    const range = document.createRange();
    range.selectNodeContents($("temp-password"));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    say(status, "u.copyFailed");
  }
});

// ---- Create ----
const createForm = $("create-form");
createForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const status = $("create-status");
  setStatus(status, "");
  const body = { email: $("email").value.trim(), name: $("name").value.trim(), role: $("role").value };
  const missing = {};
  if (!body.email) missing.email = t("s.required");
  if (!body.name) missing.name = t("s.required");
  if (showRequired(createForm, missing) > 0) return;
  await busy($("create-submit"), async () => {
    try {
      const data = await post("/api/staff/users", body);
      resetErrors(createForm);
      createForm.reset();
      await loadUsers();
      showSecret("u.created", data.user?.email ?? body.email, data.temporaryPassword);
    } catch (err) {
      showFailure(createForm, err, { status });
    }
  });
});

// ---- Reset password, after a confirmation ----
const dialog = $("reset-dialog");
function openReset(user) {
  resetting = user;
  $("reset-text").textContent = t("u.resetText", { email: user.email });
  $("reset-twofactor").checked = false;
  setStatus($("reset-status"), "");
  dialog.showModal();
  $("reset-back").focus();
}
$("reset-back").addEventListener("click", () => dialog.close());
dialog.addEventListener("close", () => {
  if (resetting && $("temp-box").hidden) refocus(resetting.id, ".button-row button:last-child");
});
$("reset-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const user = resetting;
  await busy($("reset-confirm"), async () => {
    try {
      const data = await post(`/api/staff/users/${encodeURIComponent(user.id)}/reset-password`, { resetTwoFactor: $("reset-twofactor").checked });
      $("temp-box").hidden = true;
      dialog.close();
      await replaceUser(data.user);
      showSecret("u.resetDone", user.email, data.temporaryPassword);
    } catch (err) {
      setStatus($("reset-status"), messageOf(err), true);
    }
  });
});

onLangChange(() => {
  renderUsers();
  renderSecret();
  if (resetting && dialog.open) $("reset-text").textContent = t("u.resetText", { email: resetting.email });
});

const me = await startSignedInPage();
if (!isAdmin(me)) {
  $("admin-only").hidden = false;
} else {
  $("admin-content").hidden = false;
  loadUsers();
}
