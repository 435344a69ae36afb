import { describe, expect, it } from "vitest";
import { cellText, humanLabel } from "./labels";

describe("humanLabel", () => {
  it("splits camel case, snake case and dots into lower-case words", () => {
    expect(humanLabel("firstAt")).toBe("first at");
    expect(humanLabel("screen_name")).toBe("screen name");
    expect(humanLabel("c.clusterId")).toBe("c cluster id");
    expect(humanLabel("n")).toBe("n");
  });

  it("keeps acronyms whole", () => {
    expect(humanLabel("topURL")).toBe("top URL");
    expect(humanLabel("URLCount")).toBe("URL count");
  });
});

describe("cellText", () => {
  it("rounds fractions and leaves whole numbers (ids) untouched", () => {
    expect(cellText(0.7623200727947579)).toBe("0.762");
    expect(cellText(2.5)).toBe("2.5");
    expect(cellText(1234567890123)).toBe("1234567890123");
  });

  it("writes objects as JSON and null as nothing", () => {
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(null)).toBe("");
    expect(cellText("ایران")).toBe("ایران");
  });
});
