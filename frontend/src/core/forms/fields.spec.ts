import { describe, expect, it } from "vitest";
import { fieldsFromOptions, fieldsFromParams, groupFields, readValues } from "./fields";

const options = [
  { id: "co-retweet.window", type: "INTEGER" as const, defaultValue: 60, description: "Seconds between two retweets." },
  { id: "co-retweet.enabled", type: "BOOLEAN" as const, defaultValue: true, description: "Use co-retweets." },
  { id: "near-text.threshold", type: "NUMBER" as const, defaultValue: 0.8, description: "Jaccard similarity." },
];

describe("fieldsFromOptions", () => {
  it("builds one input per option, typed and grouped by prefix", () => {
    const fields = fieldsFromOptions(options);
    expect(fields.map((f) => [f.name, f.label, f.input, f.step, f.defaultText, f.group])).toEqual([
      ["co-retweet.window", "window", "number", "1", "60", "co-retweet"],
      ["co-retweet.enabled", "enabled", "checkbox", undefined, "true", "co-retweet"],
      ["near-text.threshold", "threshold", "number", "any", "0.8", "near-text"],
    ]);
    expect(groupFields(fields).map(([g, fs]) => [g, fs.length])).toEqual([
      ["co-retweet", 2],
      ["near-text", 1],
    ]);
  });
});

describe("fieldsFromParams", () => {
  it("maps query parameter types to inputs", () => {
    const fields = fieldsFromParams([
      { name: "tag", type: "string", default: "x", description: "" },
      { name: "since", type: "datetime", default: "2026-01-02T03:04:05Z", description: "" },
      { name: "limit", type: "int", default: 25, description: "" },
    ]);
    expect(fields.map((f) => [f.input, f.defaultText])).toEqual([
      ["text", "x"],
      ["datetime-local", "2026-01-02T03:04"],
      ["number", "25"],
    ]);
  });
});

describe("readValues", () => {
  const fields = fieldsFromOptions(options);

  it("keeps only changed detection options, as text", () => {
    const values = readValues(fields, {
      "co-retweet.window": "60",
      "co-retweet.enabled": "false",
      "near-text.threshold": "0.9",
    });
    expect(values.errors).toEqual([]);
    expect(values.changed).toEqual({ "co-retweet.enabled": "false", "near-text.threshold": "0.9" });
    expect(values.typed).toEqual({ "co-retweet.window": 60, "co-retweet.enabled": false, "near-text.threshold": 0.9 });
  });

  it("names fields that are not numbers or not whole", () => {
    const values = readValues(fields, {
      "co-retweet.window": "1.5",
      "near-text.threshold": "high",
      "co-retweet.enabled": "true",
    });
    expect(values.errors).toEqual([
      "co-retweet.window: needs a whole number, not 1.5.",
      'near-text.threshold: "high" is not a number.',
    ]);
  });

  it("reads datetimes as UTC instants and skips empty inputs", () => {
    const qf = fieldsFromParams([
      { name: "since", type: "datetime", default: null, description: "" },
      { name: "tag", type: "string", default: null, description: "" },
    ]);
    expect(readValues(qf, { since: "2026-03-01T10:00", tag: " " }).typed).toEqual({
      since: "2026-03-01T10:00:00.000Z",
    });
    expect(readValues(qf, { since: "soon" }).errors[0]).toContain("since:");
  });

  it("asks for required parameters", () => {
    const qf = fieldsFromParams([{ name: "account", type: "string", default: null, required: true, description: "" }]);
    expect(qf[0]?.required).toBe(true);
    expect(readValues(qf, { account: "" }).errors).toEqual(["account: a value is needed."]);
  });
});
