import { errorMessage } from "../api/errors";
import { getJson, type FetchFn } from "../api/http";
import { buildRows, DATASETS_URL, parseDatasetPage, summarize } from "./format";
import type { DatasetPage, DatasetsState } from "./types";

/** The panel state for a fetched page: empty, or rows and a summary. */
export function stateFromPage(page: DatasetPage, locale?: string): DatasetsState {
  if (page.items.length === 0) {
    return { kind: "empty" };
  }
  return { kind: "loaded", rows: buildRows(page.items, locale), summary: summarize(page, locale) };
}

/** Fetches the dataset list and turns any outcome, failures included, into a panel state. */
export async function loadDatasets(fetchFn?: FetchFn, locale?: string): Promise<DatasetsState> {
  try {
    const body = await getJson(DATASETS_URL, fetchFn ? { fetchFn } : {});
    return stateFromPage(parseDatasetPage(body), locale);
  } catch (error) {
    return { kind: "error", message: errorMessage(error) };
  }
}
