// The audit log (/staff/audit, Admin): who did what, when, from where, on which request. Filters
// live in the address so a reload or the back button keeps them.
import "./texts.js";
import { formatInstant } from "../../js/dates.js";
import { lang, onLangChange, t } from "../../js/i18n.js";
import { say, setStatus } from "./forms.js";
import { cell, initPager, messageRow } from "./paging.js";
import { isAdmin, startSignedInPage } from "./session.js";
import { get, messageOf, withQuery } from "./staff-api.js";

const $ = (id) => document.getElementById(id);
const FILTERS = ["referenceNumber", "userEmail", "action", "from", "to"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COLUMNS = 6;

let state = readUrl();
let data = null;
let loads = 0;
const pager = initPager($("audit-pager"), (page) => go({ page }));

function readUrl() {
  const p = new URLSearchParams(location.search);
  const result = { page: Math.max(1, Number.parseInt(p.get("page") ?? "", 10) || 1) };
  for (const name of FILTERS) {
    const value = (p.get(name) ?? "").trim();
    result[name] = name === "from" || name === "to" ? (ISO_DATE.test(value) ? value : "") : value;
  }
  return result;
}

function urlOf(s) {
  return withQuery(location.pathname, { ...Object.fromEntries(FILTERS.map((f) => [f, s[f]])), page: s.page > 1 ? s.page : "" });
}

function go(changes) {
  state = { ...state, page: 1, ...changes };
  history.pushState(null, "", urlOf(state));
  fillForm();
  load();
}

function fillForm() {
  for (const name of FILTERS) {
    const el = $(name);
    if (name === "action" && state.action && ![...el.options].some((o) => o.value === state.action)) {
      // The list of actions arrives with the first answer; keep the chosen one until then.
      const option = document.createElement("option");
      option.value = state.action;
      option.textContent = state.action;
      el.append(option);
    }
    el.value = state[name];
  }
}

function renderActions() {
  if (!data?.actions) return;
  const select = $("action");
  select.replaceChildren(select.options[0], ...data.actions.map((a) => {
    const option = document.createElement("option");
    option.value = a.code;
    option.textContent = a.text;
    return option;
  }));
  select.value = state.action;
}

async function load() {
  const mine = ++loads;
  const table = $("audit-body").closest("table");
  table.setAttribute("aria-busy", "true");
  say($("audit-status"), "common.loading");
  try {
    const answer = await get(withQuery("/api/staff/audit", { ...Object.fromEntries(FILTERS.map((f) => [f, state[f]])), page: state.page }));
    if (mine !== loads) return;
    data = answer;
    render();
    say($("audit-status"), "au.found", { total: data.total });
  } catch (err) {
    if (mine !== loads) return;
    setStatus($("audit-status"), `${t("au.loadError")}: ${messageOf(err)}`, true);
  } finally {
    if (mine === loads) table.removeAttribute("aria-busy");
  }
}

function render() {
  if (!data) return;
  renderActions();
  const l = lang();
  $("audit-caption").textContent = t("au.caption", { total: data.total });
  const body = $("audit-body");
  if (data.items.length === 0) {
    body.replaceChildren(messageRow(COLUMNS, t("au.none")));
  } else {
    body.replaceChildren(...data.items.map((item) => {
      const tr = document.createElement("tr");
      const user = [];
      if (item.userName) {
        const name = document.createElement("span");
        name.className = "cell-main";
        name.textContent = item.userName;
        user.push(name);
      }
      if (item.userEmail) {
        const email = document.createElement("span");
        email.className = "cell-sub";
        email.textContent = item.userEmail;
        user.push(email);
      }
      let reference = "";
      if (item.referenceNumber) {
        reference = document.createElement("a");
        reference.href = `/staff/requests/${encodeURIComponent(item.referenceNumber)}`;
        reference.textContent = item.referenceNumber;
      }
      const details = document.createElement("span");
      details.className = "prewrap";
      details.textContent = typeof item.details === "string" || item.details == null ? (item.details ?? "") : JSON.stringify(item.details);
      tr.append(
        cell(formatInstant(item.at, l), { tag: "th", className: "nowrap" }),
        cell(user),
        cell(item.actionText || item.action),
        cell(reference, { className: "nowrap" }),
        cell(item.clientAddress ?? ""),
        cell(details),
      );
      return tr;
    }));
  }
  pager.update(data.page, data.pageSize, data.total);
}

$("audit-form").addEventListener("submit", (e) => {
  e.preventDefault();
  go(Object.fromEntries(FILTERS.map((f) => [f, $(f).value.trim()])));
});
$("action").addEventListener("change", () => go({ action: $("action").value }));
$("audit-clear").addEventListener("click", () => {
  go(Object.fromEntries(FILTERS.map((f) => [f, ""])));
  $("referenceNumber").focus();
});
window.addEventListener("popstate", () => {
  state = readUrl();
  fillForm();
  load();
});
onLangChange(() => {
  render();
  load();
});

const me = await startSignedInPage();
if (!isAdmin(me)) {
  $("admin-only").hidden = false;
} else {
  $("admin-content").hidden = false;
  history.replaceState(null, "", urlOf(state));
  fillForm();
  load();
}
