import type { FetchFn } from "../core/api/http";

/** A fetch that answers every request with `body` (serialised to JSON unless a string) and `status`. */
export function answering(body: unknown, status = 200): FetchFn {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const type = typeof body === "string" ? "text/html" : "application/json";
  return async () => new Response(text, { status, headers: { "Content-Type": type } });
}

/** A fetch that fails as the browser's does when nothing listens: a rejected TypeError. */
export const unreachable: FetchFn = async () => {
  throw new TypeError("Failed to fetch");
};

/** A fetch that never answers until aborted. */
export const hanging: FetchFn = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
  });
