// The copy delivered online (SPEC decision 16, ADR 0017) on the request page of an approved copy: the
// officer uploads the clips exported from the NVR, each in pieces (PUT with Content-Range, the size the
// server gives) so that a broken connection costs one piece, not the clip; a piece that fails is sent again,
// and a file chosen again after a reload (same name, size and date) continues where its upload stands (the
// upload's address is kept in localStorage). Then the officer sets the last day and sends the clips; after
// that, the page shows the lock of wrong numbers and every download.
import { addDays } from "../../js/dates.js";
import {
  bytes, dateField, dateOf, dateTime, fail, flag, form, html, longDate, nothing, number, onSubmit, rowButton, rules, say, showErrors, statusLine,
  summary, t, table, today, update,
} from "./ui.js";
import { ApiError, call, messageOf } from "./staff-api.js";

const publish = form("publish");
const STORE = "cctv.clipUploads";
const RETRIES = 5;
const TRANSIENT = [0, 408, 429, 500, 502, 503, 504];
const uploads = [];
let page = null;
let copy = null;
let loading = false;
let loadError = "";
let choiceError = "";
let running = false;
let announce = "";

const ref = () => page.detail().referenceNumber;
const base = () => `/api/staff/requests/${encodeURIComponent(ref())}`;
const limits = () => rules().onlineCopy;
const applies = (d) => d.purpose === "Copy" && d.status === "Approved";
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Wires the section to the page: the detail shown, and a reload of it (publishing adds a hand-over record). */
export function startOnlineCopy(context) {
  page = context;
  if (applies(page.detail())) load();
}

async function load() {
  loading = true;
  try {
    copy = (await call("GET", `${base()}/clips`)).data;
    loadError = "";
    await pending();
  } catch (err) {
    loadError = messageOf(err);
  } finally {
    loading = false;
    update();
  }
}

// ---- Uploads left unfinished (a reload, a closed tab): their addresses, by request, name, size and date ----
function stored() {
  try {
    return JSON.parse(localStorage.getItem(STORE) || "{}");
  } catch {
    return {};
  }
}

function keep(all) {
  try {
    localStorage.setItem(STORE, JSON.stringify(all));
  } catch {
    // Private mode or a full store: the upload still goes on; only a reload cannot continue it.
  }
}

const remember = (u) => keep({ ...stored(), [u.key]: { url: u.url, name: u.name, size: u.size } });
function forget(u) {
  const all = stored();
  delete all[u.key];
  keep(all);
}

/** The unfinished uploads of this request, with what has arrived of each; the ones the server forgot are dropped. */
async function pending() {
  for (const [key, entry] of Object.entries(stored())) {
    if (!key.startsWith(`${ref()}|`) || uploads.some((u) => u.key === key)) continue;
    const u = { key, file: null, name: entry.name, size: entry.size, url: entry.url, received: 0, state: "paused", error: "" };
    try {
      u.received = (await call("GET", u.url)).data.receivedBytes;
      uploads.push(u);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) forget(u);
    }
  }
}

// ---- Choosing and sending ----
function choose(e) {
  const problems = [];
  const live = () => (copy?.clips ?? []).filter((c) => c.stored).length + uploads.length;
  for (const file of e.target.files) {
    const key = `${ref()}|${file.name}|${file.size}|${file.lastModified}`;
    const known = uploads.find((u) => u.key === key);
    if (known?.file && known.state !== "failed") problems.push(t("ho.duplicate", { name: file.name }));
    else if (file.size === 0) problems.push(`${file.name}: ${t("ho.emptyFile")}`);
    else if (file.size > limits().maxClipBytes) problems.push(t("oc.tooBig", { name: file.name, max: bytes(limits().maxClipBytes) }));
    else if (known) Object.assign(known, { file, state: "waiting", error: "" });
    else if (live() >= limits().maxClips) {
      problems.push(t("oc.tooMany", { max: limits().maxClips }));
      break;
    } else {
      const url = stored()[key]?.url ?? null;
      uploads.push({ key, file, name: file.name, size: file.size, url, received: 0, state: "waiting", error: "" });
    }
  }
  e.target.value = "";
  choiceError = problems.join(" ");
  update();
  run();
}

/** One file at a time, in the order chosen. */
async function run() {
  if (running) return;
  running = true;
  for (let u = uploads.find((x) => x.state === "waiting"); u; u = uploads.find((x) => x.state === "waiting")) await send(u);
  running = false;
}

const transient = (err) => err instanceof ApiError && TRANSIENT.includes(err.status);
/** Not where the upload stands (another tab, a piece half received before a break): a 409 without a rule's code. */
const misplaced = (err) => err instanceof ApiError && err.status === 409 && !err.problem.code;

async function where(u) {
  u.received = (await call("GET", u.url)).data.receivedBytes;
}

async function start(u) {
  if (u.url) {
    try {
      return await where(u);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
      forget(u);
    }
  }
  const { data } = await call("POST", `${base()}/clips/uploads`, { body: { fileName: u.name, sizeBytes: u.size } });
  Object.assign(u, { url: data.url, received: data.receivedBytes });
  remember(u);
}

/** Takes an upload off the list and, when the server holds its bytes, lets them go. */
function drop(u) {
  if (uploads.includes(u)) uploads.splice(uploads.indexOf(u), 1);
  forget(u);
  if (u.url) call("DELETE", u.url).catch(() => {});
  update();
}

async function send(u) {
  Object.assign(u, { state: "uploading", error: "", retrying: false });
  update();
  try {
    await start(u);
    for (let tries = 0; ;) {
      if (u.cancelled) return drop(u);
      const end = Math.min(u.received + limits().chunkBytes, u.size);
      let answer;
      try {
        answer = await call("PUT", u.url, {
          rawBody: u.file.slice(u.received, end),
          headers: { "Content-Type": "application/octet-stream", "Content-Range": `bytes ${u.received}-${end - 1}/${u.size}` },
        });
      } catch (err) {
        if ((!transient(err) && !misplaced(err)) || tries >= RETRIES) throw err;
        tries += 1;
        u.retrying = true;
        update();
        if (transient(err)) await sleep(1000 * 2 ** (tries - 1));
        await where(u).catch(() => {});
        continue;
      }
      tries = 0;
      u.retrying = false;
      u.received = answer.data.receivedBytes;
      if (answer.status === 201) break;
      update();
    }
    forget(u);
    if (uploads.includes(u)) uploads.splice(uploads.indexOf(u), 1);
    announce = t("oc.uploaded", { name: u.name });
    // The clip is in; a list that fails to load now shows it at the next reload.
    copy = await call("GET", `${base()}/clips`).then((r) => r.data, () => copy);
  } catch (err) {
    if (u.cancelled) return drop(u);
    u.state = "failed";
    u.error = messageOf(err);
    // Refused whole (not a video, malware, a rule): its bytes are gone; choosing it again starts anew.
    if (err instanceof ApiError && !transient(err)) {
      if (u.url) call("DELETE", u.url).catch(() => {});
      forget(u);
      u.url = null;
      u.received = 0;
    }
    announce = t("oc.failed", { name: u.name });
  }
  update();
}

/** Cancelled while a piece is on its way: the loop lets it go after that piece. */
function cancel(u) {
  u.cancelled = true;
  if (u.state !== "uploading") drop(u);
  else update();
}

function retry(u) {
  u.state = "waiting";
  run();
}

async function removeClip(c) {
  try {
    await call("DELETE", `${base()}/clips/${encodeURIComponent(c.id)}`);
    copy = (await call("GET", `${base()}/clips`)).data;
    announce = t("oc.removed", { name: c.fileName });
  } catch (err) {
    announce = messageOf(err);
  }
  update();
  document.getElementById("online-copy-title")?.focus();
}

// ---- Sending to the applicant, and reopening the downloads ----
const sendToApplicant = onSubmit(publish, async () => {
  if (uploads.length) return showErrors(publish, {}, { text: t("oc.stillUploading"), error: true });
  const expiresOn = dateOf(publish, "expiresOn");
  if (expiresOn === null) return showErrors(publish, { expiresOn: t("err.date.invalid") });
  copy = (await call("POST", `${base()}/clips/publish`, { body: expiresOn ? { expiresOn } : {} })).data;
  say(publish, "oc.published", { date: longDate(copy.expiresOn) });
  await page.reload();
});

async function reopen(e) {
  const button = e.currentTarget;
  button.disabled = true;
  try {
    copy = (await call("POST", `${base()}/clips/reopen`)).data;
    announce = t("oc.reopened");
  } catch (err) {
    announce = messageOf(err);
  } finally {
    button.disabled = false;
  }
  update();
}

// ---- Rendering ----
const percent = (u) => Math.floor((100 * u.received) / Math.max(1, u.size));

function uploadState(u) {
  if (u.state === "failed") return u.error;
  if (u.state === "paused") return t("oc.chooseAgain");
  if (u.state === "waiting") return t("oc.waiting");
  if (u.cancelled) return t("oc.cancelling");
  return u.retrying ? t("oc.retrying") : t("oc.sending");
}

const uploadRow = (u, i) => html`<li class="upload upload--${u.state}">
  <p class="upload__name"><strong>${u.name}</strong> <span class="upload__size">${bytes(u.size)}</span></p>
  <progress id="upload-${i}" max=${u.size} .value=${u.received} aria-label=${t("oc.progressOf", { name: u.name })}></progress>
  <p class="upload__done">${t("oc.percent", { n: number(percent(u)), done: bytes(u.received), total: bytes(u.size) })}</p>
  <p class=${u.state === "failed" ? "field-error upload__state" : "upload__state"}>${uploadState(u)}</p>
  <p class="upload__actions">
    ${u.state === "failed" && u.file ? rowButton(t("oc.retry"), u.name, () => retry(u)) : nothing}
    ${u.cancelled ? nothing : rowButton(t("oc.cancelUpload"), u.name, () => cancel(u))}
  </p>
</li>`;

const clipRow = (c) => html`<tr>
  <th scope="row">${c.fileName}${c.stored ? nothing : html` ${flag(t("oc.deleted"), "gone")}`}</th><td class="nowrap">${bytes(c.sizeBytes)}</td>
  <td class="clip-sha"><code>${c.sha256}</code></td><td>${c.uploadedByName}<br><span class="nowrap">${dateTime(c.uploadedAt)}</span></td>
  ${copy.canUpload ? html`<td>${rowButton(t("ho.remove"), c.fileName, () => removeClip(c))}</td>` : nothing}
</tr>`;

const downloadRow = (d) => html`<tr>
  <th scope="row">${d.fileName}</th><td class="nowrap">${dateTime(d.at)}</td><td class="nowrap">${bytes(d.bytesSent)}</td>
  <td class="nowrap">${d.rangeStart === null || d.rangeStart === undefined ? t("oc.fromStart") : number(d.rangeStart)}</td><td><code>${d.client}</code></td>
</tr>`;

const formats = () => limits().acceptedExtensions.map((x) => x.replace(/^\./, "").toUpperCase()).join(", ");

function uploadView() {
  return html`
    <div class="online-copy__export notice notice--warning"><p>${t("oc.exportHint")}</p></div>
    <div class="field ${choiceError ? "field--invalid" : ""}">
      <label for="online-copy-files">${t("oc.choose")}</label>
      <p class="hint" id="online-copy-files-hint">${t("oc.chooseHint", { formats: formats(), max: bytes(limits().maxClipBytes), count: limits().maxClips })}</p>
      <input type="file" id="online-copy-files" multiple aria-describedby="online-copy-files-hint online-copy-files-error"
        aria-invalid=${choiceError ? "true" : nothing} @change=${choose}>
      <p class="field-error" id="online-copy-files-error" ?hidden=${!choiceError}>${choiceError}</p>
    </div>
    ${uploads.length ? html`<ul class="uploads" id="online-copy-uploads">${uploads.map(uploadRow)}</ul>` : nothing}`;
}

function publishView() {
  if (!copy.canPublish) return html`<p class="hint">${t("oc.uploadFirst")}</p>`;
  const day = today();
  return html`<form class="online-copy__publish" novalidate @submit=${sendToApplicant}>${summary(publish)}
    ${dateField(publish, "expiresOn", {
      label: t("oc.expiresOn"), hint: `${t("hint.date")} ${t("oc.expiresOnHint", { days: limits().maxExpiryDays })}`, iso: copy.defaultExpiresOn,
      min: addDays(day, 1), max: addDays(day, limits().maxExpiryDays),
    })}
    <button type="submit" class="button button--primary">${t("oc.publish")}</button>
  </form>`;
}

const ENDED = { Expired: "oc.endedExpired", Withdrawn: "oc.endedWithdrawn", Erased: "oc.endedErased" };

function state(c) {
  if (c.endedAt) return t(ENDED[c.endedBecause] ?? "oc.ended", { at: dateTime(c.endedAt) });
  if (c.locked) return t("oc.locked", { n: c.wrongChecksToday });
  return c.wrongChecksToday ? t("oc.openWithWrong", { n: c.wrongChecksToday }) : t("oc.open");
}

function publishedView(c) {
  return html`<dl class="facts" id="online-copy-facts">
      <dt>${t("oc.publishedAt")}</dt><dd>${dateTime(c.publishedAt)} ${t("w.by", { name: c.publishedByName })}</dd>
      <dt>${t("oc.expiresOn")}</dt><dd id="online-copy-expires">${longDate(c.expiresOn)}</dd>
      <dt>${t("w.status")}</dt><dd id="online-copy-state" class=${c.locked ? "online-copy__locked" : ""}>${state(c)}</dd>
    </dl>
    ${c.locked && !c.endedAt ? html`<p><button type="button" class="button button--primary" @click=${reopen}>${t("oc.reopen")}</button></p>` : nothing}
    ${table({ id: "online-copy-downloads", cls: "downloads-table", caption: t("oc.downloadsCaption", { n: c.downloads.length }),
      head: [t("oc.colClip"), t("oc.colAt"), t("oc.colBytes"), t("oc.colFrom"), t("oc.colClient")], rows: c.downloads.map(downloadRow), empty: t("oc.noDownloads") })}`;
}

/** The section, for an approved copy whose clips may still be uploaded or were sent. */
export function onlineCopySection(d) {
  if (!applies(d) || !page) return nothing;
  if (!copy) {
    if (!loading && !loadError) queueMicrotask(load);
    return loadError ? html`<section class="panel"><p class="form-status form-status--error" role="status">${t("w.loadError", { error: loadError })}</p></section>` : nothing;
  }
  if (!copy.canUpload && !copy.publishedAt) return nothing;
  const clips = copy.clips ?? [];
  return html`<section class="panel online-copy" id="online-copy" aria-labelledby="online-copy-title">
    <h2 id="online-copy-title" tabindex="-1">${copy.publishedAt ? t("oc.sentTitle") : t("oc.title")}</h2>
    ${copy.publishedAt ? publishedView(copy) : html`<p class="hint">${t("oc.lead")}</p>${uploadView()}`}
    ${clips.length ? table({ id: "online-copy-clips", cls: "clip-table", caption: t("oc.clipsCaption", { n: clips.length }),
      head: [t("w.fileName"), t("w.size"), "SHA-256", t("oc.colUploadedBy"), ...(copy.canUpload ? [t("w.actions")] : [])], rows: clips.map(clipRow) }) : nothing}
    ${copy.canUpload ? publishView() : nothing}
    ${statusLine(publish)}
    <p class="visually-hidden" role="status">${announce}</p>
  </section>`;
}
