/**
 * The view state lives in the URL hash, so a view can be bookmarked and shared:
 * `#/cluster/<id>?account=<id>&from=…&to=…`. The first path segment names the view, the second (if any)
 * is the id of what it shows; ids are percent-encoded (account ids carry `/`, `+`, `=`).
 */
export interface Route {
  view: string;
  id?: string;
  params: Record<string, string>;
}

export const VIEWS = [
  "home",
  "clusters",
  "cluster",
  "account",
  "search",
  "queries",
  "import",
  "detect",
  "compare",
  "campaign",
  "cases",
  "audit",
  "console",
  "users",
] as const;

export const HOME: Route = { view: "home", params: {} };

/** Reads a hash such as `#/cluster/c1?account=a%2Fb`; anything unknown leads home. */
export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, "");
  const q = text.indexOf("?");
  const path = q < 0 ? text : text.slice(0, q);
  const query = q < 0 ? "" : text.slice(q + 1);
  const [view = "", ...rest] = path.split("/");
  if (!(VIEWS as readonly string[]).includes(view)) return { view: "home", params: {} };
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (value !== "") params[key] = value;
  }
  const route: Route = { view, params };
  const rawId = rest.join("/");
  if (rawId !== "") {
    try {
      route.id = decodeURIComponent(rawId);
    } catch {
      route.id = rawId;
    }
  }
  return route;
}

/** Writes a route as a hash; parameters in a stable (sorted) order, empty ones left out. */
export function formatHash(route: Route): string {
  let text = `#/${route.view}`;
  if (route.id !== undefined && route.id !== "") text += `/${encodeURIComponent(route.id)}`;
  const query = new URLSearchParams();
  for (const key of Object.keys(route.params).sort()) {
    const value = route.params[key];
    if (value !== undefined && value !== "") query.set(key, value);
  }
  const q = query.toString();
  return q === "" ? text : `${text}?${q}`;
}

/** A copy of `route` with some parameters set (a value of undefined or "" removes one). */
export function withParams(route: Route, changes: Record<string, string | number | undefined>): Route {
  const params = { ...route.params };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "") delete params[key];
    else params[key] = String(value);
  }
  return { ...route, params };
}

/** The link to a view. */
export function link(
  view: (typeof VIEWS)[number],
  id?: string,
  params: Record<string, string | number | undefined> = {},
): string {
  const base: Route = id === undefined ? { view, params: {} } : { view, id, params: {} };
  return formatHash(withParams(base, params));
}

/** A number parameter, or `fallback` when absent or not a number. */
export function numberParam(route: Route, key: string, fallback: number): number {
  const raw = route.params[key];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  return Number.isFinite(n) ? n : fallback;
}
