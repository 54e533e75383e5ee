// The document pickers: each chosen file is listed by name and size (with a thumbnail for
// images) and can be removed. Type and size are checked here first; the server checks the
// content again.
import { t } from "./i18n.js";
import { settings } from "./settings.js";

const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

const state = { idCardCopy: [], policeReport: [], otherDocuments: [] };
const objectUrls = new Map();

export function filesOf(field) {
  return state[field];
}

export function totalBytes() {
  return Object.values(state).flat().reduce((sum, f) => sum + f.size, 0);
}

function accepted(file) {
  return settings().limits.fileTypes.includes(file.type) || (file.type === "" && EXTENSIONS.test(file.name));
}

/** The server's message for a refused file, with its name. */
function refused(template, file) {
  return template.replace("{name}", file.name);
}

function sizeText(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function render(field) {
  const list = document.getElementById(`${field}-list`);
  list.replaceChildren(...state[field].map((file, index) => {
    const item = document.createElement("li");
    item.className = "file-list__item";
    if (file.type.startsWith("image/")) {
      if (!objectUrls.has(file)) objectUrls.set(file, URL.createObjectURL(file));
      const img = document.createElement("img");
      img.src = objectUrls.get(file);
      img.alt = "";
      img.width = 48;
      img.height = 48;
      img.className = "file-list__thumb";
      item.append(img);
    } else {
      const badge = document.createElement("span");
      badge.className = "file-list__badge";
      badge.setAttribute("aria-hidden", "true");
      badge.textContent = "PDF";
      item.append(badge);
    }
    const name = document.createElement("span");
    name.className = "file-list__name";
    name.textContent = `${file.name} (${sizeText(file.size)})`;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button--small button--secondary";
    remove.textContent = t("file.remove");
    remove.setAttribute("aria-label", t("file.removeNamed", { name: file.name }));
    remove.addEventListener("click", () => {
      const [gone] = state[field].splice(index, 1);
      if (objectUrls.has(gone)) {
        URL.revokeObjectURL(objectUrls.get(gone));
        objectUrls.delete(gone);
      }
      render(field);
      document.getElementById(field).focus();
    });
    item.append(name, remove);
    return item;
  }));
}

/**
 * Wires a file input. onProblem(field, message|null) reports a refused file beside the field.
 * The input is emptied after each choice: the list, not the input, holds the files.
 */
export function initFileField(field, onProblem) {
  const input = document.getElementById(field);
  input.addEventListener("change", () => {
    const chosen = [...input.files];
    input.value = "";
    const problems = [];
    const { limits, fileMessages } = settings();
    for (const file of chosen) {
      if (!accepted(file)) {
        problems.push(refused(fileMessages.wrongType, file));
      } else if (file.size > limits.fileBytes) {
        problems.push(refused(fileMessages.tooLarge, file));
      } else if (totalBytes() + file.size - (input.multiple ? 0 : state[field].reduce((s, f) => s + f.size, 0)) > limits.totalBytes) {
        problems.push(fileMessages.totalTooLarge);
      } else if (input.multiple && state[field].length >= limits.otherDocumentsMax) {
        problems.push(fileMessages.tooManyOthers);
      } else if (input.multiple) {
        state[field].push(file);
      } else {
        state[field] = [file];
      }
    }
    render(field);
    onProblem(field, problems.length ? problems.join(" ") : null);
  });
}

export function rerenderAll() {
  for (const field of Object.keys(state)) render(field);
}
