/**
 * The import wizard's column mapping: which column of the file each key of the shares format reads
 * (`ColumnMapping` on the server), written as the spec the API takes: `key=column,key=column`.
 */

/** A key of the spec as the server lists it (GET /api/imports/mapping). */
export interface MappingKeyInfo {
  key: string;
  arity: "one" | "many" | "option";
  help: string;
}

/** What a key is often called in a file's header (lower case, without spaces, underscores or dashes). */
const SYNONYMS: Record<string, readonly string[]> = {
  account: ["account", "accountid", "userid", "authorid", "author", "user", "fromid", "uid"],
  post: ["post", "postid", "tweetid", "id", "messageid", "contentid"],
  time: ["time", "timestamp", "date", "createdat", "tweettime", "publishdate", "timestampshare", "datetime"],
  text: ["text", "content", "tweettext", "message", "body"],
  lang: ["lang", "language", "tweetlanguage"],
  "screen-name": ["screenname", "username", "userscreenname", "handle"],
  "display-name": ["displayname", "name", "userdisplayname"],
  followers: ["followers", "followercount", "followerscount"],
  following: ["following", "followingcount", "friendscount"],
  "retweet-of": ["retweetof", "retweetid", "retweettweetid", "objectid"],
  url: ["url", "urls", "link", "expandedurl"],
  hashtag: ["hashtag", "hashtags", "tag"],
  domain: ["domain"],
  mention: ["mention", "mentions", "usermentions"],
};

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, "");

/** A first guess at the mapping from a header: each column key whose usual names include the column's. */
export function guessMapping(header: readonly string[], keys: readonly MappingKeyInfo[]): Map<string, string> {
  const guess = new Map<string, string>();
  const used = new Set<string>();
  for (const k of keys) {
    if (k.arity === "option") continue;
    const names = SYNONYMS[k.key] ?? [squash(k.key)];
    // the earliest synonym wins (author_id before id), each column read by one key
    for (const name of names) {
      const column = header.find((c) => squash(c) === name && !used.has(c));
      if (column !== undefined) {
        guess.set(k.key, column);
        used.add(column);
        break;
      }
    }
  }
  return guess;
}

/** A value as the spec grammar takes it: quoted when it holds a comma or a quote, a quote inside doubled. */
function specValue(value: string): string {
  return /[,"']/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The spec for a preset (may be empty) and the chosen columns and options: `preset,key=column,…`. */
export function mappingSpec(preset: string, chosen: ReadonlyMap<string, string>): string {
  const items: string[] = preset ? [preset] : [];
  for (const [key, column] of chosen) if (column !== "") items.push(`${key}=${specValue(column)}`);
  return items.join(",");
}

/** What is missing for an import without a preset: the required keys (account and time) not mapped. */
export function missingKeys(preset: string, chosen: ReadonlyMap<string, string>): string[] {
  if (preset) return [];
  return ["account", "time"].filter((k) => !chosen.get(k));
}

/** The format a preview suggests: JSON Lines are twarc2, an archive header infoops, any other table shares. */
export function suggestFormat(kind: string, header: readonly string[]): string {
  if (kind === "jsonl") return header.length === 0 ? "telegram" : "twarc2";
  const cols = new Set(header.map(squash));
  if (cols.has("tweetid") && cols.has("userid")) return "infoops";
  if (cols.has("userid") && cols.has("userscreenname") && cols.has("accountcreationdate")) return "infoops";
  return "shares";
}
