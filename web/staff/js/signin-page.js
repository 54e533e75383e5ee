// Staff sign-in (/staff/): email and password, then, when the account has an authenticator app,
// a second step with its code on the same page; or a passkey. A fresh session goes to the account
// page while it is restricted, else to the queue.
import "./texts.js";
import { onLangChange, t } from "../../js/i18n.js";
import { busy, resetErrors, showFailure, showRequired } from "./forms.js";
import { homeOf, initChrome } from "./session.js";
import { ApiError, call, messageOf } from "./staff-api.js";

const $ = (id) => document.getElementById(id);
const signinForm = $("signin-form");
const codeForm = $("code-form");
const errorLine = $("signin-error");
const progress = $("signin-progress");
// The error shown, as a key (a text of ours, re-translated on a language switch) or the server's text.
let shownError = null;

initChrome();

function showError(keyOrText, isKey = true) {
  shownError = keyOrText ? { value: keyOrText, isKey } : null;
  renderError();
}

function renderError() {
  errorLine.textContent = shownError ? (shownError.isKey ? t(shownError.value) : shownError.value) : "";
}
onLangChange(renderError);

function signedIn(session) {
  progress.textContent = "";
  location.assign(homeOf(session));
}

function credentials() {
  return { email: $("email").value.trim(), password: $("password").value };
}

async function postSession(body, form) {
  progress.textContent = t("si.signingIn");
  try {
    const { data } = await call("POST", "/api/staff/session", { body });
    signedIn(data);
    return null;
  } catch (err) {
    progress.textContent = "";
    if (err instanceof ApiError && err.status === 400) {
      const marked = showFailure(form, err);
      showError(marked > 0 ? null : messageOf(err), false);
      return err;
    }
    resetErrors(form);
    return err;
  }
}

function showCodeStep() {
  signinForm.hidden = true;
  codeForm.hidden = false;
  $("code").value = "";
  $("code").focus();
}

signinForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = credentials();
  const missing = {};
  if (!body.email) missing.email = t("si.emailMissing");
  if (!body.password) missing.password = t("si.passwordMissing");
  if (showRequired(signinForm, missing) > 0) {
    showError(null);
    return;
  }
  await busy($("signin-submit"), async () => {
    const err = await postSession(body, signinForm);
    if (!err || err.status === 400) return;
    if (err.status === 401 && err.problem?.twoFactorRequired) {
      showError(null);
      showCodeStep();
      return;
    }
    showError(err.status === 401 && !err.problem?.detail ? "si.failed" : messageOf(err), err.status === 401 && !err.problem?.detail);
    $("password").value = "";
    $("password").focus();
  });
});

codeForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  const code = $("code").value.trim();
  if (showRequired(codeForm, code ? {} : { code: t("si.codeMissing") }) > 0) {
    showError(null);
    return;
  }
  await busy($("code-submit"), async () => {
    const err = await postSession({ ...credentials(), code }, codeForm);
    if (!err || err.status === 400) return;
    const ours = err.status === 401 && !err.problem?.detail;
    showError(ours ? "si.failed" : messageOf(err), ours);
    $("code").value = "";
    $("code").focus();
  });
});

$("code-restart").addEventListener("click", () => {
  resetErrors(signinForm);
  showError(null);
  codeForm.hidden = true;
  signinForm.hidden = false;
  $("password").value = "";
  $("code").value = "";
  $("email").focus();
});

// ---- Passkey ----
const canUsePasskeys = Boolean(window.PublicKeyCredential?.parseRequestOptionsFromJSON && navigator.credentials?.get);
$("passkey-block").hidden = !canUsePasskeys;

$("passkey-signin").addEventListener("click", async (e) => {
  showError(null);
  await busy(e.currentTarget, async () => {
    try {
      const { data: options } = await call("POST", "/api/staff/session/passkey/options");
      const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options.publicKey ?? options);
      let credential;
      try {
        credential = await navigator.credentials.get({ publicKey });
      } catch {
        // NotAllowedError: the person cancelled, or no passkey of this site is on the device.
        showError("si.passkeyCancelled");
        return;
      }
      if (!credential) {
        showError("si.passkeyCancelled");
        return;
      }
      progress.textContent = t("si.signingIn");
      const { data } = await call("POST", "/api/staff/session/passkey", { rawBody: JSON.stringify(credential) });
      signedIn(data);
    } catch (err) {
      progress.textContent = "";
      const ours = err instanceof ApiError && err.status === 401 && !err.problem?.detail;
      showError(ours || !(err instanceof ApiError) ? "si.passkeyFailed" : messageOf(err), ours || !(err instanceof ApiError));
    }
  });
});
