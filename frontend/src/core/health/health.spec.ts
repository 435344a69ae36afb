import { describe, expect, it } from "vitest";
import { answering, unreachable } from "../../test/fakeFetch";
import { ApiError } from "../api/errors";
import { describeHealth, loadHealth, parseHealth, toneOf } from "./health";

const up = {
  status: "UP",
  components: {
    diskSpace: { status: "UP", details: { free: 1 } },
    neo4j: { status: "UP", details: { edition: "community" } },
    ping: { status: "UP" },
  },
};

describe("toneOf", () => {
  it.each([
    ["UP", "ok"],
    ["up", "ok"],
    ["DOWN", "bad"],
    ["OUT_OF_SERVICE", "bad"],
    ["UNKNOWN", "unknown"],
    ["WARMING", "unknown"],
  ])("%s is %s", (status, tone) => {
    expect(toneOf(status)).toBe(tone);
  });
});

describe("parseHealth", () => {
  it("reads the status and the components, sorted by name", () => {
    expect(parseHealth(up)).toEqual({
      status: "UP",
      components: [
        { name: "diskSpace", status: "UP" },
        { name: "neo4j", status: "UP" },
        { name: "ping", status: "UP" },
      ],
    });
  });

  it("accepts a body without components (show-components=never)", () => {
    expect(parseHealth({ status: "UP" })).toEqual({ status: "UP", components: [] });
  });

  it("rejects a body without status", () => {
    expect(() => parseHealth({ components: {} })).toThrow(ApiError);
  });
});

describe("describeHealth", () => {
  it("names the server and neo4j", () => {
    expect(describeHealth(parseHealth(up))).toBe("Server UP · neo4j UP");
  });

  it("adds the components that are not UP", () => {
    const down = {
      status: "DOWN",
      components: { ...up.components, neo4j: { status: "DOWN" }, diskSpace: { status: "DOWN" } },
    };
    expect(describeHealth(parseHealth(down))).toBe("Server DOWN · neo4j DOWN · diskSpace DOWN");
  });

  it("shows the status alone when components are hidden", () => {
    expect(describeHealth({ status: "UP", components: [] })).toBe("Server UP");
  });
});

describe("loadHealth", () => {
  it("reads a healthy server", async () => {
    expect(await loadHealth(answering(up))).toMatchObject({ kind: "known", tone: "ok", text: "Server UP · neo4j UP" });
  });

  it("reads the DOWN body the actuator sends with HTTP 503", async () => {
    const body = { status: "DOWN", components: { neo4j: { status: "DOWN" } } };
    expect(await loadHealth(answering(body, 503))).toMatchObject({
      kind: "known",
      tone: "bad",
      text: "Server DOWN · neo4j DOWN",
    });
  });

  it("reports an unreachable server as an error", async () => {
    expect(await loadHealth(unreachable)).toEqual({ kind: "error", message: expect.stringContaining("Cannot reach") });
  });
});
