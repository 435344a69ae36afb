import "./style.css";
import { renderHealth } from "./components/healthBadge";
import { errorBox } from "./components/dom";
import { api } from "./core/api/client";
import { describeUser, isAdmin, signOut } from "./core/auth/session";
import { loadHealth } from "./core/health/health";
import { direction, LANGUAGES, language, rememberedLanguage, setLanguage, t, type Language } from "./core/i18n/i18n";
import type { MessageKey } from "./core/i18n/messages";
import { formatHash, parseHash, type Route } from "./core/route/route";
import { accountView } from "./views/accountView";
import { auditView } from "./views/auditView";
import { campaignView } from "./views/campaignView";
import { casesView } from "./views/casesView";
import { clustersView } from "./views/clustersView";
import { clusterView } from "./views/clusterView";
import { compareView } from "./views/compareView";
import { consoleView } from "./views/consoleView";
import { detectView } from "./views/detectView";
import { homeView } from "./views/homeView";
import { importView } from "./views/importView";
import { queriesView } from "./views/queriesView";
import { searchView } from "./views/searchView";
import { usersView } from "./views/usersView";
import type { View } from "./views/view";

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el as T;
}

const VIEWS: Record<string, View> = {
  home: homeView,
  clusters: clustersView,
  cluster: clusterView,
  account: accountView,
  search: searchView,
  queries: queriesView,
  import: importView,
  detect: detectView,
  compare: compareView,
  campaign: campaignView,
  cases: casesView,
  audit: auditView,
  console: consoleView,
  users: usersView,
};

const main = element<HTMLElement>("view");
const health = element<HTMLElement>("health");
const searchForm = element<HTMLFormElement>("search");
const userBox = element<HTMLElement>("user");
const languageSelect = element<HTMLSelectElement>("language");
let cleanup: (() => void) | void = undefined;

/** Puts the page in the current language: direction, and the words of index.html marked data-i18n. */
function applyLanguage(): void {
  document.documentElement.lang = language();
  document.documentElement.dir = direction();
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]"))
    el.textContent = t(el.dataset["i18n"] as MessageKey);
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n-placeholder]"))
    el.setAttribute("placeholder", t(el.dataset["i18nPlaceholder"] as MessageKey));
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n-aria-label]"))
    el.setAttribute("aria-label", t(el.dataset["i18nAriaLabel"] as MessageKey));
}

setLanguage(rememberedLanguage(window.localStorage));
languageSelect.replaceChildren(
  ...LANGUAGES.map((l) => {
    const option = new Option(l.name, l.code, false, l.code === language());
    option.lang = l.code;
    return option;
  }),
);
languageSelect.addEventListener("change", () => {
  setLanguage(languageSelect.value as Language, window.localStorage);
  applyLanguage();
  void show();
});
applyLanguage();
let generation = 0;

function navigate(route: Route, options: { replace?: boolean; silent?: boolean } = {}): void {
  const hash = formatHash(route);
  if (options.silent) {
    // the view already shows this state: only the URL changes (shareable), nothing is redrawn
    if (options.replace) history.replaceState(null, "", hash);
    else history.pushState(null, "", hash);
    return;
  }
  if (location.hash === hash) void show();
  else location.hash = hash;
}

async function show(): Promise<void> {
  const route = parseHash(location.hash);
  const mine = ++generation;
  cleanup?.();
  cleanup = undefined;
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a")) {
    link.toggleAttribute(
      "aria-current",
      link.dataset["view"] === route.view || (link.dataset["view"] === "clusters" && route.view === "cluster"),
    );
  }
  const container = document.createElement("div");
  container.className = "view";
  container.dataset["view"] = route.view;
  main.replaceChildren(container);
  const search = searchForm.elements.namedItem("q");
  if (search instanceof HTMLInputElement && route.view === "search") search.value = route.params["q"] ?? "";
  try {
    const done = await (VIEWS[route.view] ?? homeView)({ container, route, navigate });
    if (mine === generation) cleanup = done;
    else done?.();
  } catch (e) {
    container.replaceChildren(errorBox(e));
  }
  container.dataset["ready"] = "true";
}

searchForm.addEventListener("submit", (e) => {
  e.preventDefault();
  const q = String(new FormData(searchForm).get("q") ?? "").trim();
  navigate({ view: "search", params: { q } });
});
window.addEventListener("hashchange", () => void show());
void show();
renderHealth(health, { kind: "loading" });
// who is signed in: the name, a sign-out button, and the admin views' links for admins only
void api.me().then(
  (me) => {
    for (const link of document.querySelectorAll<HTMLElement>("nav a[data-admin]")) link.hidden = !isAdmin(me);
    const out = document.createElement("button");
    out.type = "button";
    out.className = "small";
    out.dataset["i18n"] = "app.signOut";
    out.textContent = t("app.signOut");
    out.addEventListener("click", () => void signOut());
    const name = document.createElement("span");
    name.dataset["testid"] = "signed-in-user";
    name.textContent = describeUser(me);
    userBox.replaceChildren(name, out);
  },
  () => undefined,
);
void loadHealth().then((state) => renderHealth(health, state));
