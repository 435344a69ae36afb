import { describe, expect, it } from "vitest";
import {
  accountLabel,
  bidiSegments,
  firstStrongDir,
  FSI,
  hasRtl,
  hashtagWord,
  isolate,
  isolatedHashtag,
  LRI,
  PDI,
  RLI,
} from "./bidi";

describe("hasRtl", () => {
  it("finds Persian, Arabic and Hebrew letters, not Latin or digits", () => {
    expect(hasRtl("ایران")).toBe(true);
    expect(hasRtl("مرحبا")).toBe(true);
    expect(hasRtl("שלום")).toBe(true);
    expect(hasRtl("Iran 2024 #tag")).toBe(false);
  });
});

describe("isolate and hashtags", () => {
  it("wraps text in first-strong isolate marks", () => {
    expect(isolate("ایران")).toBe(`${FSI}ایران${PDI}`);
  });

  it("keeps the sign outside the word's isolate, inside one isolate of the UI's direction", () => {
    expect(isolatedHashtag("ایران_قوی")).toBe(`${LRI}#${FSI}ایران_قوی${PDI}${PDI}`);
    expect(isolatedHashtag("#ایران_قوی")).toBe(`${LRI}#${FSI}ایران_قوی${PDI}${PDI}`);
    expect(isolatedHashtag("iran", "rtl")).toBe(`${RLI}#${FSI}iran${PDI}${PDI}`);
  });

  it("labels an account by its screen name with the sign kept, or by its isolated id", () => {
    expect(accountLabel("علی_۱۲", "42")).toBe(`${LRI}@${FSI}علی_۱۲${PDI}${PDI}`);
    expect(accountLabel(null, "42")).toBe(`${FSI}42${PDI}`);
  });

  it("drops one leading sign only", () => {
    expect(hashtagWord("#tag")).toBe("tag");
    expect(hashtagWord("tag")).toBe("tag");
    expect(hashtagWord("##tag")).toBe("#tag");
  });
});

describe("bidiSegments", () => {
  it("leaves an English message whole", () => {
    expect(bidiSegments("12 of 20 have empty profiles (40% of all accounts)")).toEqual([
      { text: "12 of 20 have empty profiles (40% of all accounts)", kind: "plain" },
    ]);
  });

  it("isolates a quoted snippet, keeping the quotes in the English text", () => {
    expect(bidiSegments('near-text: e.g. "سلام دنیا", "hello"')).toEqual([
      { text: 'near-text: e.g. "', kind: "plain" },
      { text: "سلام دنیا", kind: "text" },
      { text: '", "', kind: "plain" },
      { text: "hello", kind: "text" },
      { text: '"', kind: "plain" },
    ]);
  });

  it("isolates a run of Persian words with the spaces between them, not the punctuation around it", () => {
    expect(bidiSegments("hashtag (ایران قوی) by 41 members; نه, 3")).toEqual([
      { text: "hashtag (", kind: "plain" },
      { text: "ایران قوی", kind: "text" },
      { text: ") by 41 members; ", kind: "plain" },
      { text: "نه", kind: "text" },
      { text: ", 3", kind: "plain" },
    ]);
  });

  it("makes a hashtag one unit with its sign, in quotes or not", () => {
    expect(bidiSegments('pushed #ایران_قوی and "#Execute"')).toEqual([
      { text: "pushed ", kind: "plain" },
      { text: "#ایران_قوی", kind: "hashtag" },
      { text: ' and "', kind: "plain" },
      { text: "#Execute", kind: "hashtag" },
      { text: '"', kind: "plain" },
    ]);
  });

  it("keeps every character of the message in order", () => {
    const message = 'co-hashtag: 5 shared hashtags; e.g. "ایران_قوی", "عدالت برای همه" — #tag, (متن) end';
    expect(
      bidiSegments(message)
        .map((s) => s.text)
        .join(""),
    ).toBe(message);
  });
});

describe("firstStrongDir", () => {
  it("is the direction of the first strong letter, as dir=auto decides it", () => {
    expect(firstStrongDir("#risevictory", "rtl")).toBe("ltr");
    expect(firstStrongDir("«ایران» and more", "ltr")).toBe("rtl");
    expect(firstStrongDir("12:00 — ", "rtl")).toBe("rtl");
    expect(firstStrongDir("“@GovMKowalski", "rtl")).toBe("ltr");
  });
});
