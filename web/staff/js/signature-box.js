// A signature box on the staff pages (the recipient's signature at a hand-over): signature_pad on a
// canvas sized to its box and the screen's pixel ratio, kept within the API's pixel limits, with a
// clear button; maxWidth and maxHeight are the server's. The drawing is exported as base64 PNG (no data: prefix).
import SignaturePad from "/vendor/signature_pad/signature_pad.js";

export function signatureBox(canvas, clearButton, { maxWidth, maxHeight, onChange = () => {} }) {
  const pad = new SignaturePad(canvas, { penColor: "#111111", minWidth: 0.8, maxWidth: 2.6 });

  const resize = () => {
    const box = canvas.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const ratio = Math.min(window.devicePixelRatio || 1, maxWidth / box.width, maxHeight / box.height, 3);
    const strokes = pad.toData();
    canvas.width = Math.floor(box.width * ratio);
    canvas.height = Math.floor(box.height * ratio);
    canvas.getContext("2d").scale(ratio, ratio);
    pad.clear();
    // Strokes are kept in CSS pixels, so they survive a resize.
    pad.fromData(strokes);
  };
  new ResizeObserver(resize).observe(canvas);
  resize();

  pad.addEventListener("endStroke", () => onChange(!pad.isEmpty()));
  clearButton.addEventListener("click", () => {
    pad.clear();
    onChange(false);
  });

  return {
    isEmpty: () => pad.isEmpty(),
    clear: () => pad.clear(),
    toBase64: () => canvas.toDataURL("image/png").replace(/^data:image\/png;base64,/, ""),
  };
}
