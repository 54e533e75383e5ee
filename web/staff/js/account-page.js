// My account (/staff/account): change the password, set up two-step verification (TOTP, with
// recovery codes shown once), passkeys. A restricted session (a temporary password, or a role
// that needs a second factor) lands here and is told what to finish first.
import {
  busy, control, dateTime, fail, field, form, html, isRestricted, labelOf, lengthOf, nothing, onSubmit, say, session, setSession, showErrors,
  startPage, statusLine, summary, t, table, update, valueOf,
} from "./ui.js";
import { ApiError, call, del, get, post } from "./staff-api.js";

const password = form("password");
const totp = form("tfa");
const setup = form("tfa-setup");
const keys = form("passkey");
const canCreatePasskeys = Boolean(window.PublicKeyCredential?.parseCreationOptionsFromJSON && navigator.credentials?.create);
let passkeys = null;
let wasRestricted = false;
let enrolment = null;
let recoveryCodes = null;

/** A new session body: header, texts, and the passkeys once the restriction is gone. */
function sessionChanged(data) {
  const before = isRestricted(session());
  setSession(data);
  if (before && !isRestricted(data)) {
    loadPasskeys();
    document.getElementById("ready-notice").focus();
  }
}

const changePassword = onSubmit(password, async () => {
  const currentPassword = control(password, "currentPassword").value;
  const newPassword = control(password, "newPassword").value;
  const confirm = control(password, "confirmPassword").value;
  if (newPassword && confirm !== newPassword && showErrors(password, { confirmPassword: t("a.mismatch") })) return;
  const data = await post("/api/staff/session/password", { currentPassword, newPassword });
  document.getElementById("password-form").reset();
  say(password, "a.changed");
  sessionChanged(data);
});

async function startSetup(e) {
  await busy(e.currentTarget, async () => {
    try {
      enrolment = await post("/api/staff/session/two-factor/setup");
      recoveryCodes = null;
      showErrors(setup, {});
      showErrors(totp, {});
      control(totp, "code").value = "";
      control(totp, "code").focus();
    } catch (err) {
      fail(setup, err);
    }
  });
}

const enable = onSubmit(totp, async () => {
  const data = await post("/api/staff/session/two-factor", { code: valueOf(totp, "code").replace(/\s+/g, "") });
  enrolment = null;
  recoveryCodes = data.recoveryCodes ?? [];
  say(setup, "a.tfaEnabled");
  if (data.session) sessionChanged(data.session);
  if (!document.getElementById("ready-notice")) document.getElementById("recovery-panel").focus();
});

async function loadPasskeys() {
  if (isRestricted(session())) return;
  try {
    passkeys = await get("/api/staff/session/passkeys");
    update();
  } catch (err) {
    fail(keys, err);
  }
}

const removePasskey = (p) => async (e) => busy(e.currentTarget, async () => {
  try {
    await del(`/api/staff/session/passkeys/${encodeURIComponent(p.id)}`);
    say(keys, "a.passkeyRemoved", { name: p.name });
    await loadPasskeys();
    document.getElementById("passkey-add").focus();
  } catch (err) {
    fail(keys, err);
  }
});

async function addPasskey(e) {
  showErrors(keys, {});
  await busy(e.currentTarget, async () => {
    try {
      const options = await post("/api/staff/session/passkeys/options");
      const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options.publicKey ?? options);
      // NotAllowedError: cancelled, timed out, or this device already holds one for the account.
      const credential = await navigator.credentials.create({ publicKey }).catch(() => null);
      if (!credential) return say(keys, "a.passkeyCancelled", {}, true);
      await call("POST", "/api/staff/session/passkeys", { rawBody: JSON.stringify(credential) });
      say(keys, "a.passkeyAdded");
      await loadPasskeys();
    } catch (err) {
      if (err instanceof ApiError) fail(keys, err);
      else say(keys, "s.error", {}, true);
    }
  });
}

const groups = (key) => String(key).replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ");

function view() {
  const s = session();
  const restricted = isRestricted(s);
  const pw = lengthOf("account.password");
  // Only the new password has a length of its own: the current one is checked, the confirmation compared.
  const passwordField = (name, label, hint) => field(password, name, { label, hint, type: "password", autocomplete: name === "currentPassword" ? "current-password" : "new-password", limit: name === "newPassword" ? "account.password" : undefined });
  return html`
    <h1>${t("nav.account")}</h1>
    ${restricted ? html`<div class="notice notice--warning"><h2>${t("a.restrictedTitle")}</h2><p>${t("a.restrictedText")}</p><ul>
      ${s.mustChangePassword ? html`<li><a href="#password-section">${t("a.mustChange")}</a></li>` : nothing}
      ${s.mustEnrollTwoFactor ? html`<li><a href="#twofactor-section">${t("a.mustEnroll")}</a></li>` : nothing}</ul></div>` : nothing}
    ${wasRestricted && !restricted ? html`<div class="notice notice--approved" id="ready-notice" tabindex="-1"><h2>${t("a.readyTitle")}</h2>
      <p>${t("a.readyText")} <a class="button button--primary" href="/staff/requests">${t("a.toQueue")}</a></p></div>` : nothing}
    <section class="panel"><h2>${t("a.profile")}</h2><dl class="facts">
      <dt>${t("w.name")}</dt><dd>${s.name}</dd><dt>${t("w.email")}</dt><dd id="me-email">${s.email}</dd><dt>${t("w.role")}</dt><dd>${labelOf("roles", s.roles?.[0])}</dd></dl></section>
    <section class="panel" id="password-section" tabindex="-1"><h2>${t("a.passwordTitle")}</h2>
      <form id="password-form" novalidate @submit=${changePassword}>${summary(password)}
        <input type="text" autocomplete="username" hidden .value=${s.email}>
        ${passwordField("currentPassword", t("a.current"))}
        ${passwordField("newPassword", t("a.new"), t("a.newHint", { min: pw.min }))}
        ${passwordField("confirmPassword", t("a.confirm"))}
        <button type="submit" class="button button--primary">${t("a.passwordTitle")}</button>${statusLine(password)}
      </form></section>
    <section class="panel" id="twofactor-section" tabindex="-1"><h2>${t("a.tfaTitle")}</h2>
      <p class="state-line ${s.twoFactorEnabled ? "state-line--on" : "state-line--off"}">${t(s.twoFactorEnabled ? "a.tfaOn" : "a.tfaOff")}</p>
      <p>${t("a.tfaIntro")}</p>
      ${s.twoFactorEnabled ? html`<p class="hint">${t("a.tfaRestartNote")}</p>` : nothing}
      <button type="button" class="button button--secondary" @click=${startSetup}>${t("a.tfaSetup")}</button>${statusLine(setup)}
      <div class="tfa-setup" ?hidden=${!enrolment}>
        <p>${t("a.tfaScan")}</p>
        <img class="tfa-setup__qr" alt=${t("a.qrAlt")} width="220" height="220" src=${enrolment ? `data:image/png;base64,${enrolment.qrCodePng}` : nothing}>
        <p>${t("a.tfaKey")} <code class="secret">${enrolment ? groups(enrolment.key) : ""}</code></p>
        <form novalidate @submit=${enable}>${summary(totp)}<p>${t("a.tfaEnter")}</p>
          ${field(totp, "code", { label: t("a.tfaCode"), inputmode: "numeric", autocomplete: "one-time-code", cls: "field--short" })}
          <button type="submit" class="button button--primary">${t("a.tfaEnable")}</button>${statusLine(totp)}
        </form>
      </div>
      ${recoveryCodes ? html`<div class="recovery" id="recovery-panel" tabindex="-1"><h3>${t("a.recoveryTitle")}</h3><p>${t("a.recoveryNote")}</p>
        <ul class="recovery__codes">${recoveryCodes.map((c) => html`<li><code>${c}</code></li>`)}</ul></div>` : nothing}
    </section>
    <section class="panel"><h2>${t("a.passkeysTitle")}</h2><p>${t("a.passkeysIntro")}</p>
      ${restricted ? html`<p class="hint">${t("a.passkeysLater")}</p>` : html`
        ${passkeys ? table({ id: "passkeys", caption: t("a.passkeysCaption"), empty: t("a.noPasskeys"), head: [t("a.passkeyName"), t("a.passkeyCreated"), t("w.actions")],
          rows: passkeys.map((p) => html`<tr><th scope="row">${p.name}</th><td>${dateTime(p.createdAt)}</td>
            <td><button type="button" class="button button--secondary button--small" @click=${removePasskey(p)}>${t("a.passkeyRemove")}</button></td></tr>`) }) : nothing}
        ${canCreatePasskeys ? html`<button type="button" class="button button--secondary" id="passkey-add" @click=${addPasskey}>${t("a.addPasskey")}</button>`
          : html`<p class="hint">${t("a.passkeyUnsupported")}</p>`}
        ${statusLine(keys)}`}
    </section>`;
}

const first = await startPage({ page: "account", title: () => t("nav.account"), view, allowRestricted: true });
wasRestricted = isRestricted(first);
update();
loadPasskeys();
