import { asciiDigits } from "./dates.js";

/** Thai digits to ASCII; spaces and dashes removed. */
export function normalizeId(text) {
  return asciiDigits(text).replace(/[\s\-\u2010-\u2014.]/g, "");
}

/**
 * "empty", "incomplete" (fewer than 13 digits so far), "invalid" or "valid": the national ID's
 * check digit is (11 - sum(digit i * (13 - i)) mod 11) mod 10 over the first 12; first digit 0-8.
 */
export function checkId(text) {
  const id = normalizeId(text);
  if (id === "") return "empty";
  if (!/^\d+$/.test(id)) return "invalid";
  if (id.length < 13) return "incomplete";
  if (id.length > 13 || id[0] === "9") return "invalid";
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(id[12]) ? "valid" : "invalid";
}

/** A complete Thai phone number: mobile 06/08/09 + 8 digits, landline 02-07 + 7 digits, or the +66 form. */
export function isThaiPhone(text) {
  let p = asciiDigits(text).replace(/[\s\-().\/\u2010-\u2014]/g, "");
  if (p.startsWith("+66")) p = "0" + p.slice(3);
  return /^0[689]\d{8}$/.test(p) || /^0[2-7]\d{7}$/.test(p);
}
