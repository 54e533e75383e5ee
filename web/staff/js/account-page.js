// My account (/staff/account): change the password, set up two-step verification (TOTP, with
// recovery codes shown once), passkeys. A restricted session (a temporary password, or a role
// that needs a second factor) lands here and is told what to finish first.
import "./texts.js";
import { formatInstant } from "../../js/dates.js";
import { lang, onLangChange, t } from "../../js/i18n.js";
import { busy, resetErrors, say, setStatus, showFailure, showRequired } from "./forms.js";
import { cell, messageRow } from "./paging.js";
import { isRestricted, roleOf, session, startSignedInPage, updateSession } from "./session.js";
import { ApiError, call, del, get, messageOf, post } from "./staff-api.js";

const $ = (id) => document.getElementById(id);
const canCreatePasskeys = Boolean(window.PublicKeyCredential?.parseCreationOptionsFromJSON && navigator.credentials?.create);
let passkeys = null;
let wasRestricted = false;

function renderAll() {
  const s = session();
  if (!s) return;
  $("me-name").textContent = s.name;
  $("me-email").textContent = s.email;
  $("me-role").textContent = t(`role.${roleOf(s)}`);
  $("password-username").value = s.email;

  const restricted = isRestricted(s);
  $("restricted-notice").hidden = !restricted;
  $("todo-password").hidden = !s.mustChangePassword;
  $("todo-twofactor").hidden = !s.mustEnrollTwoFactor;
  $("ready-notice").hidden = !(wasRestricted && !restricted);

  $("tfa-state").textContent = t(s.twoFactorEnabled ? "a.tfaOn" : "a.tfaOff");
  $("tfa-state").className = `state-line ${s.twoFactorEnabled ? "state-line--on" : "state-line--off"}`;
  $("tfa-restart-note").hidden = !s.twoFactorEnabled;

  $("passkeys-later").hidden = !restricted;
  $("passkeys-body").hidden = restricted;
  $("passkey-add").hidden = !canCreatePasskeys;
  $("passkey-unsupported").hidden = canCreatePasskeys;
  renderPasskeys();
}

/** A new session body: header, texts, and the passkeys once the restriction is gone. */
function sessionChanged(data) {
  const before = isRestricted(session());
  updateSession(data);
  renderAll();
  if (before && !isRestricted(data)) {
    loadPasskeys();
    $("ready-notice").focus();
  }
}

// ---- Password ----
const passwordForm = $("password-form");
passwordForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const status = $("password-status");
  setStatus(status, "");
  const currentPassword = $("currentPassword").value;
  const newPassword = $("newPassword").value;
  const confirm = $("confirmPassword").value;
  const missing = {};
  if (!currentPassword) missing.currentPassword = t("s.required");
  if (!newPassword) missing.newPassword = t("s.required");
  if (!confirm) missing.confirmPassword = t("s.required");
  else if (newPassword && confirm !== newPassword) missing.confirmPassword = t("a.mismatch");
  if (showRequired(passwordForm, missing) > 0) return;
  await busy($("password-submit"), async () => {
    try {
      const data = await post("/api/staff/session/password", { currentPassword, newPassword });
      resetErrors(passwordForm);
      passwordForm.reset();
      say(status, "a.changed");
      sessionChanged(data);
    } catch (err) {
      showFailure(passwordForm, err, { status, fallbackField: "newPassword" });
    }
  });
});

// ---- Two-step verification ----
function groups(key) {
  return String(key).replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ");
}

$("tfa-setup").addEventListener("click", async (e) => {
  const status = $("tfa-setup-status");
  setStatus(status, "");
  await busy(e.currentTarget, async () => {
    try {
      const data = await post("/api/staff/session/two-factor/setup");
      $("tfa-qr").src = `data:image/png;base64,${data.qrCodePng}`;
      $("tfa-key").textContent = groups(data.key);
      $("recovery-panel").hidden = true;
      $("tfa-panel").hidden = false;
      resetErrors($("tfa-form"));
      setStatus($("tfa-status"), "");
      $("code").value = "";
      $("code").focus();
    } catch (err) {
      setStatus(status, messageOf(err), true);
    }
  });
});

$("tfa-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = $("tfa-form");
  const status = $("tfa-status");
  const code = $("code").value.replace(/\s+/g, "");
  setStatus(status, "");
  if (showRequired(form, code ? {} : { code: t("a.codeMissing") }) > 0) return;
  await busy($("tfa-enable"), async () => {
    try {
      const data = await post("/api/staff/session/two-factor", { code });
      resetErrors(form);
      $("tfa-panel").hidden = true;
      $("tfa-qr").removeAttribute("src");
      $("tfa-key").textContent = "";
      $("recovery-codes").replaceChildren(...(data.recoveryCodes || []).map((c) => {
        const li = document.createElement("li");
        const code = document.createElement("code");
        code.textContent = c;
        li.append(code);
        return li;
      }));
      $("recovery-panel").hidden = false;
      say($("tfa-setup-status"), "a.tfaEnabled");
      if (data.session) sessionChanged(data.session);
      if ($("ready-notice").hidden) $("recovery-panel").focus();
    } catch (err) {
      showFailure(form, err, { status, fallbackField: "code" });
    }
  });
});

// ---- Passkeys ----
async function loadPasskeys() {
  if (isRestricted(session())) return;
  try {
    passkeys = await get("/api/staff/session/passkeys");
    renderPasskeys();
  } catch (err) {
    setStatus($("passkey-status"), messageOf(err), true);
  }
}

function renderPasskeys() {
  const body = $("passkeys-list");
  if (!passkeys) return;
  if (passkeys.length === 0) {
    body.replaceChildren(messageRow(3, t("a.noPasskeys")));
    return;
  }
  body.replaceChildren(...passkeys.map((p) => {
    const tr = document.createElement("tr");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button--secondary button--small";
    remove.textContent = t("a.passkeyRemove");
    remove.dataset.id = p.id;
    remove.addEventListener("click", () => removePasskey(p, remove));
    tr.append(cell(p.name, { tag: "th" }), cell(p.createdAt ? formatInstant(p.createdAt, lang()) : ""), cell(remove));
    return tr;
  }));
}

async function removePasskey(p, button) {
  const status = $("passkey-status");
  await busy(button, async () => {
    try {
      await del(`/api/staff/session/passkeys/${encodeURIComponent(p.id)}`);
      say(status, "a.passkeyRemoved", { name: p.name });
      await loadPasskeys();
      $("passkey-add").focus();
    } catch (err) {
      setStatus(status, messageOf(err), true);
    }
  });
}

$("passkey-add").addEventListener("click", async (e) => {
  const status = $("passkey-status");
  setStatus(status, "");
  await busy(e.currentTarget, async () => {
    try {
      const options = await post("/api/staff/session/passkeys/options");
      const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options.publicKey ?? options);
      let credential;
      try {
        credential = await navigator.credentials.create({ publicKey });
      } catch {
        // NotAllowedError: cancelled, timed out, or this device already holds one for the account.
        say(status, "a.passkeyCancelled", {}, true);
        return;
      }
      if (!credential) {
        say(status, "a.passkeyCancelled", {}, true);
        return;
      }
      await call("POST", "/api/staff/session/passkeys", { rawBody: JSON.stringify(credential) });
      say(status, "a.passkeyAdded");
      await loadPasskeys();
    } catch (err) {
      setStatus(status, err instanceof ApiError ? messageOf(err) : t("s.error"), true);
    }
  });
});

onLangChange(renderAll);

const first = await startSignedInPage({ allowRestricted: true });
wasRestricted = isRestricted(first);
renderAll();
loadPasskeys();
