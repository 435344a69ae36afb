import { t } from "../core/i18n/i18n";
import type { MessageKey } from "../core/i18n/messages";
import { api } from "../core/api/client";
import type { ImportJob, ImportPreview, MappingHelp, SourceFormatInfo } from "../core/api/types";
import { isAdmin } from "../core/auth/session";
import { guessMapping, mappingSpec, missingKeys, suggestFormat } from "../core/imports/mapping";
import { link } from "../core/route/route";
import { bdi } from "../components/bidiText";
import { a, count, errorBox, h, note, panel, progress, select, table } from "../components/dom";
import { poll } from "../core/api/poll";
import type { View } from "./view";

const finished = (job: ImportJob) => job.status === "SUCCEEDED" || job.status === "FAILED";

/**
 * The job as it runs: a bar moving with the bytes read (told every few hundred rows), the rows read so far; at the
 * end what the dataset holds as `stats` counts it, what this import read, and the bad rows.
 */
function jobView(job: ImportJob): HTMLElement {
  const fraction = finished(job) ? 1 : job.totalBytes > 0 ? job.bytesRead / job.totalBytes : job.progress;
  const parts: (HTMLElement | string)[] = [
    progress(
      fraction,
      t("import.jobStatus", {
        status: t(`import.status.${job.status}` as MessageKey),
        rows: count(job.records),
        bad: count(job.badRows),
      }) +
        (job.totalBytes > 0
          ? t("import.jobBytes", { percent: Math.round(fraction * 100), bytes: count(job.totalBytes) })
          : ""),
    ),
  ];
  if (job.status === "FAILED") parts.push(errorBox(t("import.failed", { error: job.error ?? t("import.noReason") })));
  if (job.report) {
    const r = job.report;
    parts.push(
      h(
        "p",
        { "data-testid": "import-counts" },
        job.stored
          ? t("import.stored", {
              dataset: r.dataset,
              accounts: count(job.stored.accounts),
              posts: count(job.stored.tweets),
              hashtags: count(job.stored.hashtags),
              links: count(job.stored.links),
            })
          : "",
        t("import.read", {
          accountRows: count(r.accounts),
          postRows: count(r.posts),
          seconds: (r.millis / 1000).toFixed(1),
        }),
        a(link("detect", undefined, { dataset: r.dataset }), t("import.detectLink")),
      ),
    );
    if (r.badRows > 0) {
      parts.push(
        h("h3", {}, t("import.badRows", { count: count(r.badRows), shown: r.badRowSample.length })),
        table(
          [
            { label: t("common.file"), cell: (b) => b.file },
            { label: t("common.line"), cell: (b) => count(b.line), numeric: true },
            { label: t("common.field"), cell: (b) => b.field ?? "—" },
            { label: t("import.why"), cell: (b) => b.reason },
          ],
          r.badRowSample,
        ),
        note(t("import.badRowsNote")),
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
      note(p.header.length > 0 ? t("import.jsonFields", { fields: p.header.join(", ") }) : t("import.json")),
      h("pre", { class: "preview-lines" }, ...p.rows.map((r) => bdi((r[0] ?? "") + "\n"))),
    );
  const preview = h("table", { class: "preview", "data-testid": "import-preview" });
  const head = preview.createTHead().insertRow();
  for (const c of p.header) head.append(h("th", { scope: "col" }, bdi(c)));
  const body = preview.createTBody();
  for (const row of p.rows) {
    const tr = body.insertRow();
    for (const cell of row) tr.append(h("td", {}, bdi(cell.length > 80 ? cell.slice(0, 79) + "…" : cell)));
  }
  return h("div", { class: "scroll-x" }, preview);
}

/**
 * Import wizard: choose files → their header and first rows → format and, for a table of shares, the column of each
 * key from dropdowns (or a preset) → upload with progress → the counts, checked against what the store holds.
 * Investigators see why they cannot import (the API refuses them too).
 */
export const importView: View = async ({ container }) => {
  // the form only for a user known to be an admin (the API refuses the others as well)
  const me = await api.me().catch(() => null);
  if (!isAdmin(me)) {
    container.replaceChildren(
      panel(t("import.title"), h("p", { "data-testid": "import-refused" }, t("import.refused"))),
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
  // the server's (English) descriptions keep their own direction in the Persian layout
  const description = h("p", { class: "muted", dir: "auto" }, describe(formats[0]?.id ?? ""));
  const mappingBox = h("fieldset", { class: "mapping", "data-testid": "import-mapping", hidden: true });
  const previewBox = h("div", {});
  const specInput = h("input", {
    type: "text",
    name: "map",
    placeholder: t("import.specPlaceholder"),
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
        ? note(t("import.missing", { keys: missing.join(", ") }), "warning")
        : "",
    );
  };
  const drawMapping = () => {
    const columns: [string, string][] = [["", "—"], ...header.map((c): [string, string] => [c, c])];
    const presetSelect = select(
      "preset",
      [
        ["", t("import.presetNone")],
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
          " ",
          h("span", { class: "muted", dir: "auto" }, k.help),
        ),
      );
    mappingBox.replaceChildren(
      h("legend", {}, t("import.mappingLegend")),
      h("label", {}, t("import.preset"), presetSelect),
      h("div", { class: "mapping-grid" }, ...rows),
      h("label", {}, t("import.specLabel"), specInput),
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
      previewBox.replaceChildren(note(t("import.reading", { file: file.name })));
      try {
        const p = await api.importPreview(file);
        header = p.header;
        chosen.clear();
        for (const [k, c] of guessMapping(header, mapping.keys)) chosen.set(k, c);
        formatSelect.value = suggestFormat(p.kind, header);
        previewBox.replaceChildren(
          h("h3", {}, t("import.previewTitle", { file: p.file, rows: p.rows.length })),
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
    h("label", {}, t("import.files"), filesInput),
    previewBox,
    h("label", {}, t("import.format"), formatSelect),
    description,
    mappingBox,
    h(
      "label",
      {},
      t("import.dataset"),
      h("input", { type: "text", name: "dataset", placeholder: t("import.datasetPlaceholder") }),
    ),
    h("button", { type: "submit", "data-testid": "import-submit" }, t("import.upload")),
  );
  const status = h("div", {});
  let stop = () => {};
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    for (const key of [...data.keys()]) if (key.startsWith("col-") || key === "preset") data.delete(key);
    if (formatSelect.value !== "shares") data.delete("map");
    for (const key of ["dataset", "map"]) if (String(data.get(key) ?? "").trim() === "") data.delete(key);
    status.replaceChildren(progress(0, t("import.uploading", { percent: 0, bytes: "…" })));
    try {
      const job = await api.startImport(data, (sent, total) =>
        status.replaceChildren(
          progress(
            total > 0 ? sent / total : 0,
            t("import.uploading", { percent: total > 0 ? Math.round((100 * sent) / total) : 0, bytes: count(total) }),
          ),
        ),
      );
      stop();
      stop = poll(
        () => api.importJob(job.id),
        finished,
        (j) => status.replaceChildren(jobView(j)),
        (err) => status.replaceChildren(errorBox(err)),
      );
    } catch (err) {
      status.replaceChildren(errorBox(err));
    }
  });
  container.replaceChildren(panel(t("import.title"), note(t("import.intro")), form, status));
  formatChanged();
  return () => stop();
};
