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
  /** The session's CSRF token; tests pass it. Defaults to the one `GET /api/csrf` hands this page. */
  csrfToken?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** The sign-in page the server serves; where a 401 sends the browser. */
export const LOGIN_URL = "/login";
/** The server (Spring Security) keeps the CSRF token in the session, hands it out here and wants it back in this header. */
export const CSRF_URL = "/api/csrf";
export const CSRF_HEADER = "X-XSRF-TOKEN";

const SAFE_METHODS = ["GET", "HEAD", "OPTIONS", "TRACE"];

/** The session's token, fetched once per page; forgotten when the server refuses it (the session changed). */
let sessionToken: Promise<string | undefined> | undefined;

/** Forgets the cached CSRF token, so the next write asks the server again. */
export function forgetCsrfToken(): void {
  sessionToken = undefined;
}

/** The session's CSRF token from `GET /api/csrf` (same origin only: another site cannot read it). */
function loadCsrfToken(fetchFn: FetchFn): Promise<string | undefined> {
  sessionToken ??= fetchFn(CSRF_URL, { headers: { Accept: "application/json" } })
    .then(async (response) => {
      const body: unknown = response.ok ? parse(await response.text()) : undefined;
      const token = isObject(body) ? body.token : undefined;
      if (typeof token !== "string") forgetCsrfToken();
      return typeof token === "string" ? token : undefined;
    })
    .catch(() => {
      forgetCsrfToken();
      return undefined;
    });
  return sessionToken;
}

/**
 * The header that proves a state-changing request comes from this page, not from another site: the session's
 * CSRF token in `X-XSRF-TOKEN`, on POST, PUT, PATCH and DELETE (safe methods need none). A token planted in a
 * cookie by a sibling site counts for nothing: the server compares with the one in the session.
 */
export async function csrfHeaders(
  method: string,
  token?: string,
  fetchFn: FetchFn = (input, init) => fetch(input, init),
): Promise<Record<string, string>> {
  if (SAFE_METHODS.includes(method.toUpperCase())) return {};
  const value = token ?? (await loadCsrfToken(fetchFn));
  return value ? { [CSRF_HEADER]: value } : {};
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
  const headers: Record<string, string> = {
    Accept: "application/json",
    ...(await csrfHeaders(method, options.csrfToken, fetchFn)),
  };
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
  if (response.status === 403 && !SAFE_METHODS.includes(method.toUpperCase())) forgetCsrfToken();
  const parsed = parse(text);
  if (!accepted) {
    const detail = problemDetail(parsed);
    throw new ApiError(
      detail ? { kind: "http", url, status: response.status, detail } : { kind: "http", url, status: response.status },
    );
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
