/** Why a call to the CoordScope server failed, in terms the UI can explain to a person. */
export type ApiFailure =
  | { kind: "network"; url: string }
  | { kind: "timeout"; url: string; timeoutMs: number }
  | { kind: "http"; url: string; status: number; detail?: string }
  | { kind: "not-json"; url: string }
  | { kind: "bad-shape"; url: string; detail: string };

/** An error carrying an {@link ApiFailure}; thrown by the fetch helpers and the parsers. */
export class ApiError extends Error {
  readonly failure: ApiFailure;

  constructor(failure: ApiFailure) {
    super(`${failure.kind} error for ${failure.url}`);
    this.name = "ApiError";
    this.failure = failure;
  }
}

export const SERVE_COMMAND = "java -jar backend/target/coordscope.jar serve";

/**
 * Maps a failure to one message saying what went wrong and what to try next.
 * Anything that is not an {@link ApiError} is reported as an unexpected error.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) {
    const text = error instanceof Error ? error.message : String(error);
    return `Unexpected error: ${text}. Reload the page; if it persists, check the browser console.`;
  }
  const f = error.failure;
  switch (f.kind) {
    case "network":
      return `Cannot reach the CoordScope server (${f.url}). Is it running? Start it with \`${SERVE_COMMAND}\`, then reload.`;
    case "timeout":
      return `The server did not answer ${f.url} within ${Math.round(f.timeoutMs / 1000)} s. It may be busy (an import or a detection run); try again in a moment.`;
    case "not-json":
      return `The server answered ${f.url} with something other than JSON. Check that the page is served by CoordScope (or that the dev proxy forwards /api and /actuator to port 8080).`;
    case "bad-shape":
      return `The server's answer for ${f.url} was not understood (${f.detail}). The UI and the server may be from different builds: rebuild both with \`mvn install\`.`;
    case "http":
      return f.detail ? detailMessage(f.url, f.status, f.detail) : httpMessage(f.url, f.status);
  }
}

/** The server explained itself (an RFC 7807 problem detail): show its words and the next step. */
function detailMessage(url: string, status: number, detail: string): string {
  const text = detail.trim().replace(/\.$/, "");
  if (status === 404) {
    return `Not found: ${text} (HTTP 404). Check the id, or go back to the clusters list.`;
  }
  if (status >= 500) {
    return `The server failed while answering ${url}: ${text} (HTTP ${status}). Check the server log, then try again.`;
  }
  return `The server refused the request: ${text} (HTTP ${status}). Correct it and try again.`;
}

function httpMessage(url: string, status: number): string {
  if (status === 401 || status === 403) {
    return `Not allowed to read ${url} (HTTP ${status}). Sign in again or ask an administrator for access.`;
  }
  if (status === 404) {
    return `The server has no ${url} (HTTP 404). The UI and the server may be from different builds: rebuild both with \`mvn install\`.`;
  }
  if (status === 502 || status === 503 || status === 504) {
    return `The CoordScope server is unavailable (HTTP ${status}). Is it running, and is Neo4j up? Start it with \`${SERVE_COMMAND}\`, then reload.`;
  }
  if (status >= 500) {
    return `The server failed while answering ${url} (HTTP ${status}). Check the server log for the cause, then reload.`;
  }
  return `The server refused ${url} (HTTP ${status}). Reload the page; if it persists, check the server log.`;
}
