// A file's size for people, through Intl in the page's language: 17 bytes, 512 kB, 3.1 MB, 1.25 GB.
// Shared by the citizen pages and the staff pages.

export function formatBytes(n, lang) {
  const locale = lang === "en" ? "en-GB" : "th-TH";
  const [unit, size] = n >= 1024 ** 3 ? ["gigabyte", n / 1024 ** 3] : n >= 1024 ** 2 ? ["megabyte", n / 1024 ** 2] : n >= 1024 ? ["kilobyte", n / 1024] : ["byte", n];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: unit === "byte" ? "long" : "short", maximumFractionDigits: unit === "gigabyte" ? 2 : 1 }).format(size);
}
