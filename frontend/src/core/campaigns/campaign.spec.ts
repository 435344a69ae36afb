import { describe, expect, it } from "vitest";
import type { Campaign } from "../api/types";
import { bucketWords, campaignKind, campaignValue, percent, stackedBars } from "./campaign";

const campaign: Campaign = {
  kind: "hashtag",
  value: "execute",
  dataset: "d",
  run: "r",
  posts: 9,
  accounts: 5,
  suspectPosts: 5,
  suspectShare: 5 / 9,
  suspectThreshold: 0.5,
  from: "2021-03-02T12:00:00Z",
  to: "2021-03-02T15:00:00Z",
  bucketSeconds: 3600,
  volume: [4, 0, 5],
  hours: [],
  peakHours: [14, 12],
  clusters: [
    { id: "r/1", name: "#execute", score: 0.9, suspect: true, posts: 4, accounts: 2, share: 4 / 9, volume: [3, 0, 1] },
    { id: "r/2", name: null, score: 0.7, suspect: true, posts: 1, accounts: 1, share: 1 / 9, volume: [0, 0, 1] },
    { id: "r/3", name: null, score: 0.1, suspect: false, posts: 2, accounts: 1, share: 2 / 9, volume: [0, 0, 2] },
  ],
  backers: [],
};

describe("campaigns", () => {
  it("stacks the suspect clusters' posts per bucket and leaves the rest, non-suspect clusters included, grey", () => {
    const bars = stackedBars(campaign);
    expect(bars.map((b) => b.total)).toEqual([4, 0, 5]);
    expect(bars[0]?.parts).toEqual([{ cluster: "r/1", posts: 3 }]);
    expect(bars[0]?.rest).toBe(1);
    expect(bars[2]?.parts).toEqual([
      { cluster: "r/1", posts: 1 },
      { cluster: "r/2", posts: 1 },
    ]);
    expect(bars[2]?.rest).toBe(3);
    expect(bars[2]?.start).toBe(Date.parse("2021-03-02T14:00:00Z"));
  });

  it("maps a shared object's signal to a campaign kind", () => {
    expect(campaignKind("co-hashtag")).toBe("hashtag");
    expect(campaignKind("near-text")).toBe("text");
    expect(campaignKind("co-image")).toBeNull();
  });

  it("looks for a shared text by its first eight words, without the ellipsis", () => {
    expect(campaignValue("near-text", "one two three four five six seven eight nine ten…")).toBe(
      "one two three four five six seven eight",
    );
    expect(campaignValue("near-text", "short line…")).toBe("short line");
    expect(campaignValue("co-hashtag", "tag…")).toBe("tag…");
  });

  it("says bucket widths and shares in words", () => {
    expect(bucketWords(300)).toBe("5 minutes");
    expect(bucketWords(3600)).toBe("1 hour");
    expect(bucketWords(86_400 * 7)).toBe("7 days");
    expect(percent(2 / 3)).toBe("66.7 %");
    expect(percent(1)).toBe("100.0 %");
  });
});
