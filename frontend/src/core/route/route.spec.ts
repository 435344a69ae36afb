import { describe, expect, it } from "vitest";
import { formatHash, link, numberParam, parseHash, withParams } from "./route";

describe("parseHash", () => {
  it("reads view, id and parameters", () => {
    expect(parseHash("#/cluster/c1?account=a%2Fb&from=10")).toEqual({
      view: "cluster",
      id: "c1",
      params: { account: "a/b", from: "10" },
    });
  });

  it("decodes ids with slash, plus and equals", () => {
    expect(parseHash("#/account/" + encodeURIComponent("ab/c+d=="))).toEqual({
      view: "account",
      id: "ab/c+d==",
      params: {},
    });
  });

  it("keeps a raw slash in an id", () => {
    expect(parseHash("#/account/a/b").id).toBe("a/b");
  });

  it("leads home from an empty or unknown hash", () => {
    expect(parseHash("")).toEqual({ view: "home", params: {} });
    expect(parseHash("#/nowhere/1")).toEqual({ view: "home", params: {} });
  });

  it("keeps an id that is not valid percent-encoding as written", () => {
    expect(parseHash("#/account/100%").id).toBe("100%");
  });
});

describe("formatHash", () => {
  it("round-trips routes, ids encoded, parameters sorted", () => {
    const route = { view: "cluster", id: "x/y+z=", params: { to: "2", from: "1", account: "a b" } };
    const hash = formatHash(route);
    expect(hash).toBe("#/cluster/x%2Fy%2Bz%3D?account=a+b&from=1&to=2");
    expect(parseHash(hash)).toEqual(route);
  });

  it("leaves out empty parameters", () => {
    expect(formatHash({ view: "clusters", params: { run: "" } })).toBe("#/clusters");
  });
});

describe("withParams and link", () => {
  it("sets and removes parameters without touching the original", () => {
    const route = { view: "clusters", params: { run: "r1", page: "2" } };
    expect(withParams(route, { page: undefined, minScore: 0.5 })).toEqual({
      view: "clusters",
      params: { run: "r1", minScore: "0.5" },
    });
    expect(route.params.page).toBe("2");
  });

  it("builds links", () => {
    expect(link("queries", "shortest-path", { a: "x" })).toBe("#/queries/shortest-path?a=x");
    expect(link("import")).toBe("#/import");
  });
});

describe("numberParam", () => {
  it("falls back on absent or non-numeric values", () => {
    const route = parseHash("#/clusters?minScore=0.4&page=x");
    expect(numberParam(route, "minScore", 0)).toBe(0.4);
    expect(numberParam(route, "page", 0)).toBe(0);
    expect(numberParam(route, "size", 50)).toBe(50);
  });
});
