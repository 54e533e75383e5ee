// The citizens' e-mails and SMS as staff see them (ADR 0016), for the request page and the failing
// messages page alike: channel, what it told, status (the server's words), the address as the server
// masks it, attempts, the last error and when. Never a body or a full address: the API sends neither.
import { badge, dateTime, html, nothing, t, table } from "./ui.js";

const CHANNELS = { Email: "w.email", Sms: "ms.sms" };
const EVENTS = {
  Submitted: "ms.evSubmitted", Received: "ms.evReceived", Approved: "ms.evApproved", Cancelled: "ms.evCancelled",
  AppointmentBooked: "ms.evAppointmentBooked", AppointmentChanged: "ms.evAppointmentChanged", AppointmentCancelled: "ms.evAppointmentCancelled",
  AppointmentReminder: "ms.evAppointmentReminder",
};

export const channelText = (m) => t(CHANNELS[m.channel] ?? m.channel);

/** Written at; then sent at, or when the next attempt is due. */
const when = (m) => html`<span class="cell-main nowrap">${dateTime(m.createdAt)}</span>${m.sentAt
  ? html`<span class="cell-sub">${t("ms.sentAt", { at: dateTime(m.sentAt) })}</span>`
  : m.nextAttemptAt ? html`<span class="cell-sub">${t("ms.nextAt", { at: dateTime(m.nextAttemptAt) })}</span>` : nothing}`;

/** The cells of one message, after whatever the page puts first. */
export const messageCells = (m) => html`
  <td>${channelText(m)}</td>
  <td>${t(EVENTS[m.event] ?? m.event)}</td>
  <td>${badge(`message-${m.status}`, m.statusText)}</td>
  <td class="nowrap">${m.recipient ?? "-"}</td>
  <td class="num">${m.attempts}</td>
  <td>${m.lastError ? html`<span class="message-error">${m.lastError}</span>` : "-"}</td>
  <td>${when(m)}</td>`;

export const messageHead = () => [t("ms.colChannel"), t("ms.colEvent"), t("w.status"), t("w.recipient"), [t("ms.colAttempts"), "num"], t("ms.colError"), t("au.colTime")];

/** One request's messages, oldest first (null while loading; { error } when they could not be read). */
export const requestMessages = (list) => html`<section class="panel" id="d-messages"><h2>${t("ms.title")}</h2>
  <p class="hint">${t("ms.hint")}</p>
  ${list?.error ? html`<p class="form-status form-status--error" role="status">${t("w.loadError", { error: list.error })}</p>` : table({
    id: "messages-table", cls: "messages-table", caption: t("ms.caption", { n: list?.length ?? 0 }), head: messageHead(), busy: !list,
    empty: list ? t("ms.none") : t("common.loading"), rows: (list ?? []).map((m) => html`<tr data-message-id=${m.id}>${messageCells(m)}</tr>`),
  })}</section>`;
