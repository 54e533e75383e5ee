// The staff pages' only way to the server: /api/* on this host, in the page's language, with the
// session's anti-forgery token on every call that changes something. Errors are the citizen pages'
// ApiError (status 0 when the network failed), so one message helper serves both.
import { ApiError } from "../../js/api.js";
import { lang, t } from "../../js/i18n.js";

let csrfToken = null;
let onUnauthorized = null;

export { ApiError };

export function setCsrfToken(token) {
  csrfToken = token || null;
}

/** What to do when a call answers 401 (the session ended): the signed-in pages go to the sign-in page. */
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

/**
 * Calls the API. body is sent as JSON; rawBody (already a JSON string, e.g. a WebAuthn credential,
 * or a Blob with its own Content-Type in headers, e.g. a PNG) as it is. Resolves with
 * { data, etag, status }; rejects with ApiError.
 */
export async function call(method, path, { body, rawBody, headers = {} } = {}) {
  const h = { "Accept-Language": lang() === "en" ? "en" : "th", Accept: "application/json", ...headers };
  if (method !== "GET" && csrfToken) h["X-CSRF-TOKEN"] = csrfToken;
  let payload;
  if (rawBody !== undefined) payload = rawBody;
  else if (body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined && !h["Content-Type"]) h["Content-Type"] = "application/json";

  let response;
  try {
    response = await fetch(path, { method, headers: h, body: payload, credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ApiError(0, null);
  }
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && onUnauthorized) onUnauthorized(error);
    throw error;
  }
  return { data, etag: response.headers.get("ETag"), status: response.status };
}

/** The file name in a Content-Disposition header (filename*=UTF-8'' first), or "". */
export function fileNameOf(disposition) {
  if (!disposition) return "";
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // A broken encoding: fall back to the plain filename.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : "";
}

/**
 * Like call(), for an answer that is a file (a ZIP export): resolves with { blob, fileName } (the
 * name from Content-Disposition); an error answer rejects with ApiError as call() does.
 */
export async function callForFile(method, path, { body } = {}) {
  const h = { "Accept-Language": lang() === "en" ? "en" : "th", Accept: "application/zip, application/octet-stream, application/problem+json" };
  if (method !== "GET" && csrfToken) h["X-CSRF-TOKEN"] = csrfToken;
  if (body !== undefined) h["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json().catch(() => null) : null;
    const error = new ApiError(response.status, data);
    if (response.status === 401 && onUnauthorized) onUnauthorized(error);
    throw error;
  }
  let blob;
  try {
    blob = await response.blob();
  } catch {
    throw new ApiError(0, null);
  }
  return { blob, fileName: fileNameOf(response.headers.get("Content-Disposition")) };
}

export const get = async (path) => (await call("GET", path)).data;
export const post = async (path, body) => (await call("POST", path, { body })).data;
export const put = async (path, body) => (await call("PUT", path, { body })).data;
export const del = async (path) => (await call("DELETE", path)).data;

/** "/api/x" plus the non-empty values of params as a query string. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A sentence for the user: the server's own (in the page's language) when it sent one. */
export function messageOf(error) {
  if (!(error instanceof ApiError)) return t("s.error");
  if (error.status === 0) return t("s.network");
  const problem = error.problem || {};
  if (problem.detail) return problem.detail;
  // A 400 whose fields are not on the form (a passkey's "credential", say): its messages.
  const fieldMessages = Object.values(error.errors || {}).flat().filter(Boolean);
  if (fieldMessages.length > 0) return fieldMessages.join(" ");
  if (error.status === 403) return t("s.forbidden");
  return problem.title || t("s.error");
}
