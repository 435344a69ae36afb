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

const DEFAULT_TIMEOUT_MS = 15_000;

/** GETs `url` and returns its parsed JSON body, or throws an {@link ApiError} that says why not. */
export async function getJson(url: string, options: GetJsonOptions = {}): Promise<unknown> {
  const fetchFn = options.fetchFn ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { Accept: "application/json" }, signal: controller.signal });
  } catch {
    throw new ApiError(
      controller.signal.aborted ? { kind: "timeout", url, timeoutMs } : { kind: "network", url },
    );
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok && !(options.acceptStatuses ?? []).includes(response.status)) {
    throw new ApiError({ kind: "http", url, status: response.status });
  }
  try {
    return (await response.json()) as unknown;
  } catch {
    // An accepted error status without a JSON body is reported as the HTTP error it is.
    throw new ApiError(response.ok ? { kind: "not-json", url } : { kind: "http", url, status: response.status });
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
