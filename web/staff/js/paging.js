// "Previous / Page x of y / Next" under a table; the page a button asks for goes to onGo.
import { onLangChange, t } from "../../js/i18n.js";

export function initPager(nav, onGo) {
  const prev = nav.querySelector("#page-prev");
  const next = nav.querySelector("#page-next");
  const where = nav.querySelector("#page-where");
  let state = { page: 1, pages: 1 };

  const render = () => {
    nav.hidden = state.pages <= 1;
    where.textContent = t("page.of", { page: state.page, pages: state.pages });
    prev.disabled = state.page <= 1;
    next.disabled = state.page >= state.pages;
  };
  prev.addEventListener("click", () => onGo(state.page - 1));
  next.addEventListener("click", () => onGo(state.page + 1));
  onLangChange(render);

  return {
    /** Shows page of a list of total items, pageSize a page. */
    update(page, pageSize, total) {
      state = { page, pages: Math.max(1, Math.ceil(total / Math.max(1, pageSize))) };
      render();
    },
  };
}

/** A table row with one cell across all columns (for "nothing found"). */
export function messageRow(columns, text) {
  const tr = document.createElement("tr");
  const td = document.createElement("td");
  td.colSpan = columns;
  td.className = "data-table__empty";
  td.textContent = text;
  tr.append(td);
  return tr;
}

/** A cell with text (or nodes). */
export function cell(content, { tag = "td", className = "" } = {}) {
  const el = document.createElement(tag);
  if (tag === "th") el.scope = "row";
  if (className) el.className = className;
  if (content instanceof Node) el.append(content);
  else if (Array.isArray(content)) el.append(...content);
  else el.textContent = content ?? "";
  return el;
}
