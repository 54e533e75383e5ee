// The applicant's identity document on the form: a Thai national ID, or a passport with its
// issuing country (for someone who is not Thai). Countries come from the server; their names
// from the browser, in the page's language.
import { lang, t } from "./i18n.js";
import { settings } from "./settings.js";
import { checkId, normalizeId } from "./thai-id.js";

const $ = (id) => document.getElementById(id);
let chosenByHand = false;

export function kind() {
  return document.querySelector("input[name='identity']:checked")?.value || "nationalId";
}

export function normalizePassport(text) {
  return text.replace(/[\s\-\u2010-\u2014.]/g, "").toUpperCase();
}

function show() {
  const passport = kind() === "passport";
  $("nationalId-field").hidden = passport;
  $("passport-fields").hidden = !passport;
}

function choose(value) {
  document.querySelector(`input[name='identity'][value='${value}']`).checked = true;
  show();
}

/** Country options, named in the page's language by the browser (English name as fallback). */
export function renderCountries(select) {
  const s = settings();
  if (!s) return;
  const selected = select.value;
  let names = null;
  try {
    names = new Intl.DisplayNames([lang()], { type: "region" });
  } catch {
    names = null;
  }
  const options = s.countries
    .map((c) => ({ code: c.code, name: names?.of(c.alpha2) || c.nameEn }))
    .sort((a, b) => a.name.localeCompare(b.name, lang()));
  const first = select.options[0];
  select.replaceChildren(first, ...options.map((c) => {
    const option = document.createElement("option");
    option.value = c.code;
    option.textContent = c.name;
    return option;
  }));
  select.value = selected;
}

function isThai(nationality) {
  return (settings()?.thaiNationalityWords || []).includes(nationality.trim().toLowerCase());
}

export function initIdentity() {
  for (const radio of document.querySelectorAll("input[name='identity']")) {
    radio.addEventListener("change", () => {
      chosenByHand = true;
      show();
    });
  }
  // In English the form is mostly used by foreigners: offer the passport once the nationality
  // typed is not Thai, unless the applicant chose a document already or typed an ID.
  $("nationality").addEventListener("change", () => {
    const value = $("nationality").value;
    if (chosenByHand || lang() !== "en" || value.trim() === "" || normalizeId($("nationalId").value) !== "") return;
    choose(isThai(value) ? "nationalId" : "passport");
  });
  show();
}

/** The identity's part of the form data. */
export function identityFields() {
  return kind() === "passport"
    ? { passportNumber: normalizePassport($("passportNumber").value), passportCountry: $("passportCountry").value }
    : { nationalId: normalizeId($("nationalId").value) };
}

/** What the confirmation shows. */
export function identitySummary() {
  if (kind() !== "passport") return ["field.nationalId", normalizeId($("nationalId").value)];
  const country = $("passportCountry").selectedOptions[0]?.textContent || "";
  return ["field.passportNumber", `${normalizePassport($("passportNumber").value)} (${country})`];
}

function passportShape(number) {
  const { min, max } = settings().limits.passportNumber;
  return /^[A-Z0-9]+$/.test(number) && number.length >= min && number.length <= max;
}

/** The checks the server makes too, with its messages: fills errors. */
export function validateIdentity(errors, message, ruleMessage) {
  if (kind() === "passport") {
    const number = normalizePassport($("passportNumber").value);
    if (number === "") errors.passportNumber = message("passportNumber", "required");
    else if (!passportShape(number)) {
      errors.passportNumber = message("passportNumber", "invalid");
    } else if (isThai($("nationality").value) || $("passportCountry").value === "THA") {
      errors.passportNumber = ruleMessage("thaiUseNationalId");
    }
    if ($("passportCountry").value === "") errors.passportCountry = message("passportCountry", "required");
    return;
  }
  const state = checkId($("nationalId").value);
  if (state === "empty") errors.nationalId = message("nationalId", "required");
  else if (state === "incomplete") errors.nationalId = ruleMessage("nationalIdLength");
  else if (state !== "valid") errors.nationalId = message("nationalId", "invalid");
}

export function idCheckText() {
  const state = checkId($("nationalId").value);
  if (state === "empty") return { state, text: "" };
  if (state === "incomplete") return { state, text: t("check.incomplete", { n: normalizeId($("nationalId").value).length, total: 13 }) };
  return { state, text: t(`check.${state}`) };
}
