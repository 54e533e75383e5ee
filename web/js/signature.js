// The signature box: signature_pad on a canvas sized to its box and the screen's pixel ratio,
// with a pen colour choice and a clear button. Exported as PNG within the API's pixel limits.
import SignaturePad from "/vendor/signature_pad/signature_pad.js";
import { settings } from "./settings.js";

export function initSignature(onChange) {
  const canvas = document.getElementById("signature");
  const pad = new SignaturePad(canvas, { penColor: "#111111", minWidth: 0.8, maxWidth: 2.6 });

  const resize = () => {
    const box = canvas.getBoundingClientRect();
    if (box.width === 0) return;
    // Until the server's limits are known, CSS pixels only; refit() sharpens it once they are.
    const limits = settings()?.limits;
    const ratio = limits
      ? Math.min(window.devicePixelRatio || 1, limits.signatureWidth / box.width, limits.signatureHeight / box.height, 3)
      : 1;
    const strokes = pad.toData();
    canvas.width = Math.floor(box.width * ratio);
    canvas.height = Math.floor(box.height * ratio);
    canvas.getContext("2d").scale(ratio, ratio);
    pad.clear();
    // Strokes are kept in CSS pixels, so they survive a resize (e.g. turning the phone).
    pad.fromData(strokes);
  };
  new ResizeObserver(resize).observe(canvas);
  resize();

  pad.addEventListener("endStroke", () => onChange(!pad.isEmpty()));
  for (const radio of document.querySelectorAll("input[name='penColor']")) {
    radio.addEventListener("change", () => {
      if (radio.checked) pad.penColor = radio.value;
    });
  }
  document.getElementById("signature-clear").addEventListener("click", () => {
    pad.clear();
    onChange(false);
  });

  return {
    isEmpty: () => pad.isEmpty(),
    refit: resize,
    toBlob: () => new Promise((resolve) => canvas.toBlob(resolve, "image/png")),
  };
}
