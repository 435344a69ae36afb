import type { Campaign, CampaignKind } from "../api/types";

/** The evidence signal whose shared object a campaign of this kind follows (null: none has one). */
const KIND_OF_SIGNAL: Record<string, CampaignKind> = {
  "co-hashtag": "hashtag",
  "co-link": "link",
  "co-domain": "domain",
  "co-retweet": "retweet",
  "near-text": "text",
};

/** The campaign kind for a shared object of a signal, e.g. co-hashtag → hashtag; null for an unknown signal. */
export function campaignKind(signal: string): CampaignKind | null {
  return KIND_OF_SIGNAL[signal] ?? null;
}

/**
 * What a campaign looks for, from a shared object: a shared text (near-text) by its first words, before any
 * ellipsis, since its near-duplicates differ further on; other objects as they are.
 */
export function campaignValue(signal: string, object: string): string {
  if (signal !== "near-text") return object;
  const head = object.replace(/(…|\.\.\.)\s*$/, "").trim();
  return head.split(/\s+/).slice(0, 8).join(" ");
}

/** A search hit's type as a campaign kind (accounts have none). */
export function kindOfHit(type: string): CampaignKind | null {
  return type === "hashtag" || type === "link" ? type : null;
}

/** One bar of the volume chart: the suspect clusters' posts stacked (largest cluster first), then the rest. */
export interface Bar {
  start: number;
  parts: { cluster: string; posts: number }[];
  rest: number;
  total: number;
}

/** The volume chart's bars: per bucket, each suspect cluster's posts and what everyone else posted. */
export function stackedBars(c: Campaign): Bar[] {
  const suspects = c.clusters.filter((k) => k.suspect);
  const from = c.from === null ? 0 : Date.parse(c.from);
  return c.volume.map((total, i) => {
    const parts = suspects.map((k) => ({ cluster: k.id, posts: k.volume[i] ?? 0 })).filter((p) => p.posts > 0);
    const clustered = parts.reduce((sum, p) => sum + p.posts, 0);
    return { start: from + i * c.bucketSeconds * 1000, parts, rest: total - clustered, total };
  });
}

/** A bucket width in words: "5 minutes", "1 hour", "1 day". */
export function bucketWords(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? "1 day" : `${seconds / 86_400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? "1 hour" : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "1 minute" : `${seconds / 60} minutes`;
  return `${seconds} s`;
}

/** A share as a percentage with one decimal: 0.6667 → "66.7 %". */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)} %`;
}
