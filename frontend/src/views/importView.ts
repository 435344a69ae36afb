import { t } from "../core/i18n/i18n";
import { api } from "../core/api/client";
import type { DatasetInfo, ImportJob, ImportPreview, MappingHelp, SourceFormatInfo } from "../core/api/types";
import { isAdmin } from "../core/auth/session";
import { guessMapping, mappingSpec, missingKeys, suggestFormat } from "../core/imports/mapping";
import { link } from "../core/route/route";
import { bdi } from "../components/bidiText";
import { a, count, errorBox, h, note, panel, progress, select, table } from "../components/dom";
import { poll } from "../core/api/poll";
import type { View } from "./view";

const finished = (job: ImportJob) => job.status === "SUCCEEDED" || job.status === "FAILED";

/** The job as it runs: a bar moving with the bytes read, the rows read so far; at the end the counts and bad rows. */
function jobView(job: ImportJob, stored: DatasetInfo | null): HTMLElement {
  const fraction = finished(job) ? 1 : job.totalBytes > 0 ? job.bytesRead / job.totalBytes : job.progress;
  const parts: (HTMLElement | string)[] = [
    progress(
      fraction,
      `${job.status.toLowerCase()} · ${count(job.records)} rows read · ${count(job.badRows)} bad rows` +
        (job.totalBytes > 0 ? ` · ${Math.round(fraction * 100)} % of ${count(job.totalBytes)} bytes` : ""),
    ),
  ];
  if (job.status === "FAILED")
    parts.push(
      errorBox(
        `The import failed: ${job.error ?? "no reason given"}. Check the format and the column mapping, then upload again.`,
      ),
    );
  if (job.report) {
    parts.push(
      h(
        "p",
        { "data-testid": "import-counts" },
        `Imported ${count(job.report.accounts)} accounts and ${count(job.report.posts)} posts into "${job.report.dataset}" in ${(job.report.millis / 1000).toFixed(1)} s. `,
        stored
          ? `The dataset now holds ${count(stored.accounts)} accounts and ${count(stored.tweets)} posts (as the stats command counts them). `
          : "",
        a(link("detect", undefined, { dataset: job.report.dataset }), "Detect coordination in it →"),
      ),
    );
    if (job.report.badRows > 0) {
      parts.push(
        h("h3", {}, `Bad rows (${count(job.report.badRows)}; first ${job.report.badRowSample.length})`),
        table(
          [
            { label: "file", cell: (r) => r.file },
            { label: "line", cell: (r) => count(r.line), numeric: true },
            { label: "field", cell: (r) => r.field ?? "—" },
            { label: "why", cell: (r) => r.reason },
          ],
          job.report.badRowSample,
        ),
        note(
          "Good rows were imported; fix the bad ones in the source and import the file again (re-imports are idempotent).",
        ),
      );
    }
  }
  return h("div", { "data-testid": "import-job" }, ...parts);
}

/** The file's header and first rows, as the server read them. */
function previewTable(p: ImportPreview): HTMLElement {
  if (p.kind === "jsonl")
    return h(
      "div",
      { "data-testid": "import-preview" },
      note(p.header.length > 0 ? `JSON Lines; the first object's fields: ${p.header.join(", ")}` : "JSON"),
      h("pre", { class: "preview-lines" }, ...p.rows.map((r) => bdi((r[0] ?? "") + "\n"))),
    );
  const t = h("table", { class: "preview", "data-testid": "import-preview" });
  const head = t.createTHead().insertRow();
  for (const c of p.header) head.append(h("th", { scope: "col" }, bdi(c)));
  const body = t.createTBody();
  for (const row of p.rows) {
    const tr = body.insertRow();
    for (const cell of row) tr.append(h("td", {}, bdi(cell.length > 80 ? cell.slice(0, 79) + "…" : cell)));
  }
  return h("div", { class: "scroll-x" }, t);
}

/**
 * Import wizard: choose files → their header and first rows → format and, for a table of shares, the column of each
 * key from dropdowns (or a preset) → upload with progress → the counts, checked against what the store holds.
 * Investigators see why they cannot import (the API refuses them too).
 */
export const importView: View = async ({ container }) => {
  const me = await api.me().catch(() => null);
  if (me && !isAdmin(me)) {
    container.replaceChildren(
      panel(
        t("import.title"),
        h(
          "p",
          { "data-testid": "import-refused" },
          "Importing is for administrators: ask one to import the files, or to give you the admin role.",
        ),
      ),
    );
    return;
  }
  let formats: SourceFormatInfo[];
  let mapping: MappingHelp;
  try {
    [formats, mapping] = await Promise.all([api.formats(), api.importMapping()]);
  } catch (e) {
    container.replaceChildren(panel(t("import.title"), errorBox(e)));
    return;
  }
  const describe = (id: string) => formats.find((f) => f.id === id)?.description ?? "";
  const description = h("p", { class: "muted" }, describe(formats[0]?.id ?? ""));
  const mappingBox = h("fieldset", { class: "mapping", "data-testid": "import-mapping", hidden: true });
  const previewBox = h("div", {});
  const specInput = h("input", {
    type: "text",
    name: "map",
    placeholder: "key=column, e.g. account=author_id,time=publish_date",
    "data-testid": "mapping-spec",
    size: 60,
  });
  const problem = h("div", {});
  let header: string[] = [];
  const chosen = new Map<string, string>();
  let preset = "";

  const formatSelect = select(
    "format",
    formats.map((f): [string, string] => [f.id, f.id]),
    formats[0]?.id,
    { onchange: () => formatChanged() },
  );
  const writeSpec = () => {
    specInput.value = mappingSpec(preset, chosen);
    const missing = missingKeys(preset, chosen);
    problem.replaceChildren(
      missing.length > 0 && formatSelect.value === "shares"
        ? note(`Choose the column of: ${missing.join(", ")} (or a preset).`, "warning")
        : "",
    );
  };
  const drawMapping = () => {
    const columns: [string, string][] = [["", "—"], ...header.map((c): [string, string] => [c, c])];
    const presetSelect = select(
      "preset",
      [
        ["", "none: map the columns below"],
        ...mapping.presets.map((p): [string, string] => [p.name, `${p.name}: ${p.description}`]),
      ],
      preset,
      {
        onchange: (e: Event) => {
          preset = (e.target as HTMLSelectElement).value;
          writeSpec();
        },
      },
    );
    const rows = mapping.keys
      .filter((k) => k.arity !== "option")
      .map((k) =>
        h(
          "label",
          { title: k.help },
          h("code", {}, k.key),
          " ",
          select(`col-${k.key}`, columns, chosen.get(k.key) ?? "", {
            "data-key": k.key,
            onchange: (e: Event) => {
              chosen.set(k.key, (e.target as HTMLSelectElement).value);
              writeSpec();
            },
          }),
          h("span", { class: "muted" }, ` ${k.help}`),
        ),
      );
    mappingBox.replaceChildren(
      h("legend", {}, "Column mapping (shares format): which column holds what"),
      h("label", {}, "Preset ", presetSelect),
      h("div", { class: "mapping-grid" }, ...rows),
      h("label", {}, "Mapping as sent (editable: key=column, options such as zone=Europe/Berlin) ", specInput),
      problem,
    );
    writeSpec();
  };
  const formatChanged = () => {
    description.textContent = describe(formatSelect.value);
    mappingBox.hidden = formatSelect.value !== "shares";
    if (!mappingBox.hidden) drawMapping();
  };
  const filesInput = h("input", {
    type: "file",
    name: "files",
    multiple: true,
    required: true,
    "data-testid": "import-files",
    onchange: async () => {
      const file = filesInput.files?.[0];
      if (!file) return;
      previewBox.replaceChildren(note(`Reading the beginning of ${file.name}…`));
      try {
        const p = await api.importPreview(file);
        header = p.header;
        chosen.clear();
        for (const [k, c] of guessMapping(header, mapping.keys)) chosen.set(k, c);
        formatSelect.value = suggestFormat(p.kind, header);
        previewBox.replaceChildren(
          h("h3", {}, `${p.file}: its header and first ${p.rows.length} rows`),
          previewTable(p),
        );
        formatChanged();
      } catch (e) {
        previewBox.replaceChildren(errorBox(e));
      }
    },
  });
  const form = h(
    "form",
    { class: "stack", "data-testid": "import-form" },
    h("label", {}, "1. Files ", filesInput),
    previewBox,
    h("label", {}, "2. Format ", formatSelect),
    description,
    mappingBox,
    h(
      "label",
      {},
      "3. Dataset name ",
      h("input", { type: "text", name: "dataset", placeholder: "from the file name" }),
    ),
    h("button", { type: "submit" }, "4. Upload and import"),
  );
  const status = h("div", {});
  let stop = () => {};
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    for (const key of [...data.keys()]) if (key.startsWith("col-") || key === "preset") data.delete(key);
    if (formatSelect.value !== "shares") data.delete("map");
    for (const key of ["dataset", "map"]) if (String(data.get(key) ?? "").trim() === "") data.delete(key);
    status.replaceChildren(progress(0, "uploading…"));
    try {
      const job = await api.startImport(data);
      stop();
      stop = poll(
        () => api.importJob(job.id),
        finished,
        async (j) => {
          let stored: DatasetInfo | null = null;
          if (j.status === "SUCCEEDED" && j.report)
            stored = (await api.datasets().catch(() => null))?.items.find((d) => d.name === j.report?.dataset) ?? null;
          status.replaceChildren(jobView(j, stored));
        },
        (err) => status.replaceChildren(errorBox(err)),
      );
    } catch (err) {
      status.replaceChildren(errorBox(err));
    }
  });
  container.replaceChildren(
    panel(
      t("import.title"),
      note(
        "Upload an Information Operations archive CSV, twarc2 JSONL, a Telegram export or any table of shares. Large files: prefer the CLI `import` verb.",
      ),
      form,
      status,
    ),
  );
  formatChanged();
  return () => stop();
};
