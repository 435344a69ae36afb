import { t } from "../core/i18n/i18n";
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
      `${job.status.toLowerCase()}${job.phase ? ` · ${job.phase}` : ""}${job.message ? ` · ${job.message}` : ""}`,
    ),
  ];
  if (job.status === "FAILED")
    parts.push(
      errorBox(
        `Detection failed: ${job.error ?? "no reason given"}. Check the options and the dataset, then start again.`,
      ),
    );
  if (job.result) {
    parts.push(
      h(
        "p",
        { "data-testid": "detection-result" },
        `Run ${job.result.runId}: ${count(job.result.clusters)} clusters, ${count(job.result.suspects)} suspects. `,
        a(link("clusters", undefined, { run: job.result.runId }), "Open its clusters →"),
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
      panel(t("detect.title"), note("No dataset to detect in: import one first."), a(link("import"), "Import →")),
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
        "Dataset ",
        select(
          "dataset",
          datasets.map((d): [string, string] => [d.name, d.name]),
          route.params["dataset"] ?? datasets[0]?.name,
        ),
      ),
      h(
        "label",
        {},
        "Algorithm ",
        select(
          "algorithm",
          [
            ["leiden", "Leiden"],
            ["label-propagation", "label propagation (baseline)"],
          ],
          "leiden",
        ),
      ),
      h(
        "label",
        {},
        "Quality ",
        select(
          "quality",
          [
            ["cpm", "CPM"],
            ["modularity", "modularity"],
          ],
          "cpm",
        ),
      ),
      h("label", {}, "Resolution ", h("input", { type: "number", name: "resolution", step: "any", min: 0, value: 1 })),
      h("label", {}, "Seed ", h("input", { type: "number", name: "seed", step: 1, value: 42 })),
    ),
    h(
      "details",
      {},
      h("summary", {}, `Signal options (${fields.length}; defaults are those of the CLI's detect verb)`),
      ...fieldInputs(fields),
    ),
    h("button", { type: "submit" }, "Start detection"),
  );
  const status = h("div", {});
  let stop = () => {};
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const values = readValues(fields, rawValues(form, fields));
    if (values.errors.length > 0) {
      status.replaceChildren(errorBox(`Check these options: ${values.errors.join(" ")}`));
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
