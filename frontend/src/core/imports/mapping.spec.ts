import { describe, expect, it } from "vitest";
import { guessMapping, mappingSpec, missingKeys, suggestFormat, type MappingKeyInfo } from "./mapping";

const KEYS: MappingKeyInfo[] = [
  { key: "account", arity: "one", help: "" },
  { key: "post", arity: "one", help: "" },
  { key: "time", arity: "one", help: "" },
  { key: "text", arity: "one", help: "" },
  { key: "hashtag", arity: "many", help: "" },
  { key: "zone", arity: "option", help: "" },
];

describe("import column mapping", () => {
  it("guesses each key's column from usual header names, one column per key", () => {
    const guess = guessMapping(["id", "author_id", "Publish Date", "content", "Hashtags"], KEYS);
    expect([...guess]).toEqual([
      ["account", "author_id"],
      ["post", "id"],
      ["time", "Publish Date"],
      ["text", "content"],
      ["hashtag", "Hashtags"],
    ]);
  });

  it("writes the spec as key=column, the preset first, odd column names quoted", () => {
    const chosen = new Map([
      ["account", "author"],
      ["time", "date, UTC"],
      ["text", ""],
    ]);
    expect(mappingSpec("", chosen)).toBe('account=author,time="date, UTC"');
    expect(mappingSpec("ira", new Map([["zone", "America/New_York"]]))).toBe("ira,zone=America/New_York");
  });

  it("names the required keys left unmapped unless a preset covers them", () => {
    expect(missingKeys("", new Map([["account", "a"]]))).toEqual(["time"]);
    expect(missingKeys("coortweet", new Map())).toEqual([]);
  });

  it("suggests a format from the preview", () => {
    expect(suggestFormat("csv", ["tweetid", "userid", "tweet_text"])).toBe("infoops");
    expect(suggestFormat("csv", ["author", "when"])).toBe("shares");
    expect(suggestFormat("jsonl", ["id", "text"])).toBe("twarc2");
  });
});
