// The only way the pages talk to the server: /api/* on this host, with the page's language.
import { lang } from "./i18n.js";

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    /** { field: [messages] } as the API names the fields. */
    this.errors = problem?.errors || {};
  }
}

function headers(extra = {}) {
  return { "Accept-Language": lang() === "en" ? "en" : "th", Accept: "application/json", ...extra };
}

async function parse(response) {
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export async function getJson(path) {
  return parse(await fetch(path, { headers: headers() }));
}

export async function postJson(path, body) {
  return parse(await fetch(path, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json" }),
    body: JSON.stringify(body),
  }));
}

export async function postForBlob(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json", Accept: "image/png" }),
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response.blob();
}

/**
 * Sends a multipart form with upload progress (fetch cannot report it). Resolves with the JSON
 * answer; rejects with ApiError (status 0 when the network failed).
 */
export function uploadForm(path, formData, idempotencyKey, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    for (const [name, value] of Object.entries(headers({ "Idempotency-Key": idempotencyKey }))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    });
    xhr.addEventListener("load", () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response);
      else reject(new ApiError(xhr.status, xhr.response));
    });
    xhr.addEventListener("error", () => reject(new ApiError(0, null)));
    xhr.addEventListener("timeout", () => reject(new ApiError(0, null)));
    xhr.send(formData);
  });
}
