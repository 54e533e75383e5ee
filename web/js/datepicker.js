// A typed dd/mm/yyyy field (BE in Thai, CE in English) with a calendar that shows Thai month names,
// BE years and the weekday heads อา. จ. อ. พ. พฤ. ศ. ส. The chosen date is kept as ISO in
// input.dataset.iso; the API only ever sees that.
import { MONTHS, WEEKDAYS, addDays, formatLong, formatShort, isoOf, parseTyped, partsOf, todayIso } from "./dates.js";
import { lang, onLangChange, t } from "./i18n.js";

export function initDateField(wrapper, { onChange = () => {} } = {}) {
  const input = wrapper.querySelector("input");
  const toggle = wrapper.querySelector(".date-field__open");
  // data-max: "today" or an ISO day; data-min: an ISO day (the days outside cannot be picked).
  const bound = (value) => (value === "today" ? todayIso() : /^\d{4}-\d{2}-\d{2}$/.test(value ?? "") ? value : null);
  const maxIso = () => bound(wrapper.dataset.max);
  const minIso = () => bound(wrapper.dataset.min);
  let popup = null;
  let focusIso = null;

  const setIso = (iso, { reformat = true } = {}) => {
    if (iso) input.dataset.iso = iso;
    else delete input.dataset.iso;
    if (iso && reformat) input.value = formatShort(iso, lang());
    onChange(iso);
  };

  input.addEventListener("change", () => {
    const text = input.value.trim();
    if (text === "") return setIso(null, { reformat: false });
    const iso = parseTyped(text, lang());
    setIso(iso, { reformat: iso !== null });
  });
  onLangChange(() => {
    if (input.dataset.iso) input.value = formatShort(input.dataset.iso, lang());
    if (popup) render();
  });

  function close({ restoreFocus = true } = {}) {
    if (!popup) return;
    popup.remove();
    popup = null;
    toggle.setAttribute("aria-expanded", "false");
    document.removeEventListener("pointerdown", outside, true);
    if (restoreFocus) toggle.focus();
  }

  function outside(e) {
    if (popup && !wrapper.contains(e.target)) close({ restoreFocus: false });
  }

  function dayButton(iso, inMonth) {
    const { d } = partsOf(iso);
    const b = document.createElement("button");
    b.type = "button";
    b.className = "calendar__day";
    b.textContent = String(d);
    b.dataset.iso = iso;
    b.setAttribute("aria-label", formatLong(iso, lang()));
    b.tabIndex = iso === focusIso ? 0 : -1;
    if (!inMonth) b.classList.add("calendar__day--outside");
    if (iso === todayIso()) b.setAttribute("aria-current", "date");
    if (iso === input.dataset.iso) b.setAttribute("aria-pressed", "true");
    const max = maxIso();
    const min = minIso();
    if ((max && iso > max) || (min && iso < min)) b.disabled = true;
    b.addEventListener("click", () => {
      setIso(iso);
      close();
      input.focus();
    });
    return b;
  }

  function render() {
    const l = lang();
    const { y, m } = partsOf(focusIso);
    const title = popup.querySelector(".calendar__title");
    title.textContent = `${MONTHS[l][m - 1]} ${l === "th" ? y + 543 : y}`;
    popup.setAttribute("aria-label", `${t("date.dialog")} ${title.textContent}`);
    popup.querySelector(".calendar__prev").setAttribute("aria-label", t("date.prevMonth"));
    popup.querySelector(".calendar__next").setAttribute("aria-label", t("date.nextMonth"));
    const max = maxIso() && partsOf(maxIso());
    popup.querySelector(".calendar__next").disabled = Boolean(max && (y > max.y || (y === max.y && m >= max.m)));
    const min = minIso() && partsOf(minIso());
    popup.querySelector(".calendar__prev").disabled = Boolean(min && (y < min.y || (y === min.y && m <= min.m)));

    const head = popup.querySelector("thead tr");
    head.replaceChildren(...WEEKDAYS[l].map((name) => {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = name;
      return th;
    }));

    const first = isoOf(y, m, 1);
    const start = addDays(first, -new Date(Date.UTC(y, m - 1, 1)).getUTCDay());
    const body = popup.querySelector("tbody");
    const rows = [];
    for (let week = 0; week < 6; week++) {
      const tr = document.createElement("tr");
      for (let day = 0; day < 7; day++) {
        const iso = addDays(start, week * 7 + day);
        const td = document.createElement("td");
        td.append(dayButton(iso, partsOf(iso).m === m));
        tr.append(td);
      }
      if (week < 5 || partsOf(addDays(start, week * 7)).m === m) rows.push(tr);
    }
    body.replaceChildren(...rows);
  }

  function moveFocus(iso) {
    const max = maxIso();
    const min = minIso();
    if (max && iso > max) iso = max;
    if (min && iso < min) iso = min;
    focusIso = iso;
    render();
    popup.querySelector(`button[data-iso="${iso}"]`)?.focus();
  }

  function open() {
    if (popup) return close();
    focusIso = input.dataset.iso || parseTyped(input.value, lang()) || maxIso() || todayIso();
    popup = document.createElement("div");
    popup.className = "calendar";
    popup.setAttribute("role", "dialog");
    popup.innerHTML = `
      <div class="calendar__header">
        <button type="button" class="calendar__prev"><span aria-hidden="true">‹</span></button>
        <p class="calendar__title" aria-live="polite"></p>
        <button type="button" class="calendar__next"><span aria-hidden="true">›</span></button>
      </div>
      <table class="calendar__grid" role="grid"><thead><tr></tr></thead><tbody></tbody></table>`;
    popup.querySelector(".calendar__prev").addEventListener("click", () => {
      const { y, m } = partsOf(focusIso);
      focusIso = isoOf(m === 1 ? y - 1 : y, m === 1 ? 12 : m - 1, 1);
      render();
    });
    popup.querySelector(".calendar__next").addEventListener("click", () => {
      const { y, m } = partsOf(focusIso);
      focusIso = isoOf(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1);
      render();
    });
    popup.addEventListener("keydown", (e) => {
      const day = e.target.closest?.(".calendar__day");
      const keys = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
      if (e.key === "Escape") {
        e.preventDefault();
        close();
      } else if (day && e.key in keys) {
        e.preventDefault();
        moveFocus(addDays(day.dataset.iso, keys[e.key]));
      } else if (day && (e.key === "PageUp" || e.key === "PageDown")) {
        e.preventDefault();
        const { y, m, d } = partsOf(day.dataset.iso);
        const delta = e.key === "PageUp" ? -1 : 1;
        const target = new Date(Date.UTC(y, m - 1 + delta, 1));
        const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
        moveFocus(isoOf(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(d, last)));
      }
    });
    wrapper.append(popup);
    toggle.setAttribute("aria-expanded", "true");
    render();
    popup.querySelector(`button[data-iso="${focusIso}"]`)?.focus();
    document.addEventListener("pointerdown", outside, true);
  }

  toggle.setAttribute("aria-expanded", "false");
  toggle.addEventListener("click", open);
  return { setIso, get iso() { return input.dataset.iso || null; } };
}
