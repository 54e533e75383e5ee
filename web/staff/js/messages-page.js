// The messages that could not be sent (/staff/messages, Admin): each with its request, and "ส่งอีกครั้ง",
// which gives it a new round of attempts. A message sent again stays in the list and is followed (through
// its request's messages) until it is sent or fails again, so the administrator sees how it went.
import { busy, fail, form, html, nothing, onLangChange, requestLink, rowButton, say, startPage, statusLine, t, table, update } from "./ui.js";
import { channelText, messageCells, messageHead } from "./messages.js";
import { get, messageOf, post } from "./staff-api.js";

const f = form("messages");
// How often, and how many times, a message sent again is looked at while it waits to be sent.
const FOLLOW_EVERY_MS = 1000;
const FOLLOW_TIMES = 20;
let messages = null;

async function load() {
  f.status = { key: "common.loading" };
  update();
  try {
    messages = await get("/api/staff/messages");
    f.status = null;
  } catch (err) {
    f.status = { key: "w.loadError", values: { error: messageOf(err) }, error: true };
  }
  update();
}

function replace(message) {
  messages = messages.map((m) => (m.id === message.id ? message : m));
  say(f, "ms.retried", { ref: message.referenceNumber ?? "-", status: message.statusText });
}

const pause = () => new Promise((resolve) => setTimeout(resolve, FOLLOW_EVERY_MS));

/** Reads the message again, through its request, until it is no longer waiting to be sent. */
async function follow(message) {
  for (let i = 0; i < FOLLOW_TIMES && message.referenceNumber && message.status === "Queued"; i++) {
    await pause();
    const now = (await get(`/api/staff/requests/${encodeURIComponent(message.referenceNumber)}/messages`)).find((m) => m.id === message.id);
    if (!now) return;
    if (now.status !== message.status) replace(now);
    message = now;
  }
}

const retry = (message) => (e) => busy(e.currentTarget, async () => {
  try {
    const answer = await post(`/api/staff/messages/${encodeURIComponent(message.id)}/retry`);
    replace(answer);
    document.getElementById("messages-title").focus();
    await follow(answer);
  } catch (err) {
    fail(f, err);
  }
});

const row = (m) => html`<tr data-message-id=${m.id}>
  <th scope="row" class="nowrap">${m.referenceNumber ? requestLink(m.referenceNumber) : "-"}</th>
  ${messageCells(m)}
  <td>${m.canRetry ? rowButton(t("ms.retry"), `${m.referenceNumber ?? ""} ${channelText(m)}`, retry(m)) : nothing}</td>
</tr>`;

const view = () => html`
  <h1 id="messages-title" tabindex="-1">${t("nav.messages")}</h1>
  <p class="lead">${t("ms.failingLead")}</p>
  ${statusLine(f, "list-status")}
  ${table({ id: "failing-table", cls: "messages-table", caption: messages ? t("ms.failingCaption", { n: messages.length }) : "", busy: !messages,
    empty: messages ? t("ms.failingNone") : "", head: [t("w.reference"), ...messageHead(), t("w.actions")], rows: messages?.map(row) ?? [] })}`;

onLangChange(load);

await startPage({ page: "messages", title: () => t("nav.messages"), view, admin: true });
load();
