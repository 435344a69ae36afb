/** An instant to the second, in UTC (evidence is about seconds): "2021-03-01 10:00:07 UTC"; unparseable text as given. */
export function exactInstant(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 19)} UTC`;
}

/** A gap between two actions for people: "7 s", "1 min 30 s", "2 h 5 min", "3 d 4 h". */
export function gapText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  if (s < 86400)
    return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ""}`;
  return `${Math.floor(s / 86400)} d${Math.floor((s % 86400) / 3600) ? ` ${Math.floor((s % 86400) / 3600)} h` : ""}`;
}

/** What a signal's shared object is, in words: "retweeted the same tweet", "used the same hashtag". */
export function sharedWhat(signal: string): string {
  switch (signal) {
    case "co-retweet":
      return "retweeted the same tweet";
    case "co-link":
      return "shared the same link";
    case "co-domain":
      return "linked to the same site";
    case "co-hashtag":
      return "used the same hashtag";
    case "near-text":
      return "posted nearly the same text";
    default:
      return `co-acted (${signal})`;
  }
}
