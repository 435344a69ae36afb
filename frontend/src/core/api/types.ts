/** What crosses the wire, as /work/api-contract.md describes it (the explore API). */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export type MarkStatus = "confirmed" | "false_positive" | "needs_review";

export interface Mark {
  targetType: "account" | "cluster";
  targetId: string;
  dataset: string | null;
  status: MarkStatus;
  note: string | null;
  updatedAt: string | null;
  /** who is to look at it (a user name) */
  assignee: string | null;
  /** a cluster's mark carried over from this cluster of an earlier run (null: set on this cluster) */
  carriedFrom: string | null;
}

/** A detection run as its node records it (backend detect.DetectionResult): null what it has not reached. */
export interface DetectionResult {
  runId: string;
  dataset: string;
  status: "RUNNING" | "DONE" | "FAILED" | null;
  startedAt: string | null;
  error: string | null;
  resolutionSeconds: number | null;
  params: Record<string, unknown> | null;
  accounts: number | null;
  actions: Record<string, number> | null;
  edges: number | null;
  modularity: number | null;
  clusters: number | null;
  suspectClusters: number | null;
  suspects: number | null;
  persistedEdges: number | null;
  coActiveAccounts: number | null;
  coActiveClustered: number | null;
  millis: Record<string, number> | null;
  top: TopCluster[] | null;
}

export interface TopCluster {
  id: string;
  size: number;
  score: number;
  reasons: string[];
}

export interface ClusterSummary {
  id: string;
  run: string;
  dataset: string;
  size: number;
  score: number;
  signals: string[];
  reasons: string[];
  createdFrom: string | null;
  createdTo: string | null;
  /** What the cluster pushed most ("#tag", "retweets of @name", "site example.org"); null when unknown. */
  name?: string | null;
  /** The score from which detection counts a cluster as suspect. */
  suspectThreshold?: number;
  mark: Mark | null;
}

export interface TopObject {
  kind: string;
  object: string;
  accounts: number;
  actions: number;
  firstAt: string | null;
  lastAt: string | null;
}

export interface Member {
  accountId: string;
  screenName: string | null;
  /** "twitter" or "telegram"; null for a store imported before platforms were recorded. */
  platform: string | null;
  createdAt: string | null;
  strength: number;
  score: number;
  reasons: string[];
  mark: Mark | null;
  allowlisted?: boolean;
}

export interface ClusterDetail {
  summary: ClusterSummary;
  reasons: string[];
  topObjects: TopObject[];
  members: Page<Member>;
}

export interface GraphNode {
  id: string;
  screenName: string | null;
  clusterId: string | null;
  score: number;
  strength: number;
  inCluster: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
  signals: string[];
  firstAt: string | null;
  lastAt: string | null;
}

export interface ClusterGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
  totalNodes: number;
  totalEdges: number;
}

/** Posts over time: `counts[i]` posts in [from + i·bucketSeconds, from + (i+1)·bucketSeconds). */
export interface Activity {
  from: string;
  to: string;
  bucketSeconds: number;
  counts: number[];
}

export interface Membership {
  run: string;
  clusterId: string;
  clusterScore: number;
  strength: number;
  score: number;
  reasons: string[];
}

export interface CoActor {
  id: string;
  screenName: string | null;
  weight: number;
  signals: string[];
  clusterId: string | null;
}

export interface AccountDetail {
  id: string;
  dataset: string;
  /** "twitter" or "telegram"; null for a store imported before platforms were recorded. */
  platform: string | null;
  screenName: string | null;
  displayName: string | null;
  description: string | null;
  createdAt: string | null;
  followers: number | null;
  following: number | null;
  client: string | null;
  lang: string | null;
  posts: number | null;
  retweets: number | null;
  memberships: Membership[];
  activity: Activity | null;
  topCoActors: CoActor[];
  mark: Mark | null;
  allowlisted: boolean;
  /** The run the co-actors come from (null when the dataset has none). */
  run?: string | null;
}

export interface EvidenceItem {
  signal?: string;
  kind: string;
  /** The object's inverse document frequency: how rare it is, so how telling a shared action on it is. */
  idf?: number | null;
  object: string;
  timeA: string | null;
  timeB: string | null;
  gapSeconds: number | null;
  [more: string]: unknown;
}

export interface EdgeEvidence {
  run: string;
  a: string;
  b: string;
  weight: number;
  support: number | null;
  signals: string[];
  evidence: EvidenceItem[];
}

/** The post a retweet or forward repeats, as far as the dataset knows it. */
export interface OriginalPost {
  id: string;
  text: string | null;
  time: string | null;
  authorId: string | null;
  authorScreenName: string | null;
}

/** One post: exact time, text, `file:line` of its row, a link to it on its platform when the id allows. */
export interface Post {
  id: string;
  /** "twitter" or "telegram"; null for a store imported before platforms were recorded. */
  platform: string | null;
  time: string | null;
  text: string | null;
  lang: string | null;
  source: string | null;
  url: string | null;
  original: OriginalPost | null;
}

/** A shared object behind an edge with both accounts' posts on it (A the account asked about, B its co-actor). */
export interface EvidenceCard {
  signal: string;
  object: string;
  idf: number | null;
  coActorId: string;
  coActorScreenName: string | null;
  timeA: string | null;
  timeB: string | null;
  gapSeconds: number | null;
  postA: Post | null;
  postB: Post | null;
}

export interface SearchHit {
  type: "account" | "hashtag" | "link";
  id: string;
  label: string;
  dataset: string | null;
  detail: string | null;
}

export type ParamType = "string" | "int" | "float" | "datetime" | "boolean";

export interface QueryParam {
  name: string;
  type: ParamType;
  default: unknown;
  required?: boolean;
  description: string;
}

export interface SavedQuery {
  name: string;
  title: string;
  description: string;
  parameters: QueryParam[];
  returnsGraph?: boolean;
  /** The query's Cypher text. */
  cypher?: string;
}

export interface QueryNode {
  id: string;
  label: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface QueryEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  properties: Record<string, unknown>;
}

export interface QueryGraph {
  nodes: QueryNode[];
  edges: QueryEdge[];
}

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
  millis: number;
  graph: QueryGraph | null;
}

export interface RunChange {
  accountId: string;
  screenName: string | null;
  fromCluster: string | null;
  toCluster: string | null;
  mark: Mark | null;
}

/** A cluster of the first run, its match in the second (most of its members), both scores and marks. */
export interface ClusterMatch {
  fromCluster: string;
  fromScore: number;
  members: number;
  toCluster: string | null;
  toScore: number | null;
  scoreChange: number | null;
  shared: number;
  fromMark: Mark | null;
  toMark: Mark | null;
}

export interface RunComparison {
  from: string;
  to: string;
  clusters: Page<ClusterMatch>;
  entered: Page<RunChange>;
  left: Page<RunChange>;
  moved: Page<RunChange>;
}

export interface SourceFormatInfo {
  id: string;
  description: string;
}

export interface BadRow {
  file: string;
  line: number;
  field: string | null;
  reason: string;
}

export type JobStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";

export interface ImportJob {
  id: string;
  dataset: string;
  format: string;
  status: JobStatus;
  bytesRead: number;
  totalBytes: number;
  records: number;
  badRows: number;
  /** Share of the bytes read, 0–1. */
  progress: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** What the dataset holds once the job succeeded, as the stats command counts it (null until then). */
  stored: DatasetCounts | null;
  report: {
    dataset: string;
    /** Account (profile) rows read; accounts that only appear as authors are not in it: see `stored`. */
    accounts: number;
    posts: number;
    badRows: number;
    badRowSample: BadRow[];
    millis: number;
    /** Service messages (Telegram's joins, pins, title changes) skipped, not counted as bad rows. */
    serviceMessages: number;
  } | null;
  error: string | null;
}

export interface DetectionOption {
  id: string;
  type: "BOOLEAN" | "INTEGER" | "NUMBER";
  defaultValue: boolean | number | null;
  description: string;
}

export interface DetectionJob {
  id: string;
  dataset: string;
  status: JobStatus;
  phase: string | null;
  progress: number;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  result: DetectionResult | null;
  error: string | null;
}

/** What a dataset holds, as the stats command counts it. */
export type DatasetCounts = Omit<DatasetInfo, "name" | "source" | "importedAt">;

export interface DatasetInfo {
  name: string;
  source: string;
  importedAt: string | null;
  accounts: number | null;
  tweets: number | null;
  referencedTweets: number | null;
  retweets: number | null;
  links: number | null;
  domains: number | null;
  hashtags: number | null;
  images: number | null;
  relationships: number | null;
}

/** One audit-trail entry (`GET /api/admin/audit`). */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** Who is signed in (`GET /api/me`). */
export interface Me {
  username: string;
  roles: string[];
}

/** A user as admins see it (`/api/admin/users`); never the password hash. */
export interface UserInfo {
  username: string;
  roles: string[];
  enabled: boolean;
  createdAt: string | null;
}

/** A user with the password to hand over: set only when the server generated it (shown once). */
export interface Credentials {
  user: UserInfo;
  password: string | null;
}

/** GET /api/campaigns: one cluster's part of a campaign (volume aligned with the campaign's buckets). */
export interface ClusterShare {
  id: string;
  name: string | null;
  score: number;
  suspect: boolean;
  posts: number;
  accounts: number;
  share: number;
  volume: number[];
}

/** A clustered account behind a campaign. */
export interface Backer {
  accountId: string;
  screenName: string | null;
  cluster: string;
  suspect: boolean;
  posts: number;
  firstAt: string;
  lastAt: string;
}

export type CampaignKind = "hashtag" | "link" | "domain" | "retweet" | "text";

/** GET /api/campaigns: a hashtag, link, site, retweeted tweet or line over time, and who pushed it. */
export interface Campaign {
  kind: CampaignKind;
  value: string;
  dataset: string;
  run: string | null;
  posts: number;
  accounts: number;
  suspectPosts: number;
  suspectShare: number;
  suspectThreshold: number;
  from: string | null;
  to: string | null;
  bucketSeconds: number;
  volume: number[];
  hours: number[];
  peakHours: number[];
  clusters: ClusterShare[];
  backers: Backer[];
}

/** POST /api/imports/preview: a file's header and first rows (JSON Lines: the first object's keys, the lines). */
export interface ImportPreview {
  file: string;
  kind: "csv" | "tsv" | "jsonl";
  header: string[];
  rows: string[][];
}

/** GET /api/imports/mapping: the shares format's mapping keys and presets. */
export interface MappingHelp {
  keys: { key: string; arity: "one" | "many" | "option"; help: string }[];
  presets: { name: string; spec: string; description: string }[];
}
