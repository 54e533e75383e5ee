// One editor for a list of records (stations, cancellation reasons): a table with an edit button on
// each row, and below it one form that adds a record or, after an edit button, saves that one.
import { control, form, html, onSubmit, rowButton, say, showErrors, statusLine, summary, t, table, update } from "./ui.js";

/**
 * id names the form; row(item, editButton) draws a row; fields(f, editing) the form's fields;
 * fill(item | null) their values; send(f, editing) saves and answers the status to show; an edit
 * button puts the focus on the field focusOnEdit.
 */
export function listEditor({ id, caption, head, row, nameOf, fields, fill, send, titles, addLabel, focusOnEdit }) {
  const f = form(id);
  let editing = null;
  let items = [];

  function start(item) {
    editing = item;
    showErrors(f, {});
    update();
    for (const [name, value] of Object.entries(fill(item))) {
      const el = control(f, name);
      if (el?.type === "checkbox") el.checked = value;
      else if (el) el.value = value ?? "";
    }
  }

  const submit = onSubmit(f, async () => {
    const done = await send(f, editing);
    start(null);
    say(f, done.key, done.values);
  });

  const stop = () => {
    start(null);
    control(f, [...f.names][0])?.focus();
  };

  return {
    /** The records shown; the form starts (again) as a new record's. */
    set(list) {
      items = list;
      start(editing && items.find((i) => nameOf(i) === nameOf(editing)) ? editing : null);
    },
    get items() {
      return items;
    },
    view: () => html`
      ${table({ id: `${id}-table`, cls: "settings-table", caption: caption(items.length), head: [...head(), t("w.actions")], empty: "-",
        rows: items.map((item) => row(item, html`<td>${rowButton(t("w.edit"), nameOf(item), () => {
          start(item);
          control(f, focusOnEdit)?.focus();
        })}</td>`)) })}
      <form id="${id}-form" class="settings-form" novalidate @submit=${submit}>
        <h3>${editing ? titles.edit(editing) : titles.add()}</h3>
        ${summary(f)}
        <div class="settings-grid">${fields(f, editing)}</div>
        <div class="button-row">${editing
          ? html`<button type="submit" class="button button--primary">${t("w.save")}</button>
            <button type="button" class="button button--secondary" @click=${stop}>${t("w.stopEditing")}</button>`
          : html`<button type="submit" class="button button--primary">${addLabel()}</button>`}</div>
        ${statusLine(f)}
      </form>`,
  };
}

/** The values of some of a form's fields: text trimmed, checkboxes as booleans, numbers as numbers. */
export function valuesOf(f, names, numbers = []) {
  return Object.fromEntries(names.map((name) => {
    const el = control(f, name);
    const value = el.type === "checkbox" ? el.checked : el.value.trim();
    return [name, numbers.includes(name) ? (value === "" ? null : Number(value)) : value];
  }));
}
