import { t } from "../core/i18n/i18n";
import { api } from "../core/api/client";
import type { ImportJob, SourceFormatInfo } from "../core/api/types";
import { link } from "../core/route/route";
import { a, count, errorBox, h, note, panel, progress, select, table } from "../components/dom";
import { poll } from "../core/api/poll";
import type { View } from "./view";

const finished = (job: ImportJob) => job.status === "SUCCEEDED" || job.status === "FAILED";

function jobView(job: ImportJob): HTMLElement {
  const fraction = job.totalBytes > 0 ? job.bytesRead / job.totalBytes : finished(job) ? 1 : 0;
  const parts: (HTMLElement | string)[] = [
    progress(fraction, `${job.status.toLowerCase()} · ${count(job.records)} records · ${count(job.badRows)} bad rows`),
  ];
  if (job.status === "FAILED")
    parts.push(
      errorBox(
        `The import failed: ${job.error ?? "no reason given"}. Check the format and the file, then upload again.`,
      ),
    );
  if (job.report) {
    parts.push(
      h(
        "p",
        {},
        `Imported ${count(job.report.accounts)} accounts and ${count(job.report.posts)} posts into "${job.report.dataset}" in ${(job.report.millis / 1000).toFixed(1)} s. `,
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

/** Import: upload files in a chosen format, follow the progress, read the bad-row report. */
export const importView: View = async ({ container }) => {
  let formats: SourceFormatInfo[];
  try {
    formats = await api.formats();
  } catch (e) {
    container.replaceChildren(panel(t("import.title"), errorBox(e)));
    return;
  }
  const description = h("p", { class: "muted" }, formats[0]?.description ?? "");
  const formatSelect = select(
    "format",
    formats.map((f): [string, string] => [f.id, f.id]),
    formats[0]?.id,
    {
      onchange: (e: Event) => {
        description.textContent =
          formats.find((f) => f.id === (e.target as HTMLSelectElement).value)?.description ?? "";
      },
    },
  );
  const form = h(
    "form",
    { class: "stack", "data-testid": "import-form" },
    h("label", {}, "Files ", h("input", { type: "file", name: "files", multiple: true, required: true })),
    h("label", {}, "Format ", formatSelect),
    description,
    h("label", {}, "Dataset name ", h("input", { type: "text", name: "dataset", placeholder: "from the file name" })),
    h(
      "label",
      {},
      "Column mapping (optional) ",
      h("input", { type: "text", name: "map", placeholder: "account_id=author,timestamp_share=time" }),
    ),
    h("button", { type: "submit" }, "Upload and import"),
  );
  const status = h("div", {});
  let stop = () => {};
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    for (const key of ["dataset", "map"]) if (String(data.get(key) ?? "").trim() === "") data.delete(key);
    status.replaceChildren(progress(0, "uploading…"));
    try {
      const job = await api.startImport(data);
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
  container.replaceChildren(
    panel(
      "Import",
      note(
        "Upload an Information Operations archive CSV, twarc2 JSONL or a shares table. Large files: prefer the CLI `import` verb.",
      ),
      form,
      status,
    ),
  );
  return () => stop();
};
