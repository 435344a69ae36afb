import { describe, expect, it } from "vitest";
import { platformName } from "./platform";

describe("platformName", () => {
  it("names the two platforms, a dash for a store imported before platforms, anything else as given", () => {
    expect(platformName("telegram")).toBe("Telegram");
    expect(platformName("twitter")).toBe("Twitter");
    expect(platformName(null)).toBe("—");
    expect(platformName("mastodon")).toBe("mastodon");
  });
});
