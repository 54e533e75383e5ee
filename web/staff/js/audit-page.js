// The audit log (/staff/audit, Admin): who did what, when, from where, on which request. Filters
// live in the address so a reload or the back button keeps them.
import {
  addressState, dateField, dateOf, dateTime, fail, field, form, html, isoDate, lengthOf, nothing, onLangChange, option, pageNumber, pager, requestLink, showErrors,
  startPage, statusLine, t, table, text, update, valueOf,
} from "./ui.js";
import { get, messageOf, withQuery } from "./staff-api.js";

const FILTERS = ["referenceNumber", "userEmail", "action", "from", "to"];
const f = form("audit");
const address = addressState({ referenceNumber: text, userEmail: text, action: text, from: isoDate, to: isoDate, page: pageNumber }, load);
let data = null;
let loads = 0;

async function load() {
  const mine = ++loads;
  f.status = { key: "common.loading" };
  update();
  try {
    const answer = await get(withQuery("/api/staff/audit", address.value));
    if (mine !== loads) return;
    data = answer;
    f.status = { key: "w.found", values: { total: data.total } };
  } catch (err) {
    if (mine !== loads) return;
    if (err.status === 400) return fail(f, err);
    f.status = { key: "w.loadError", values: { error: messageOf(err) }, error: true };
  }
  update();
}

function search(e) {
  e.preventDefault();
  const changes = { referenceNumber: valueOf(f, "referenceNumber"), userEmail: valueOf(f, "userEmail"), action: valueOf(f, "action"), from: dateOf(f, "from"), to: dateOf(f, "to") };
  const errors = Object.fromEntries(["from", "to"].filter((d) => changes[d] === null).map((d) => [d, t("err.date.invalid")]));
  if (!showErrors(f, errors)) address.go(changes);
}

const details = (d) => (typeof d === "string" || d == null ? d ?? "" : JSON.stringify(d));

const row = (item) => html`<tr>
  <th scope="row" class="nowrap">${dateTime(item.at)}</th>
  <td>${item.userName ? html`<span class="cell-main">${item.userName}</span>` : nothing}${item.userEmail ? html`<span class="cell-sub">${item.userEmail}</span>` : nothing}</td>
  <td>${item.actionText || item.action}</td>
  <td class="nowrap">${item.referenceNumber ? requestLink(item.referenceNumber) : nothing}</td>
  <td>${item.clientAddress ?? ""}</td>
  <td><span class="prewrap">${details(item.details)}</span></td></tr>`;

function view() {
  const s = address.value;
  const actions = data?.actions ?? (s.action ? [{ code: s.action, text: s.action }] : []);
  return html`
    <h1>${t("nav.audit")}</h1>
    <form class="filters" id="audit-form" role="search" novalidate @submit=${search}>
      <fieldset class="filters__more"><legend>${t("w.filters")}</legend>
        <div class="filters__grid">
          ${field(f, "referenceNumber", { label: t("w.reference"),
            input: (id, described, invalid) => html`<input id=${id} type="text" aria-invalid=${invalid} maxlength=${lengthOf("audit.referenceNumber").max} data-limit="audit.referenceNumber" autocomplete="off" spellcheck="false" aria-describedby=${described} .value=${s.referenceNumber}>` })}
          ${field(f, "userEmail", { label: t("au.userEmail"),
            input: (id, described, invalid) => html`<input id=${id} type="email" aria-invalid=${invalid} maxlength=${lengthOf("audit.userEmail").max} data-limit="audit.userEmail" autocomplete="off" spellcheck="false" aria-describedby=${described} .value=${s.userEmail}>` })}
          ${field(f, "action", { label: t("au.action"), input: (id) => html`<select id=${id} @change=${(e) => address.go({ action: e.target.value })}>
            ${option("", t("au.allActions"))}${actions.map((a) => option(a.code, a.text, a.code === s.action))}</select>` })}
          ${dateField(f, "from", { label: t("w.from"), iso: s.from })}
          ${dateField(f, "to", { label: t("w.to"), iso: s.to })}
        </div>
        <div class="button-row">
          <button type="submit" class="button button--primary">${t("w.search")}</button>
          <button type="button" class="button button--secondary" @click=${() => {
            address.go(Object.fromEntries(FILTERS.map((name) => [name, ""])));
            document.getElementById("audit-referenceNumber").focus();
          }}>${t("q.clear")}</button>
        </div>
      </fieldset>
    </form>
    ${statusLine(f, "list-status")}
    ${table({ id: "audit-table", cls: "audit-table", caption: data ? t("au.caption", { total: data.total }) : "", empty: data ? t("au.none") : "",
      head: [t("au.colTime"), t("au.colUser"), t("au.action"), t("w.reference"), t("au.colClient"), t("au.colDetails")], rows: data?.items.map(row) ?? [] })}
    ${data ? pager("audit-pager", data, address.go) : nothing}`;
}

onLangChange(load);

await startPage({ page: "audit", title: () => t("nav.audit"), view, admin: true });
address.write();
load();
