// Dates as citizens type and read them: dd/mm/yyyy in the Buddhist Era (BE = CE + 543) in Thai,
// dd/mm/yyyy CE in English. The API only ever sees ISO yyyy-mm-dd.

export const BE_OFFSET = 543;

export const MONTHS = {
  th: ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

export const WEEKDAYS = {
  th: ["อา.", "จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส."],
  en: ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"],
};

const pad = (n) => String(n).padStart(2, "0");

/** Thai digits ๐-๙ become ASCII. */
export function asciiDigits(text) {
  return String(text).replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** Today in Thailand (UTC+7 all year), as ISO. */
export function todayIso(now = new Date()) {
  const bangkok = new Date(now.getTime() + 7 * 3600 * 1000);
  return `${bangkok.getUTCFullYear()}-${pad(bangkok.getUTCMonth() + 1)}-${pad(bangkok.getUTCDate())}`;
}

export function isoOf(year, month, day) {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function partsOf(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return { y, m, d };
}

function isRealDate(y, m, d) {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * What the citizen typed, as ISO, or null. Thai: the year is BE (a year below 2400 is taken as CE,
 * since people do type 2026). English: the year is CE (a year above 2400 is taken as BE).
 */
export function parseTyped(text, lang) {
  const m = asciiDigits(text).trim().match(/^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  let y = Number(m[3]);
  if (lang === "th" ? y >= 2400 : y > 2400) y -= BE_OFFSET;
  if (y < 1900 || y > 2200 || !isRealDate(y, mo, d)) return null;
  return isoOf(y, mo, d);
}

/** 16/02/2569 in Thai, 16/02/2026 in English. */
export function formatShort(iso, lang) {
  const { y, m, d } = partsOf(iso);
  return `${pad(d)}/${pad(m)}/${lang === "th" ? y + BE_OFFSET : y}`;
}

/** 16 กุมภาพันธ์ 2569 / 16 February 2026. */
export function formatLong(iso, lang) {
  const { y, m, d } = partsOf(iso);
  return `${d} ${MONTHS[lang][m - 1]} ${lang === "th" ? y + BE_OFFSET : y}`;
}

export function addDays(iso, days) {
  const { y, m, d } = partsOf(iso);
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return isoOf(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function daysBetween(fromIso, toIso) {
  const a = partsOf(fromIso);
  const b = partsOf(toIso);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86400000);
}

/** An instant (ISO with offset) as a Thai-time date and time: 16/02/2569 10:04. */
export function formatInstant(instant, lang) {
  const t = new Date(new Date(instant).getTime() + 7 * 3600 * 1000);
  const iso = isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  return `${formatShort(iso, lang)} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}
