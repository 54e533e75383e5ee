// Every staff page is this one HTML shell (staff/index.html); the address says which page's module
// renders it. The printed pages bring their own stylesheet first, so nothing shows unstyled.
const PAGES = [
  [/^\/staff\/?$/, "signin"],
  [/^\/staff\/requests\/?$/, "queue"],
  [/^\/staff\/requests\/[^/]+\/print\/?$/, "print", "/staff/css/print.css"],
  [/^\/staff\/requests\/[^/]+\/handovers\/[^/]+\/?$/, "receipt", "/staff/css/print.css"],
  [/^\/staff\/requests\/[^/]+\/?$/, "request"],
  [/^\/staff\/(account|users|audit|statistics|settings|subjects|messages|appointments|integrations)\/?$/],
];

const [pattern, name, stylesheet] = PAGES.find(([p]) => p.test(location.pathname)) ?? PAGES[0];
if (stylesheet) {
  for (const link of document.querySelectorAll("link[href='/staff/css/staff.css']")) link.remove();
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: stylesheet });
  await new Promise((resolve) => {
    link.onload = link.onerror = resolve;
    document.head.append(link);
  });
}
await import(`./${name ?? pattern.exec(location.pathname)[1]}-page.js`);
