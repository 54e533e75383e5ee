// The hand-over of an approved copy (SPEC §8.12) on the request page: the clips are hashed here, one
// after another (file.arrayBuffer() reads a whole file into memory), and only their name, size and
// SHA-256 are sent, with the medium, the recipient and the recipient's signature.
import { bytes, dateTime, field, form, fullName, html, nothing, onSubmit, rules, say, setValue, showErrors, statusLine, summary, t, table, update, valueOf } from "./ui.js";
import { signatureBox } from "./signature-box.js";

const f = form("handover", { signaturepng: "signature" });
const clips = [];
let hashing = false;
let pad = null;
let page = null;
let hashStatus = "";

/** Wires the form to the page: the detail shown and the page's change(path, body, form). */
export function startHandOver(context) {
  page = context;
  update();
}

const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
const maxClips = () => rules().handOver.maxClips;

function progress() {
  const done = clips.filter((c) => c.state === "hashed").length;
  hashStatus = !clips.length ? "" : done === clips.length ? t("ho.allHashed", { total: clips.length }) : t("ho.progress", { done, total: clips.length });
  update();
}

async function hashAll() {
  if (hashing) return;
  hashing = true;
  for (let c = clips.find((x) => x.state === "waiting"); c; c = clips.find((x) => x.state === "waiting")) {
    c.state = "hashing";
    progress();
    try {
      if (c.size === 0) throw new Error(t("ho.emptyFile"));
      c.sha256 = hex(await crypto.subtle.digest("SHA-256", await c.file.arrayBuffer()));
      c.file = null;
      c.state = "hashed";
      // The same file chosen twice (from another folder, say): listed once.
      if (clips.some((x) => x !== c && x.sha256 === c.sha256)) {
        clips.splice(clips.indexOf(c), 1);
        f.errors = { clips: t("ho.duplicate", { name: c.name }) };
      }
    } catch (err) {
      c.state = "failed";
      c.error = err?.message || String(err);
    }
    progress();
  }
  hashing = false;
}

function choose(e) {
  const problems = [];
  if (!globalThis.crypto?.subtle) problems.push(t("ho.noCrypto"));
  else {
    for (const file of e.target.files) {
      const key = `${file.name}|${file.size}|${file.lastModified}`;
      if (clips.some((c) => c.key === key)) problems.push(t("ho.duplicate", { name: file.name }));
      else if (clips.length >= maxClips()) {
        problems.push(t("ho.tooMany", { max: maxClips() }));
        break;
      } else clips.push({ key, file, name: file.name, size: file.size, sha256: "", state: "waiting" });
    }
  }
  e.target.value = "";
  f.errors = problems.length ? { clips: problems.join(" ") } : {};
  progress();
  hashAll();
}

const send = onSubmit(f, async () => {
  const missing = {};
  if (clips.length === 0) missing.clips = t("ho.clipsMissing");
  else if (clips.some((c) => c.state === "waiting" || c.state === "hashing")) missing.clips = t("ho.stillHashing");
  else if (clips.some((c) => c.state === "failed")) missing.clips = t("ho.hashErrors");
  if (pad.isEmpty()) missing.signature = t("ho.signatureMissing");
  if (showErrors(f, missing)) return;
  const body = {
    medium: valueOf(f, "medium"),
    receivedBy: valueOf(f, "receivedBy"),
    clips: clips.map((c) => ({ fileName: c.name, sizeBytes: c.size, sha256: c.sha256 })),
    signaturePng: pad.toBase64(),
  };
  if (!(await page.change("handover", body, f))) return;
  clips.length = 0;
  hashStatus = "";
  setValue(f, "medium", "");
  setValue(f, "receivedBy", fullName(page.detail().applicant));
  pad.clear();
  say(f, "ho.done");
});

function clipState(c) {
  if (c.state === "failed") return t("ho.hashFailed", { error: c.error });
  return { waiting: t("ho.waiting"), hashing: t("ho.hashing"), hashed: t("ho.hashed") }[c.state];
}

const clipRow = (c) => html`<tr class="clip clip--${c.state}">
  <th scope="row">${c.name}</th><td class="nowrap">${bytes(c.size)}</td>
  <td class="clip-sha">${c.sha256 ? html`<code>${c.sha256}</code>` : nothing}</td><td>${clipState(c)}</td>
  <td><button type="button" class="button button--secondary button--small" @click=${() => {
    clips.splice(clips.indexOf(c), 1);
    progress();
    document.getElementById("handover-clips").focus();
  }}>${t("ho.remove")}<span class="visually-hidden"> ${c.name}</span></button></td></tr>`;

const handOverRow = (d, h) => html`<tr><th scope="row" class="nowrap">${dateTime(h.at)}</th><td>${h.recordedByName}</td><td>${h.medium}</td>
  <td>${h.receivedBy}</td><td>${t("ho.clipsCount", { n: h.clips?.length ?? 0 })}</td>
  <td><a href="/staff/requests/${encodeURIComponent(d.referenceNumber)}/handovers/${encodeURIComponent(h.id)}">${t("ho.receipt")}<span class="visually-hidden"> ${dateTime(h.at)}</span></a></td></tr>`;

/** The signature pad, once its canvas is on the page. */
function ensurePad() {
  const canvas = document.getElementById("handover-signature");
  if (!canvas || pad) return;
  pad = signatureBox(canvas, document.getElementById("handover-signature-clear"), {
    maxWidth: rules().handOver.signatureWidth,
    maxHeight: rules().handOver.signatureHeight,
    onChange: (drawn) => {
      if (!drawn || !f.errors.signature) return;
      delete f.errors.signature;
      update();
    },
  });
  setValue(f, "receivedBy", fullName(page.detail().applicant));
}

function formView() {
  queueMicrotask(ensurePad);
  f.names.add("signature");
  const signatureError = f.errors.signature;
  return html`<form id="handover-form" class="handover-form" novalidate @submit=${send}>
    ${summary(f)}
    <h3>${t("ho.newTitle")}</h3>
    ${field(f, "clips", { label: t("ho.clips"), hint: t("ho.clipsHint"), input: (id, described) => html`<input type="file" id=${id} multiple aria-describedby=${described} @change=${choose}>` })}
    <p class="form-status hash-status" id="hash-status" role="status">${hashStatus}</p>
    ${clips.length ? table({ id: "clip-list", cls: "clip-table", caption: t("ho.clipsCaption", { n: clips.length }),
      head: [t("w.fileName"), t("w.size"), "SHA-256", t("w.status"), t("w.actions")], rows: clips.map(clipRow) }) : nothing}
    <div class="handover-form__grid">
      ${field(f, "medium", { label: t("w.medium"), hint: t("ho.mediumHint"), limit: "handOver.medium" })}
      ${field(f, "receivedBy", { label: t("w.recipient"), hint: t("ho.receivedByHint"), limit: "handOver.receivedBy" })}
    </div>
    <fieldset class="group ${signatureError ? "field--invalid" : ""}">
      <legend id="handover-signature-legend">${t("ho.signature")}</legend>
      <p class="hint" id="handover-signature-hint">${t("ho.signatureHint")}</p>
      <div class="signature-box"><canvas id="handover-signature" class="signature-canvas" tabindex="-1" role="img" aria-labelledby="handover-signature-legend"
        aria-describedby="handover-signature-hint handover-signature-error" aria-invalid=${signatureError ? "true" : nothing}></canvas></div>
      <div class="signature-tools"><button type="button" class="button button--secondary button--small" id="handover-signature-clear">${t("field.clearSignature")}</button></div>
      <p class="field-error" id="handover-signature-error" ?hidden=${!signatureError}>${signatureError ?? ""}</p>
    </fieldset>
    <button type="submit" class="button button--primary">${t("ho.submit")}</button>
    ${statusLine(f)}
  </form>`;
}

/** The hand-overs recorded and, while one may be recorded, the form. */
export function handOverSection(d, allowed) {
  const list = d.handOvers ?? [];
  if (!allowed && !list.length) return nothing;
  return html`<section class="panel handover" id="handover-section">
    <h2>${t("ho.title")}</h2>
    ${list.length ? table({ id: "handover-list", cls: "handover-table", caption: t("ho.caption"),
      head: [t("w.handedOverOn"), t("ho.colBy"), t("w.medium"), t("w.recipient"), t("ho.colClips"), t("ho.receipt")], rows: list.map((h) => handOverRow(d, h)) })
      : html`<p class="hint">${t("ho.none")}</p>`}
    ${allowed && page ? formView() : nothing}
  </section>`;
}
