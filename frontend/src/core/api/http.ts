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
}

const DEFAULT_TIMEOUT_MS = 30_000;

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
  const init: RequestInit = { method: options.method ?? "GET", headers: { Accept: "application/json" }, signal: controller.signal };
  if (options.body instanceof FormData) {
    init.body = options.body;
  } else if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { Accept: "application/json", "Content-Type": "application/json" };
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
