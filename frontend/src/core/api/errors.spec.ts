import { describe, expect, it } from "vitest";
import { ApiError, errorMessage, SERVE_COMMAND } from "./errors";

const url = "/api/datasets";

describe("errorMessage", () => {
  it("tells to start the server when it cannot be reached", () => {
    const message = errorMessage(new ApiError({ kind: "network", url }));
    expect(message).toContain("Cannot reach the CoordScope server");
    expect(message).toContain(`\`${SERVE_COMMAND}\``);
  });

  it("says how long it waited on a timeout, in seconds", () => {
    expect(errorMessage(new ApiError({ kind: "timeout", url, timeoutMs: 15_000 }))).toContain("within 15 s");
  });

  it.each([502, 503, 504])("treats HTTP %i as the server being unavailable", (status) => {
    const message = errorMessage(new ApiError({ kind: "http", url, status }));
    expect(message).toContain(`unavailable (HTTP ${status})`);
    expect(message).toContain(SERVE_COMMAND);
  });

  it("points to the server log for other server errors", () => {
    expect(errorMessage(new ApiError({ kind: "http", url, status: 500 }))).toMatch(/HTTP 500.*server log/);
  });

  it("suggests rebuilding when the endpoint is missing", () => {
    expect(errorMessage(new ApiError({ kind: "http", url, status: 404 }))).toMatch(
      /no \/api\/datasets \(HTTP 404\).*mvn install/,
    );
  });

  it.each([401, 403])("asks to sign in on HTTP %i", (status) => {
    expect(errorMessage(new ApiError({ kind: "http", url, status }))).toContain("Sign in");
  });

  it("explains an answer that is not JSON as a wrong server or proxy", () => {
    expect(errorMessage(new ApiError({ kind: "not-json", url }))).toContain("other than JSON");
  });

  it("names the problem in an answer of the wrong shape", () => {
    expect(errorMessage(new ApiError({ kind: "bad-shape", url, detail: "no items list" }))).toContain(
      "(no items list)",
    );
  });

  it("reports anything else as unexpected, with its text", () => {
    expect(errorMessage(new RangeError("boom"))).toMatch(/^Unexpected error: boom\./);
    expect(errorMessage("plain")).toMatch(/^Unexpected error: plain\./);
  });
});
