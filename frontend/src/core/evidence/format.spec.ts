import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../i18n/i18n";
import { exactInstant, gapText, sharedWhat } from "./format";

describe("exactInstant", () => {
  it("shows the second, in UTC, whatever offset the text has", () => {
    expect(exactInstant("2021-03-01T10:00:07Z")).toBe("2021-03-01 10:00:07 UTC");
    expect(exactInstant("2021-03-01T13:30:07+03:30")).toBe("2021-03-01 10:00:07 UTC");
  });

  it("keeps unparseable text and marks a missing time", () => {
    expect(exactInstant("yesterday")).toBe("yesterday");
    expect(exactInstant(null)).toBe("—");
  });
});

describe("gapText", () => {
  it("uses the largest two units that say it", () => {
    expect(gapText(0)).toBe("0 s");
    expect(gapText(7)).toBe("7 s");
    expect(gapText(60)).toBe("1 min");
    expect(gapText(90)).toBe("1 min 30 s");
    expect(gapText(7500)).toBe("2 h 5 min");
    expect(gapText(3 * 86400 + 4 * 3600 + 59)).toBe("3 d 4 h");
  });

  it("marks an unknown gap", () => {
    expect(gapText(null)).toBe("—");
    expect(gapText(Number.NaN)).toBe("—");
  });
});

describe("sharedWhat", () => {
  it("names each signal's object and falls back to the id", () => {
    expect(sharedWhat("co-retweet")).toBe("retweeted the same tweet");
    expect(sharedWhat("image")).toBe("co-acted (image)");
  });
});

describe("in Persian", () => {
  afterEach(() => setLanguage("en"));

  it("says gaps and shared objects in the UI's language", () => {
    setLanguage("fa");
    expect(gapText(90)).toBe("1 دقیقه 30 ثانیه");
    expect(sharedWhat("co-hashtag")).toBe("یک هشتگ را به کار بردند");
    expect(sharedWhat("image")).toBe("هم‌کنشی (image)");
  });
});
