import { ApiError } from "./errors";
import { isObject, sendJson, type FetchFn, type SendOptions } from "./http";
import { uploadingFetch } from "./upload";
import type {
  AccountDetail,
  AuditEntry,
  Activity,
  Campaign,
  CampaignKind,
  ClusterDetail,
  ClusterGraph,
  ClusterSummary,
  Credentials,
  CoActor,
  DatasetInfo,
  DetectionJob,
  DetectionOption,
  EdgeEvidence,
  EvidenceCard,
  ImportJob,
  ImportPreview,
  MappingHelp,
  Mark,
  MarkStatus,
  Me,
  Page,
  Post,
  QueryResult,
  RunComparison,
  DetectionResult,
  SavedQuery,
  SearchHit,
  SourceFormatInfo,
  UserInfo,
} from "./types";

/** Query parameters; empty, null and undefined values are left out of the URL. */
export type Params = Record<string, string | number | boolean | null | undefined>;

/**
 * Builds an API URL: every path segment goes through `encodeURIComponent` (account ids carry `/`, `+`
 * and `=`), and the parameters that have a value become the query string.
 */
export function apiUrl(segments: readonly (string | number)[], params: Params = {}): string {
  const path = "/api/" + segments.map((s) => encodeURIComponent(String(s))).join("/");
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    query.set(key, String(value));
  }
  const q = query.toString();
  return q === "" ? path : `${path}?${q}`;
}

function badShape(url: string, detail: string): never {
  throw new ApiError({ kind: "bad-shape", url, detail });
}

/** Checks the `{items, total, page, size}` envelope; a plain list (older servers) is accepted as one page. */
export function asPage<T>(body: unknown, url: string): Page<T> {
  if (Array.isArray(body)) return { items: body as T[], total: body.length, page: 0, size: body.length };
  if (!isObject(body)) return badShape(url, "expected a page object");
  const items = body["items"];
  if (!Array.isArray(items)) return badShape(url, "no items list");
  const num = (key: string, fallback: number) => (typeof body[key] === "number" ? (body[key] as number) : fallback);
  return {
    items: items as T[],
    total: num("total", items.length),
    page: num("page", 0),
    size: num("size", items.length),
  };
}

function asObject<T>(body: unknown, url: string, required: readonly string[] = []): T {
  if (!isObject(body)) return badShape(url, "expected an object");
  for (const key of required) {
    if (!(key in body)) return badShape(url, `no ${key}`);
  }
  return body as T;
}

function asList<T>(body: unknown, url: string): T[] {
  if (Array.isArray(body)) return body as T[];
  if (isObject(body) && Array.isArray(body["items"])) return body["items"] as T[];
  return badShape(url, "expected a list");
}

/** Filters of the audit trail: who, what (an action or its prefix, e.g. `export`), and a time range (ISO-8601). */
export interface AuditQuery {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  size?: number;
}

export interface ClusterQuery {
  run?: string;
  dataset?: string;
  minScore?: number;
  signal?: string;
  sort?: "score" | "size" | "created";
  dir?: "asc" | "desc";
  page?: number;
  size?: number;
}

/** The typed CoordScope API. One method per endpoint; every failure is an {@link ApiError}. */
export class Api {
  constructor(private readonly fetchFn?: FetchFn) {}

  private call(url: string, options: SendOptions = {}): Promise<unknown> {
    return sendJson(url, this.fetchFn ? { ...options, fetchFn: this.fetchFn } : options);
  }

  private async get<T>(url: string, check: (body: unknown, url: string) => T): Promise<T> {
    return check(await this.call(url), url);
  }

  datasets(): Promise<Page<DatasetInfo>> {
    return this.get(apiUrl(["datasets"], { size: 500 }), asPage<DatasetInfo>);
  }

  runs(dataset?: string): Promise<Page<DetectionResult>> {
    return this.get(apiUrl(["runs"], { dataset, size: 500 }), asPage<DetectionResult>);
  }

  compareRuns(from: string, to: string, size = 200): Promise<RunComparison> {
    return this.get(apiUrl(["runs", "compare"], { from, to, size }), (b, u) =>
      asObject<RunComparison>(b, u, ["entered", "left", "moved"]),
    );
  }

  clusters(q: ClusterQuery): Promise<Page<ClusterSummary>> {
    return this.get(apiUrl(["clusters"], { ...q }), asPage<ClusterSummary>);
  }

  cluster(id: string, memberPage = 0, memberSize = 200): Promise<ClusterDetail> {
    return this.get(apiUrl(["clusters", id], { memberPage, memberSize }), (b, u) =>
      asObject<ClusterDetail>(b, u, ["summary", "members"]),
    );
  }

  clusterGraph(id: string, limit: number): Promise<ClusterGraph> {
    return this.get(apiUrl(["clusters", id, "graph"], { limit }), (b, u) =>
      asObject<ClusterGraph>(b, u, ["nodes", "edges"]),
    );
  }

  campaign(q: {
    kind: CampaignKind;
    value: string;
    dataset?: string | undefined;
    run?: string | undefined;
  }): Promise<Campaign> {
    return this.get(apiUrl(["campaigns"], q), (b, u) => asObject<Campaign>(b, u, ["volume", "clusters"]));
  }

  clusterActivity(id: string, buckets = 60): Promise<Activity> {
    return this.get(apiUrl(["clusters", id, "activity"], { buckets }), (b, u) => asObject<Activity>(b, u, ["counts"]));
  }

  account(id: string, dataset?: string, run?: string): Promise<AccountDetail> {
    return this.get(apiUrl(["accounts", id], { dataset, run }), (b, u) => asObject<AccountDetail>(b, u, ["id"]));
  }

  neighbours(
    id: string,
    q: { run?: string; dataset?: string; signal?: string; page?: number; size?: number },
  ): Promise<Page<CoActor>> {
    return this.get(apiUrl(["accounts", id, "neighbours"], { ...q }), asPage<CoActor>);
  }

  /** The edge's evidence cards, newest first. */
  edgeCards(
    a: string,
    b: string,
    q: { run?: string | undefined; dataset?: string; page?: number; size?: number },
  ): Promise<Page<EvidenceCard>> {
    return this.get(apiUrl(["edges", "cards"], { ...q, a, b }), asPage<EvidenceCard>);
  }

  /** Every edge's evidence cards of an account in a run, newest first. */
  accountCards(
    id: string,
    q: { run?: string | undefined; dataset?: string; page?: number; size?: number },
  ): Promise<Page<EvidenceCard>> {
    return this.get(apiUrl(["accounts", id, "cards"], { ...q }), asPage<EvidenceCard>);
  }

  /** An account's posts, newest first. */
  posts(id: string, q: { dataset?: string; page?: number; size?: number }): Promise<Page<Post>> {
    return this.get(apiUrl(["accounts", id, "posts"], { ...q }), asPage<Post>);
  }

  edge(a: string, b: string, run?: string, dataset?: string): Promise<EdgeEvidence> {
    return this.get(apiUrl(["edges"], { run, dataset, a, b }), (body, u) =>
      asObject<EdgeEvidence>(body, u, ["evidence"]),
    );
  }

  search(q: string, size = 50): Promise<Page<SearchHit>> {
    return this.get(apiUrl(["search"], { q, size }), asPage<SearchHit>);
  }

  queries(): Promise<SavedQuery[]> {
    return this.get(apiUrl(["queries"]), asList<SavedQuery>);
  }

  async runQuery(name: string, params: Record<string, unknown>): Promise<QueryResult> {
    const url = apiUrl(["queries", name, "run"]);
    const body = await this.call(url, { method: "POST", body: { params }, timeoutMs: 120_000 });
    return asObject<QueryResult>(body, url, ["columns", "rows"]);
  }

  marks(status?: MarkStatus, page = 0, size = 100): Promise<Page<Mark>> {
    return this.get(apiUrl(["marks"], { status, page, size }), (b, u) => asPage<Mark>(b, u));
  }

  async setMark(mark: {
    targetType: "account" | "cluster";
    targetId: string;
    dataset: string | null;
    status: MarkStatus;
    note: string;
    assignee?: string;
  }): Promise<Mark> {
    const url = apiUrl(["marks"]);
    return asObject<Mark>(await this.call(url, { method: "PUT", body: mark }), url);
  }

  async clearMark(targetType: "account" | "cluster", targetId: string, dataset: string | null): Promise<void> {
    await this.call(apiUrl(["marks"], { targetType, targetId, dataset }), { method: "DELETE" });
  }

  async allow(dataset: string, accountId: string, note: string): Promise<void> {
    await this.call(apiUrl(["allowlist"]), { method: "PUT", body: { dataset, accountId, note } });
  }

  async disallow(dataset: string, accountId: string): Promise<void> {
    await this.call(apiUrl(["allowlist"], { dataset, accountId }), { method: "DELETE" });
  }

  formats(): Promise<SourceFormatInfo[]> {
    return this.get(apiUrl(["formats"]), asList<SourceFormatInfo>);
  }

  async importPreview(file: File): Promise<ImportPreview> {
    const url = apiUrl(["imports", "preview"]);
    const form = new FormData();
    form.append("file", file);
    return asObject<ImportPreview>(await this.call(url, { method: "POST", body: form, timeoutMs: 120_000 }), url, [
      "header",
    ]);
  }

  importMapping(): Promise<MappingHelp> {
    return this.get(apiUrl(["imports", "mapping"]), (b, u) => asObject<MappingHelp>(b, u, ["keys", "presets"]));
  }

  /** Uploads the files and starts their import; `onUpload(sent, total)` follows the upload's bytes. */
  async startImport(form: FormData, onUpload?: (sent: number, total: number) => void): Promise<ImportJob> {
    const url = apiUrl(["imports"]);
    const options: SendOptions = { method: "POST", body: form, timeoutMs: 600_000 };
    const answer =
      onUpload && !this.fetchFn
        ? await sendJson(url, { ...options, fetchFn: uploadingFetch(onUpload) })
        : await this.call(url, options);
    return asObject<ImportJob>(answer, url, ["id"]);
  }

  importJob(id: string): Promise<ImportJob> {
    return this.get(apiUrl(["imports", id]), (b, u) => asObject<ImportJob>(b, u, ["id", "status"]));
  }

  detectionOptions(): Promise<DetectionOption[]> {
    return this.get(apiUrl(["detection-options"]), asList<DetectionOption>);
  }

  async startDetection(request: {
    dataset?: string;
    options: Record<string, string>;
    algorithm?: string;
    quality?: string;
    resolution?: number;
    seed?: number;
  }): Promise<DetectionJob> {
    const url = apiUrl(["detections"]);
    return asObject<DetectionJob>(await this.call(url, { method: "POST", body: request }), url, ["id"]);
  }

  audit(q: AuditQuery): Promise<Page<AuditEntry>> {
    return this.get(apiUrl(["admin", "audit"], { ...q }), asPage<AuditEntry>);
  }

  /** The admins' read-only Cypher console. */
  async runCypher(cypher: string, params: Record<string, unknown>): Promise<QueryResult> {
    const url = apiUrl(["admin", "cypher"]);
    const body = await this.call(url, { method: "POST", body: { cypher, params }, timeoutMs: 120_000 });
    return asObject<QueryResult>(body, url, ["columns", "rows"]);
  }

  detectionJob(id: string): Promise<DetectionJob> {
    return this.get(apiUrl(["detections", id]), (b, u) => asObject<DetectionJob>(b, u, ["id", "status"]));
  }

  me(): Promise<Me> {
    return this.get(apiUrl(["me"]), (b, u) => asObject<Me>(b, u, ["username", "roles"]));
  }

  users(): Promise<Page<UserInfo>> {
    return this.get(apiUrl(["admin", "users"]), asPage<UserInfo>);
  }

  /** Adds a user; without a password the server generates one and answers it once. */
  async addUser(user: { username: string; roles: string[]; password?: string }): Promise<Credentials> {
    const url = apiUrl(["admin", "users"]);
    return asObject<Credentials>(await this.call(url, { method: "POST", body: user }), url, ["user"]);
  }

  async setUserEnabled(username: string, enabled: boolean): Promise<UserInfo> {
    const url = apiUrl(["admin", "users", username, enabled ? "enable" : "disable"]);
    return asObject<UserInfo>(await this.call(url, { method: "POST" }), url, ["username"]);
  }

  /** Sets a new password; without one the server generates it and answers it once. */
  async resetPassword(username: string, password?: string): Promise<Credentials> {
    const url = apiUrl(["admin", "users", username, "password"]);
    return asObject<Credentials>(await this.call(url, { method: "POST", body: password ? { password } : {} }), url, [
      "user",
    ]);
  }
}

/** Download links (plain GETs the browser saves as files). */
export const downloads = {
  suspects: (q: { run?: string; cluster?: string; accounts?: readonly string[]; format: "csv" | "json" }) =>
    apiUrl(["exports", "suspects"], {
      run: q.run,
      cluster: q.cluster,
      accounts: q.accounts?.join(","),
      format: q.format,
    }),
  evidence: (account: string, run?: string) => apiUrl(["exports", "evidence"], { run, account }),
  clusterGraph: (cluster: string, format: "gexf" | "graphml", run?: string) =>
    apiUrl(["exports", "graph"], { run, cluster, format }),
  viewGraph: () => apiUrl(["exports", "graph"]),
  /** The cluster's case report: one self-contained HTML file, the same as PDF, its members as spreadsheet-safe CSV. */
  report: (cluster: string, format: "html" | "pdf" | "csv") => apiUrl(["clusters", cluster, `report.${format}`]),
  auditCsv: (q: AuditQuery) =>
    apiUrl(["admin", "audit.csv"], { actor: q.actor, action: q.action, from: q.from, to: q.to }),
};

export const api = new Api();
