import { describe, expect, it } from "vitest";
import { answering, hanging, unreachable } from "../../test/fakeFetch";
import { ApiError, type ApiFailure } from "./errors";
import { getJson, isObject } from "./http";

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).failure;
}

describe("getJson", () => {
  it("returns the parsed body of a 200", async () => {
    await expect(getJson("/x", { fetchFn: answering({ a: 1 }) })).resolves.toEqual({ a: 1 });
  });

  it("fails with the HTTP status of an error answer", async () => {
    expect(await failureOf(getJson("/x", { fetchFn: answering({}, 500) }))).toEqual({
      kind: "http",
      url: "/x",
      status: 500,
    });
  });

  it("reads the body of an accepted error status", async () => {
    const fetchFn = answering({ status: "DOWN" }, 503);
    await expect(getJson("/x", { fetchFn, acceptStatuses: [503] })).resolves.toEqual({ status: "DOWN" });
  });

  it("reports an accepted error status without JSON as the HTTP error", async () => {
    const fetchFn = answering("<html>Service Unavailable</html>", 503);
    expect(await failureOf(getJson("/x", { fetchFn, acceptStatuses: [503] }))).toMatchObject({
      kind: "http",
      status: 503,
    });
  });

  it("fails as not-json when a 200 carries HTML", async () => {
    expect(await failureOf(getJson("/x", { fetchFn: answering("<!doctype html><p>hi</p>") }))).toEqual({
      kind: "not-json",
      url: "/x",
    });
  });

  it("fails as network when fetch rejects", async () => {
    expect(await failureOf(getJson("/x", { fetchFn: unreachable }))).toEqual({ kind: "network", url: "/x" });
  });

  it("gives up after the timeout", async () => {
    expect(await failureOf(getJson("/x", { fetchFn: hanging, timeoutMs: 20 }))).toEqual({
      kind: "timeout",
      url: "/x",
      timeoutMs: 20,
    });
  });
});

describe("isObject", () => {
  it("accepts plain objects only", () => {
    expect(isObject({})).toBe(true);
    expect(isObject([])).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(isObject("x")).toBe(false);
  });
});
