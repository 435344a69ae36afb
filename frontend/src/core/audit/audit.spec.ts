import { describe, expect, it } from "vitest";
import { auditQuery, detailsText, nextDay, parseParams } from "./audit";

describe("auditQuery", () => {
  it("reads the filters and makes the to-date inclusive", () => {
    expect(auditQuery({ actor: "ann", action: "export", from: "2026-01-01", to: "2026-01-31", page: "2" }, 50)).toEqual(
      { actor: "ann", action: "export", from: "2026-01-01", to: "2026-02-01", page: 2, size: 50 },
    );
  });

  it("leaves out what is not given and repairs a bad page", () => {
    expect(auditQuery({ page: "x" }, 20)).toEqual({ page: 0, size: 20 });
  });
});

describe("nextDay", () => {
  it("rolls over months and leap days", () => {
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });

  it("leaves a full timestamp alone", () => {
    expect(nextDay("2026-01-01T10:00:00Z")).toBe("2026-01-01T10:00:00Z");
  });
});

describe("detailsText", () => {
  it("joins key=value pairs, objects as JSON, and skips nulls", () => {
    expect(detailsText({ details: { params: { tag: "vote" }, rows: 7, cluster: null } })).toBe(
      'params={"tag":"vote"} rows=7',
    );
  });

  it("cuts long details", () => {
    expect(detailsText({ details: { cypher: "x".repeat(500) } }, 20)).toHaveLength(20);
  });
});

describe("parseParams", () => {
  it("takes an empty box as no parameters", () => {
    expect(parseParams("  ")).toEqual({ params: {} });
  });

  it("reads a JSON object", () => {
    expect(parseParams('{"d": "world", "n": 3}')).toEqual({ params: { d: "world", n: 3 } });
  });

  it("explains what is wrong", () => {
    expect("error" in parseParams("{d: 1}")).toBe(true);
    expect(parseParams("[1]")).toEqual({ error: 'Parameters must be a JSON object, e.g. {"dataset": "world"}.' });
  });
});
