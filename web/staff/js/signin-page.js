// Staff sign-in (/staff/): e-mail and password, then, when the account has an authenticator app, a
// second step with its code on the same page; or a passkey. A fresh session goes to the account page
// while it is restricted, else to the queue.
import { busy, field, form, homeOf, html, nothing, showErrors, startPage, statusLine, summary, t, update, valueOf, control, fail } from "./ui.js";
import { ApiError, call, messageOf } from "./staff-api.js";

const signin = form("signin");
const code = form("code");
let step = "password";
let progress = "";
const canUsePasskeys = Boolean(window.PublicKeyCredential?.parseRequestOptionsFromJSON && navigator.credentials?.get);

function signedIn(session) {
  progress = "";
  location.assign(homeOf(session));
}

/** A refusal on the status line: ours (a key, re-translated) or the server's own sentence. */
function refused(f, err, ourKey) {
  progress = "";
  if (err instanceof ApiError && err.status === 400) return fail(f, err);
  const ours = !(err instanceof ApiError) || (err.status === 401 && !err.problem?.detail);
  return showErrors(f, {}, ours ? { key: ourKey, error: true } : { text: messageOf(err), error: true });
}

async function post(body) {
  progress = t("si.signingIn");
  update();
  const { data } = await call("POST", "/api/staff/session", { body });
  signedIn(data);
}

const credentials = () => ({ email: valueOf(signin, "email"), password: control(signin, "password").value });

async function signIn(e) {
  e.preventDefault();
  const body = credentials();
  const missing = {};
  if (!body.email) missing.email = t("si.emailMissing");
  if (!body.password) missing.password = t("si.passwordMissing");
  if (showErrors(signin, missing)) return;
  await busy(e.submitter, async () => {
    try {
      await post(body);
    } catch (err) {
      if (err.status === 401 && err.problem?.twoFactorRequired) {
        progress = "";
        step = "code";
        update();
        control(code, "code").focus();
        return;
      }
      refused(signin, err, "si.failed");
      if (err.status !== 400) {
        control(signin, "password").value = "";
        control(signin, "password").focus();
      }
    }
  });
}

async function verify(e) {
  e.preventDefault();
  const value = valueOf(code, "code");
  if (showErrors(code, value ? {} : { code: t("si.codeMissing") })) return;
  await busy(e.submitter, async () => {
    try {
      await post({ ...credentials(), code: value });
    } catch (err) {
      refused(code, err, "si.failed");
      control(code, "code").value = "";
      control(code, "code").focus();
    }
  });
}

function restart() {
  step = "password";
  showErrors(code, {});
  showErrors(signin, {});
  control(signin, "password").value = "";
  control(code, "code").value = "";
  control(signin, "email").focus();
}

async function withPasskey(e) {
  showErrors(signin, {});
  await busy(e.currentTarget, async () => {
    try {
      const { data: options } = await call("POST", "/api/staff/session/passkey/options");
      const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options.publicKey ?? options);
      // NotAllowedError: the person cancelled, or no passkey of this site is on the device.
      const credential = await navigator.credentials.get({ publicKey }).catch(() => null);
      if (!credential) return showErrors(signin, {}, { key: "si.passkeyCancelled", error: true });
      const { data } = await call("POST", "/api/staff/session/passkey", { rawBody: JSON.stringify(credential) });
      signedIn(data);
    } catch (err) {
      refused(signin, err, "si.passkeyFailed");
    }
  });
}

const view = () => html`
  <div class="container signin">
    <h1>${t("si.title")}</h1>
    <p class="lead">${t("si.lead")}</p>
    <div class="signin__card">
      <form id="signin-form" novalidate ?hidden=${step !== "password"} @submit=${signIn}>
        ${summary(signin)}
        ${field(signin, "email", { label: t("w.email"), type: "email", autocomplete: "username", spellcheck: "false" })}
        ${field(signin, "password", { label: t("si.password"), type: "password", autocomplete: "current-password" })}
        <button type="submit" class="button button--primary">${t("si.submit")}</button>
        ${statusLine(signin, "signin__error")}
      </form>
      <form id="code-form" novalidate ?hidden=${step !== "code"} @submit=${verify}>
        ${summary(code)}
        <h2>${t("si.codeTitle")}</h2>
        ${field(code, "code", { label: t("si.code"), hint: t("si.codeHint"), autocomplete: "one-time-code", spellcheck: "false" })}
        <div class="button-row">
          <button type="submit" class="button button--primary">${t("si.verify")}</button>
          <button type="button" class="button button--secondary" @click=${restart}>${t("si.restart")}</button>
        </div>
        ${statusLine(code, "signin__error")}
      </form>
      <p class="visually-hidden" role="status">${progress}</p>
      ${canUsePasskeys ? html`<div class="signin__passkey"><p class="signin__or">${t("si.or")}</p>
        <button type="button" class="button button--secondary" @click=${withPasskey}>${t("si.passkey")}</button></div>` : nothing}
    </div>
  </div>`;

await startPage({ page: "signin", title: () => t("si.title"), view, signedIn: false });
