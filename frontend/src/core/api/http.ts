import { ApiError } from "./errors";

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface GetJsonOptions {
  /** The fetch to use; tests pass a fake. Defaults to the browser's. */
  fetchFn?: FetchFn;
  /** Give up after this long. */
  timeoutMs?: number;
  /** HTTP statuses besides 2xx whose body is still a JSON answer (the health endpoint says DOWN with 503). */
  acceptStatuses?: readonly number[];
}

export interface SendOptions extends GetJsonOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** A JSON body (serialised here) or a FormData (multipart upload). */
  body?: unknown;
  /** The cookies to read the CSRF token from; tests pass them. Defaults to `document.cookie`. */
  cookies?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** The sign-in page the server serves; where a 401 sends the browser. */
export const LOGIN_URL = "/login";
/** The server (Spring Security) puts the CSRF token in this cookie and wants it back in this header. */
export const CSRF_COOKIE = "XSRF-TOKEN";
export const CSRF_HEADER = "X-XSRF-TOKEN";

/** A cookie's value from a `document.cookie` string; undefined when absent. */
export function readCookie(name: string, cookies: string = globalThis.document?.cookie ?? ""): string | undefined {
  for (const part of cookies.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * The header that proves a state-changing request comes from this page, not from another site: the CSRF
 * cookie's value in `X-XSRF-TOKEN`, on POST, PUT, PATCH and DELETE (safe methods need none).
 */
export function csrfHeaders(method: string, cookies?: string): Record<string, string> {
  if (["GET", "HEAD", "OPTIONS", "TRACE"].includes(method.toUpperCase())) return {};
  const token = readCookie(CSRF_COOKIE, cookies);
  return token ? { [CSRF_HEADER]: token } : {};
}

/** What a 401 does: by default, send the browser to the sign-in page (the session ended or never was). */
let unauthorized: (url: string) => void = () => {
  if (typeof location !== "undefined") location.assign(LOGIN_URL);
};

/** Replaces what a 401 does (tests); returns the previous handler. */
export function onUnauthorized(handler: (url: string) => void): (url: string) => void {
  const previous = unauthorized;
  unauthorized = handler;
  return previous;
}

/** GETs `url` and returns its parsed JSON body, or throws an {@link ApiError} that says why not. */
export function getJson(url: string, options: GetJsonOptions = {}): Promise<unknown> {
  return sendJson(url, options);
}

/**
 * Sends a request and returns the parsed JSON answer (null for an empty one), or throws an
 * {@link ApiError}. An error answer's RFC 7807 `detail` (or `title`) travels in the failure, so the
 * message can repeat what the server said was wrong.
 */
export async function sendJson(url: string, options: SendOptions = {}): Promise<unknown> {
  const fetchFn = options.fetchFn ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json", ...csrfHeaders(method, options.cookies) };
  const init: RequestInit = { method, headers, signal: controller.signal };
  if (options.body instanceof FormData) {
    init.body = options.body;
  } else if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    headers["Content-Type"] = "application/json";
  }
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(url, init);
    text = await response.text();
  } catch {
    throw new ApiError(controller.signal.aborted ? { kind: "timeout", url, timeoutMs } : { kind: "network", url });
  } finally {
    clearTimeout(timer);
  }
  const accepted = response.ok || (options.acceptStatuses ?? []).includes(response.status);
  if (response.status === 401) unauthorized(url);
  const parsed = parse(text);
  if (!accepted) {
    const detail = problemDetail(parsed);
    throw new ApiError(detail ? { kind: "http", url, status: response.status, detail } : { kind: "http", url, status: response.status });
  }
  if (parsed === undefined) {
    if (response.ok && text.trim() === "") return null;
    // An accepted error status without a JSON body is reported as the HTTP error it is.
    throw new ApiError(response.ok ? { kind: "not-json", url } : { kind: "http", url, status: response.status });
  }
  return parsed;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The `detail` (else `title`) of an RFC 7807 problem body; undefined for anything else. */
export function problemDetail(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  for (const key of ["detail", "message", "title"]) {
    const value = body[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return undefined;
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
