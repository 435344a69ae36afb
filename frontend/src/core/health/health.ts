import { ApiError, errorMessage } from "../api/errors";
import { getJson, isObject, type FetchFn } from "../api/http";

export const HEALTH_URL = "/actuator/health";

/** How a status reads at a glance: green, red, or grey. */
export type Tone = "ok" | "bad" | "unknown";

export interface ComponentHealth {
  name: string;
  status: string;
}

export interface Health {
  status: string;
  /** Top-level components (e.g. neo4j, diskSpace), sorted by name; empty when the server hides them. */
  components: ComponentHealth[];
}

/** What the health badge shows. */
export type HealthState =
  | { kind: "loading" }
  | { kind: "known"; health: Health; tone: Tone; text: string }
  | { kind: "error"; message: string };

/** Spring Boot's statuses: UP is healthy; DOWN and OUT_OF_SERVICE are not; anything else is unknown. */
export function toneOf(status: string): Tone {
  switch (status.toUpperCase()) {
    case "UP":
      return "ok";
    case "DOWN":
    case "OUT_OF_SERVICE":
      return "bad";
    default:
      return "unknown";
  }
}

/** Reads an actuator health body: `{"status":"UP","components":{"neo4j":{"status":"UP",...}}}`. */
export function parseHealth(body: unknown, url: string = HEALTH_URL): Health {
  if (!isObject(body) || typeof body["status"] !== "string") {
    throw new ApiError({ kind: "bad-shape", url, detail: "no status" });
  }
  const raw = body["components"];
  const components = isObject(raw)
    ? Object.entries(raw)
        .map(([name, c]) => ({
          name,
          status: isObject(c) && typeof c["status"] === "string" ? c["status"] : "UNKNOWN",
        }))
        .sort((a, b) => a.name.localeCompare(b.name))
    : [];
  return { status: body["status"], components };
}

/** One line: "Server UP · neo4j UP", or naming what is not UP: "Server DOWN · neo4j DOWN". */
export function describeHealth(health: Health): string {
  const neo4j = health.components.find((c) => c.name === "neo4j");
  const failing = health.components.filter((c) => toneOf(c.status) !== "ok" && c !== neo4j);
  const parts = [`Server ${health.status}`];
  if (neo4j) parts.push(`neo4j ${neo4j.status}`);
  for (const c of failing) parts.push(`${c.name} ${c.status}`);
  return parts.join(" · ");
}

/** Fetches the health endpoint; a 503 still carries a JSON body saying what is DOWN. */
export async function loadHealth(fetchFn?: FetchFn): Promise<HealthState> {
  try {
    const body = await getJson(HEALTH_URL, { acceptStatuses: [503], ...(fetchFn ? { fetchFn } : {}) });
    const health = parseHealth(body);
    return { kind: "known", health, tone: toneOf(health.status), text: describeHealth(health) };
  } catch (error) {
    return { kind: "error", message: errorMessage(error) };
  }
}
