import type { DetectionOption, QueryParam } from "../api/types";

/**
 * One input of a form built from data: the detection options (`GET /api/detection-options`, the list
 * the CLI prints) and the typed parameters of saved queries share this shape and its checks.
 */
export interface Field {
  name: string;
  label: string;
  /** The HTML input type. */
  input: "checkbox" | "number" | "text" | "datetime-local";
  /** For numbers: "1" for integers, "any" otherwise. */
  step?: string;
  /** The default as the input shows it ("" for none). */
  defaultText: string;
  description: string;
  /** The section it belongs to (a detection option's prefix, e.g. "co-retweet"). */
  group: string;
  kind: "boolean" | "int" | "float" | "string" | "datetime";
  /** A value must be given (a saved-query parameter without a default). */
  required?: boolean;
}

/** A field per detection option, grouped by the part of the id before the first dot. */
export function fieldsFromOptions(options: readonly DetectionOption[]): Field[] {
  return options.map((o) => {
    const dot = o.id.indexOf(".");
    const kind = o.type === "BOOLEAN" ? "boolean" : o.type === "INTEGER" ? "int" : "float";
    return field(
      o.id,
      dot > 0 ? o.id.slice(dot + 1) : o.id,
      kind,
      o.defaultValue,
      o.description,
      dot > 0 ? o.id.slice(0, dot) : "general",
    );
  });
}

/** A field per saved-query parameter. */
export function fieldsFromParams(params: readonly QueryParam[]): Field[] {
  return params.map((p) => {
    const f = field(p.name, p.name, p.type, p.default, p.description, "parameters");
    return p.required ? { ...f, required: true } : f;
  });
}

function field(
  name: string,
  label: string,
  kind: Field["kind"],
  def: unknown,
  description: string,
  group: string,
): Field {
  const base = { name, label, description: description ?? "", group, kind };
  switch (kind) {
    case "boolean":
      return { ...base, input: "checkbox", defaultText: def === true || def === "true" ? "true" : "false" };
    case "int":
      return { ...base, input: "number", step: "1", defaultText: def === null || def === undefined ? "" : String(def) };
    case "float":
      return {
        ...base,
        input: "number",
        step: "any",
        defaultText: def === null || def === undefined ? "" : String(def),
      };
    case "datetime":
      return { ...base, input: "datetime-local", defaultText: typeof def === "string" ? toLocalInput(def) : "" };
    default:
      return { ...base, input: "text", defaultText: def === null || def === undefined ? "" : String(def) };
  }
}

/** "2026-01-02T03:04:05Z" → "2026-01-02T03:04" (datetime inputs show UTC here, as every time in the UI). */
function toLocalInput(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? "" : new Date(t).toISOString().slice(0, 16);
}

export interface FormValues {
  /** Typed values, for a saved query's JSON body. */
  typed: Record<string, string | number | boolean>;
  /** Values that differ from the defaults, as text, for detection options (the CLI's `--option id=value`). */
  changed: Record<string, string>;
  /** One message per field that could not be read, naming it and what it needs. */
  errors: string[];
}

/**
 * Reads raw input values (text, or "true"/"false" for checkboxes) against the fields. Empty inputs
 * mean "the default"; numbers are checked (integers for int fields); datetimes become ISO instants in UTC.
 */
export function readValues(fields: readonly Field[], raw: Readonly<Record<string, string>>): FormValues {
  const typed: FormValues["typed"] = {};
  const changed: FormValues["changed"] = {};
  const errors: string[] = [];
  for (const f of fields) {
    const text = (raw[f.name] ?? "").trim();
    if (text === "" && f.kind !== "boolean") {
      if (f.required) errors.push(`${f.name}: a value is needed.`);
      continue;
    }
    switch (f.kind) {
      case "boolean": {
        const value = text === "true";
        typed[f.name] = value;
        if (String(value) !== f.defaultText) changed[f.name] = String(value);
        break;
      }
      case "int":
      case "float": {
        const n = Number(text);
        if (!Number.isFinite(n)) {
          errors.push(`${f.name}: "${text}" is not a number.`);
        } else if (f.kind === "int" && !Number.isInteger(n)) {
          errors.push(`${f.name}: needs a whole number, not ${text}.`);
        } else {
          typed[f.name] = n;
          if (f.defaultText === "" || Number(f.defaultText) !== n) changed[f.name] = text;
        }
        break;
      }
      case "datetime": {
        const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
        if (Number.isNaN(t)) {
          errors.push(`${f.name}: "${text}" is not a date and time (use YYYY-MM-DDTHH:MM, UTC).`);
        } else {
          typed[f.name] = new Date(t).toISOString();
          if (text !== f.defaultText) changed[f.name] = typed[f.name] as string;
        }
        break;
      }
      default:
        typed[f.name] = text;
        if (text !== f.defaultText) changed[f.name] = text;
    }
  }
  return { typed, changed, errors };
}

/** Fields in their groups, groups in first-seen order. */
export function groupFields(fields: readonly Field[]): [string, Field[]][] {
  const groups = new Map<string, Field[]>();
  for (const f of fields) {
    const list = groups.get(f.group) ?? [];
    list.push(f);
    groups.set(f.group, list);
  }
  return [...groups];
}
