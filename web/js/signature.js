// The signature box: drawn with signature_pad on a canvas sized to its box and the screen's pixel
// ratio, or (for someone who cannot use a pointer, WCAG 2.1.1) a typed name that the page writes
// into the same canvas in a handwriting-style font. Either way the API receives a PNG within its
// pixel limits, and the method it was made with.
import SignaturePad from "/vendor/signature_pad/signature_pad.js";
import { settings } from "./settings.js";

const FONT = "Sriracha";
const $ = (id) => document.getElementById(id);

export function initSignature(onChange) {
  const canvas = $("signature");
  const typedName = $("typedName");
  const pad = new SignaturePad(canvas, { penColor: "#111111", minWidth: 0.8, maxWidth: 2.6 });
  let drawn = [];
  let ratio = 1;

  const method = () => document.querySelector("input[name='signatureMethod']:checked")?.value || "Drawn";
  const typed = () => method() === "Typed";
  const name = () => typedName.value.trim();

  /** The typed name, centred, in the largest size (up to the box's height) that fits the box's width. */
  function writeName() {
    const box = canvas.getBoundingClientRect();
    const ctx = canvas.getContext("2d");
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!name()) return;
    ctx.scale(ratio, ratio);
    let size = Math.min(64, box.height * 0.45);
    ctx.font = `${size}px "${FONT}", cursive`;
    const room = box.width * 0.9;
    const width = ctx.measureText(name()).width;
    if (width > room) {
      size = Math.max(10, (size * room) / width);
      ctx.font = `${size}px "${FONT}", cursive`;
    }
    ctx.fillStyle = pad.penColor;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(name(), box.width / 2, box.height / 2, room);
  }

  /** Writes the name once the font's glyphs for it are there (the browser fetches only the subsets it needs). */
  async function renderTyped() {
    const text = name();
    writeName();
    if (!text) return;
    try {
      await document.fonts.load(`32px "${FONT}"`, text);
    } catch {
      return; // the fallback face is already drawn
    }
    if (typed() && name() === text) writeName();
  }

  const resize = () => {
    const box = canvas.getBoundingClientRect();
    if (box.width === 0) return;
    // Until the server's limits are known, CSS pixels only; refit() sharpens it once they are.
    const limits = settings()?.limits;
    ratio = limits
      ? Math.min(window.devicePixelRatio || 1, limits.signatureWidth / box.width, limits.signatureHeight / box.height, 3)
      : 1;
    const strokes = typed() ? drawn : pad.toData();
    canvas.width = Math.floor(box.width * ratio);
    canvas.height = Math.floor(box.height * ratio);
    canvas.getContext("2d").scale(ratio, ratio);
    pad.clear();
    if (typed()) {
      drawn = strokes;
      renderTyped();
    } else {
      // Strokes are kept in CSS pixels, so they survive a resize (e.g. turning the phone).
      pad.fromData(strokes);
    }
  };
  new ResizeObserver(resize).observe(canvas);
  resize();

  function showMethod() {
    const isTyped = typed();
    $("typedName-field").hidden = !isTyped;
    canvas.classList.toggle("signature-canvas--typed", isTyped);
    if (isTyped) {
      // The drawing waits, untouched, in case the applicant goes back to it.
      drawn = pad.toData();
      pad.off();
      pad.clear();
      renderTyped();
    } else {
      pad.clear();
      pad.fromData(drawn);
      pad.on();
    }
    onChange(!isEmpty());
  }

  const isEmpty = () => (typed() ? name() === "" : pad.isEmpty());

  pad.addEventListener("endStroke", () => onChange(!pad.isEmpty()));
  typedName.addEventListener("input", () => {
    renderTyped();
    onChange(!isEmpty());
  });
  for (const radio of document.querySelectorAll("input[name='signatureMethod']")) {
    radio.addEventListener("change", showMethod);
  }
  for (const radio of document.querySelectorAll("input[name='penColor']")) {
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      pad.penColor = radio.value;
      if (typed()) renderTyped();
    });
  }
  $("signature-clear").addEventListener("click", () => {
    if (typed()) {
      typedName.value = "";
      writeName();
      typedName.focus();
    } else {
      pad.clear();
      drawn = [];
    }
    onChange(false);
  });
  showMethod();

  return {
    isEmpty,
    method,
    refit: resize,
    toBlob: () => new Promise((resolve) => canvas.toBlob(resolve, "image/png")),
  };
}
