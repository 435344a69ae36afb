/** One imported dataset, as `GET /api/datasets` lists it. */
export interface Dataset {
  name: string;
  source: string;
  /** ISO-8601 instant, or null when the server does not know it. */
  importedAt: string | null;
  accounts: number | null;
  tweets: number | null;
}

/** The body of `GET /api/datasets`. */
export interface DatasetPage {
  items: Dataset[];
  total: number;
}

/** One table row, every cell already formatted for display. */
export interface DatasetRow {
  name: string;
  source: string;
  importedAt: string;
  accounts: string;
  tweets: string;
}

/** What the datasets panel shows. */
export type DatasetsState =
  | { kind: "loading" }
  | { kind: "empty" }
  | { kind: "loaded"; rows: DatasetRow[]; summary: string }
  | { kind: "error"; message: string };
