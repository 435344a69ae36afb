import { t } from "../core/i18n/i18n";
import type { MessageKey } from "../core/i18n/messages";
import { api } from "../core/api/client";
import type { DatasetInfo, DetectionJob, DetectionOption } from "../core/api/types";
import { fieldsFromOptions, readValues } from "../core/forms/fields";
import { link } from "../core/route/route";
import { a, count, errorBox, h, note, panel, progress, select } from "../components/dom";
import { fieldInputs, rawValues } from "./formView";
import { poll } from "../core/api/poll";
import type { View } from "./view";

const finished = (job: DetectionJob) => job.status === "SUCCEEDED" || job.status === "FAILED";

function jobView(job: DetectionJob): HTMLElement {
  const parts: HTMLElement[] = [
    progress(
      job.progress,
      `${t(`import.status.${job.status}` as MessageKey)}${job.phase ? ` · ${job.phase}` : ""}${job.message ? ` · ${job.message}` : ""}`,
    ),
  ];
  if (job.status === "FAILED") parts.push(errorBox(t("detect.failed", { error: job.error ?? t("import.noReason") })));
  if (job.result) {
    parts.push(
      h(
        "p",
        { "data-testid": "detection-result" },
        t("detect.result", {
          run: job.result.runId,
          clusters: count(job.result.clusters),
          suspects: count(job.result.suspects),
        }),
        a(link("clusters", undefined, { run: job.result.runId }), t("detect.openClusters")),
      ),
    );
  }
  return h("div", { "data-testid": "detection-job" }, ...parts);
}

/** Detection: a form built from the option descriptions the CLI uses, progress, and a link to the result. */
export const detectView: View = async ({ container, route }) => {
  let options: DetectionOption[];
  let datasets: DatasetInfo[];
  try {
    [options, datasets] = await Promise.all([api.detectionOptions(), api.datasets().then((p) => p.items)]);
  } catch (e) {
    container.replaceChildren(panel(t("detect.title"), errorBox(e)));
    return;
  }
  if (datasets.length === 0) {
    container.replaceChildren(
      panel(t("detect.title"), note(t("detect.noDataset")), a(link("import"), t("detect.importLink"))),
    );
    return;
  }
  const fields = fieldsFromOptions(options);
  const form = h(
    "form",
    { class: "stack", "data-testid": "detection-form" },
    h(
      "div",
      { class: "row" },
      h(
        "label",
        {},
        t("detect.dataset"),
        select(
          "dataset",
          datasets.map((d): [string, string] => [d.name, d.name]),
          route.params["dataset"] ?? datasets[0]?.name,
        ),
      ),
      h(
        "label",
        {},
        t("detect.algorithm"),
        select(
          "algorithm",
          [
            ["leiden", "Leiden"],
            ["label-propagation", t("detect.labelPropagation")],
          ],
          "leiden",
        ),
      ),
      h(
        "label",
        {},
        t("detect.quality"),
        select(
          "quality",
          [
            ["cpm", "CPM"],
            ["modularity", t("common.modularity")],
          ],
          "cpm",
        ),
      ),
      h(
        "label",
        {},
        t("detect.resolution"),
        h("input", { type: "number", name: "resolution", step: "any", min: 0, value: 1 }),
      ),
      h("label", {}, t("detect.seed"), h("input", { type: "number", name: "seed", step: 1, value: 42 })),
    ),
    h("details", {}, h("summary", {}, t("detect.options", { count: fields.length })), ...fieldInputs(fields)),
    h("button", { type: "submit" }, t("detect.start")),
  );
  const status = h("div", {});
  let stop = () => {};
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const values = readValues(fields, rawValues(form, fields));
    if (values.errors.length > 0) {
      status.replaceChildren(errorBox(t("detect.checkOptions", { errors: values.errors.join(" ") })));
      return;
    }
    const data = new FormData(form);
    try {
      const job = await api.startDetection({
        dataset: String(data.get("dataset")),
        options: values.changed,
        algorithm: String(data.get("algorithm")),
        quality: String(data.get("quality")),
        resolution: Number(data.get("resolution")),
        seed: Number(data.get("seed")),
      });
      stop();
      stop = poll(
        () => api.detectionJob(job.id),
        finished,
        (j) => status.replaceChildren(jobView(j)),
        (err) => status.replaceChildren(errorBox(err)),
      );
    } catch (err) {
      status.replaceChildren(errorBox(err));
    }
  });
  container.replaceChildren(panel(t("detect.title"), form, status));
  return () => stop();
};
