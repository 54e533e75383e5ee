// นัดหมายเข้าชมภาพ on the status page (SPEC decision 17): an approved viewing is booked by the applicant. As for the
// clips, the status link alone books nothing: the request's national ID or passport is typed again, then every call
// carries it. The free times, the places, what to bring and every limit come from the server; a time taken meanwhile
// is a 409 whose message names the next free times, and the page offers them at once.
import { ApiError, postJson } from "./api.js";
import { initDateField } from "./datepicker.js";
import { formatShort, isoOf } from "./dates.js";
import { lang, onLangChange, t } from "./i18n.js";
import { normalizePassport, renderCountries } from "./identity.js";
import { loadSettings } from "./settings.js";
import { checkId, normalizeId } from "./thai-id.js";

const $ = (id) => document.getElementById(id);
let token = null;
let status = null;
let identity = null;
let overview = null;
let slots = [];
let chosen = null;
let moving = false;
let problem = "";
let dayField = null;

const pad = (n) => String(n).padStart(2, "0");
const bangkok = (instant) => new Date(new Date(instant).getTime() + 7 * 3600 * 1000);
const dayOf = (instant) => { const b = bangkok(instant); return isoOf(b.getUTCFullYear(), b.getUTCMonth() + 1, b.getUTCDate()); };
const timeOf = (instant) => { const b = bangkok(instant); return `${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`; };
const when = (start, end) => t("ap.whenText", { day: formatShort(dayOf(start), lang()), from: timeOf(start), to: timeOf(end) });
const passport = () => $("ap-kind").value === "passport";

function fieldError(id, message) {
  $(`${id}-error`).textContent = message || "";
  $(`${id}-error`).hidden = !message;
  if (message) $(id).setAttribute("aria-invalid", "true");
  else $(id).removeAttribute("aria-invalid");
}

async function showKind() {
  $("ap-country-field").hidden = !passport();
  $("ap-id").inputMode = passport() ? "text" : "numeric";
  $("ap-id-label").textContent = t(passport() ? "ap.passport" : "ap.id");
  if (passport()) {
    await loadSettings().catch(() => null);
    renderCountries($("ap-country"));
  }
}

function placeOf(id) {
  return overview?.places.find((p) => p.id === id);
}

function renderTimes() {
  const day = dayField?.iso;
  const free = slots.filter((s) => dayOf(s.startsAt) === day);
  $("ap-times").replaceChildren(...free.map((s, i) => {
    const id = `ap-time-${i}`;
    const wrap = document.createElement("div");
    wrap.className = "visit-time";
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "ap-time";
    input.id = id;
    input.value = s.startsAt;
    input.checked = chosen?.startsAt === s.startsAt;
    input.addEventListener("change", () => { chosen = s; });
    const label = document.createElement("label");
    label.htmlFor = id;
    const place = placeOf(s.placeId);
    label.textContent = overview.places.length > 1 && place ? `${timeOf(s.startsAt)} ${t("ap.timeUnit")} · ${place.name}` : `${timeOf(s.startsAt)} ${t("ap.timeUnit")}`.trim();
    wrap.append(input, label);
    return wrap;
  }));
  const next = slots.find((s) => dayOf(s.startsAt) > (day ?? ""));
  $("ap-none").textContent = free.length > 0 ? "" : slots.length === 0 ? t("ap.noneAtAll")
    : t("ap.noneOnDay", { next: next ? formatShort(dayOf(next.startsAt), lang()) : "-" });
  $("ap-none").hidden = free.length > 0;
}

function render() {
  const section = $("sp-visit");
  section.hidden = !status || !(status.canBookAppointment || status.appointment);
  if (section.hidden) return;
  const visit = status.appointment;
  $("ap-summary").hidden = !visit || Boolean(overview);
  if (visit) $("ap-summary").textContent = `${when(visit.startsAt, visit.endsAt)} · ${visit.placeName} · ${visit.statusText}`;
  $("ap-problem").textContent = problem;
  $("ap-problem").hidden = !problem;
  $("ap-form").hidden = Boolean(overview) || (!status.canBookAppointment && !visit);
  const current = overview?.current ?? null;
  $("ap-booked").hidden = !current || moving;
  if (current) {
    $("ap-when").textContent = when(current.startsAt, current.endsAt);
    $("ap-place").textContent = `${current.placeName}, ${current.address}`;
    $("ap-bring").textContent = current.whatToBring;
    $("ap-until").textContent = `${formatShort(dayOf(current.changeUntil), lang())} ${timeOf(current.changeUntil)} ${t("ap.timeUnit")}`.trim();
    $("ap-map").hidden = !current.mapUrl;
    if (current.mapUrl) $("ap-map").href = current.mapUrl;
    $("ap-move").hidden = !current.canChange;
    $("ap-cancel").hidden = !current.canChange;
  }
  const picking = Boolean(overview) && overview.canBook && (!current || moving);
  $("ap-pick").hidden = !picking;
  if (picking) {
    const place = overview.places[0];
    $("ap-pick-title").textContent = t(moving ? "ap.moveTitle" : "ap.pickTitle");
    $("ap-limits").textContent = place ? t("ap.limits", { days: place.daysAhead, hours: place.latestChangeHours, minutes: place.slotMinutes }) : "";
    // The overwrite day is told only when it ends the choice before the booking window does.
    const lastSlotDay = slots.length ? dayOf(slots[slots.length - 1].startsAt) : null;
    if (overview.lastViewingDay && lastSlotDay && overview.lastViewingDay <= lastSlotDay) {
      $("ap-limits").textContent += ` ${t("ap.lastDay", { day: formatShort(overview.lastViewingDay, lang()) })}`;
    }
    $("ap-book").textContent = t(moving ? "ap.moveConfirm" : "ap.book");
    renderTimes();
  }
  const past = overview?.past ?? [];
  $("ap-past").hidden = past.length === 0;
  $("ap-past").replaceChildren(...past.map((p) => {
    const line = document.createElement("p");
    line.className = "hint";
    line.textContent = `${when(p.startsAt, p.endsAt)} · ${p.placeName} · ${p.statusText}`;
    return line;
  }));
}

async function refresh() {
  overview = await postJson("/api/status/appointment", identity);
  slots = overview.canBook ? await postJson("/api/status/appointment/slots", identity) : [];
  const wrapper = $("ap-day-field");
  if (slots.length > 0) {
    wrapper.dataset.min = dayOf(slots[0].startsAt);
    wrapper.dataset.max = dayOf(slots[slots.length - 1].startsAt);
    if (!dayField.iso || !slots.some((s) => dayOf(s.startsAt) === dayField.iso)) dayField.setIso(dayOf(slots[0].startsAt));
  }
  chosen = null;
  render();
}

function failed(err) {
  problem = (err instanceof ApiError && err.status !== 0 && err.problem?.detail) || t("ap.error");
  render();
  $("ap-problem").focus?.();
}

async function open(e) {
  e.preventDefault();
  fieldError("ap-id", "");
  fieldError("ap-country", "");
  const number = $("ap-id").value;
  if (!passport() && checkId(number) !== "valid") {
    fieldError("ap-id", t("lookup.invalid"));
    return $("ap-id").focus();
  }
  if (passport() && (normalizePassport(number) === "" || $("ap-country").value === "")) {
    const which = normalizePassport(number) === "" ? "ap-id" : "ap-country";
    fieldError(which, t("lookup.passportMissing"));
    return $(which).focus();
  }
  identity = passport()
    ? { token, passportNumber: normalizePassport(number), passportCountry: $("ap-country").value }
    : { token, nationalId: normalizeId(number) };
  $("ap-open").disabled = true;
  try {
    problem = "";
    await refresh();
    $(overview.current ? "ap-booked" : "ap-pick").focus();
  } catch (err) {
    identity = null;
    overview = null;
    const errors = err instanceof ApiError ? err.errors : {};
    if (err instanceof ApiError && err.status === 400 && (errors.nationalId || errors.passportNumber || errors.passportCountry)) {
      fieldError("ap-id", (errors.nationalId ?? errors.passportNumber ?? [])[0]);
      fieldError("ap-country", errors.passportCountry?.[0]);
      $(errors.passportCountry && !errors.passportNumber ? "ap-country" : "ap-id").focus();
    } else {
      failed(err);
    }
  } finally {
    $("ap-open").disabled = false;
  }
}

async function book() {
  if (!chosen) {
    problem = t("ap.chooseTime");
    return render();
  }
  $("ap-book").disabled = true;
  try {
    const body = { ...identity, placeId: chosen.placeId, startsAt: chosen.startsAt };
    await postJson(moving ? "/api/status/appointment/reschedule" : "/api/status/appointment/book", body);
    moving = false;
    problem = "";
    await refresh();
    onBooked();
    $("ap-booked").focus();
  } catch (err) {
    // Taken meanwhile: the server's message names the next free times; the list is read again.
    failed(err);
    await refresh().catch(() => {});
  } finally {
    $("ap-book").disabled = false;
  }
}

async function cancel() {
  try {
    await postJson("/api/status/appointment/cancel", identity);
    problem = "";
    await refresh();
    onBooked();
  } catch (err) {
    failed(err);
  }
}

async function downloadIcs() {
  const response = await fetch("/api/status/appointment/calendar", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/calendar", "Accept-Language": lang() },
    body: JSON.stringify(identity),
  });
  if (!response.ok) return failed(new ApiError(response.status, await response.json().catch(() => null)));
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = `appointment-${overview.referenceNumber}.ics`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

let onBooked = () => {};

/** Shows the section for the status the page loaded. */
export function renderAppointments(data) {
  status = data;
  render();
}

/** Wires the section once; tokenOf() is the status link's token; booked() runs after a change (the page reloads its status). */
export function initAppointments(tokenOf, booked) {
  onBooked = booked;
  dayField = initDateField($("ap-day-field"), { onChange: () => { chosen = null; renderTimes(); } });
  $("ap-form").addEventListener("submit", (e) => {
    token = tokenOf();
    open(e);
  });
  $("ap-kind").addEventListener("change", () => {
    fieldError("ap-id", "");
    fieldError("ap-country", "");
    showKind();
  });
  $("ap-book").addEventListener("click", book);
  $("ap-move").addEventListener("click", () => {
    moving = true;
    render();
    $("ap-pick").focus();
  });
  $("ap-cancel").addEventListener("click", cancel);
  $("ap-ics").addEventListener("click", downloadIcs);
  onLangChange(() => {
    showKind();
    if (identity) refresh().catch(failed);
    else render();
  });
  showKind();
}

/** Another request opened in this tab: nothing of the last one stays. */
export function resetAppointments() {
  identity = null;
  overview = null;
  slots = [];
  chosen = null;
  moving = false;
  problem = "";
  $("ap-id").value = "";
}
