import { describe, expect, it } from "vitest";
import { answering, unreachable } from "../../test/fakeFetch";
import { Api, apiUrl, asPage, downloads } from "./client";
import { ApiError, errorMessage } from "./errors";
import { CSRF_URL, type FetchFn } from "./http";

/** A fetch that records what it was asked (besides the CSRF token, which http.ts fetches itself) and answers `body`. */
function recording(
  body: unknown,
  status = 200,
): { fetchFn: FetchFn; calls: { url: string; init: RequestInit | undefined }[] } {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const inner = answering(body, status);
  return {
    calls,
    fetchFn: (url, init) => {
      if (url !== CSRF_URL) calls.push({ url, init });
      return inner(url, init);
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("apiUrl", () => {
  it("encodes ids with slash, plus and equals signs as one path segment", () => {
    expect(apiUrl(["accounts", "a/b+c=="])).toBe("/api/accounts/a%2Fb%2Bc%3D%3D");
  });

  it("leaves out empty parameters and encodes the rest", () => {
    expect(apiUrl(["search"], { q: "#tag & more", dataset: "", run: undefined, size: 0 })).toBe(
      "/api/search?q=%23tag+%26+more&size=0",
    );
  });
});

describe("asPage", () => {
  it("reads the page envelope", () => {
    expect(asPage({ items: [1], total: 9, page: 2, size: 1 }, "/u")).toEqual({
      items: [1],
      total: 9,
      page: 2,
      size: 1,
    });
  });

  it("takes a plain list as one page", () => {
    expect(asPage([1, 2], "/u")).toEqual({ items: [1, 2], total: 2, page: 0, size: 2 });
  });

  it("names a missing items list", () => {
    expect(() => asPage({ total: 1 }, "/u")).toThrow(ApiError);
    try {
      asPage({ total: 1 }, "/u");
    } catch (e) {
      expect((e as ApiError).failure).toEqual({ kind: "bad-shape", url: "/u", detail: "no items list" });
    }
  });
});

describe("Api", () => {
  it("asks for clusters with the filters given", async () => {
    const { fetchFn, calls } = recording({ items: [], total: 0, page: 0, size: 50 });
    await new Api(fetchFn).clusters({ run: "r1", minScore: 0.5, sort: "size", dir: "asc" });
    expect(calls[0]?.url).toBe("/api/clusters?run=r1&minScore=0.5&sort=size&dir=asc");
  });

  it("posts a saved query's parameters as JSON", async () => {
    const { fetchFn, calls } = recording({ columns: ["a"], rows: [[1]], truncated: false, millis: 3, graph: null });
    const result = await new Api(fetchFn).runQuery("top-amplifiers", { tag: "x", limit: 10 });
    expect(result.rows).toEqual([[1]]);
    expect(calls[0]?.url).toBe("/api/queries/top-amplifiers/run");
    expect(calls[0]?.init?.method).toBe("POST");
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ params: { tag: "x", limit: 10 } });
  });

  it("carries the server's problem detail into the message", async () => {
    const problem = { title: "Bad Request", status: 400, detail: "Parameter 'limit' must be an integer, not 'ten'." };
    const error = await rejection(new Api(answering(problem, 400)).runQuery("q", { limit: "ten" }));
    expect(error.failure).toMatchObject({ kind: "http", status: 400, detail: problem.detail });
    expect(errorMessage(error)).toBe(
      "The server refused the request: Parameter 'limit' must be an integer, not 'ten' (HTTP 400). Correct it and try again.",
    );
  });

  it("explains a missing cluster with the server's words", async () => {
    const error = await rejection(new Api(answering({ status: 404, detail: "No cluster 'c9'." }, 404)).cluster("c9"));
    expect(errorMessage(error)).toContain("Not found: No cluster 'c9'");
  });

  it("fails with bad-shape when a detail has no summary", async () => {
    const error = await rejection(new Api(answering({ members: {} })).cluster("c1"));
    expect(error.failure).toEqual({
      kind: "bad-shape",
      url: "/api/clusters/c1?memberPage=0&memberSize=200",
      detail: "no summary",
    });
  });

  it("reports an unreachable server", async () => {
    const error = await rejection(new Api(unreachable).account("x/y"));
    expect(error.failure).toEqual({ kind: "network", url: "/api/accounts/x%2Fy" });
  });

  it("accepts an empty answer to a delete", async () => {
    const fetchFn: FetchFn = async () => new Response(null, { status: 204 });
    await expect(new Api(fetchFn).clearMark("account", "a", "d")).resolves.toBeUndefined();
  });
});

describe("downloads", () => {
  it("joins selected accounts with commas", () => {
    expect(downloads.suspects({ accounts: ["a/1", "b"], format: "csv" })).toBe(
      "/api/exports/suspects?accounts=a%2F1%2Cb&format=csv",
    );
  });
});
