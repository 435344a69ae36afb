import "./style.css";
import { renderDatasets } from "./components/datasetsPanel";
import { renderHealth } from "./components/healthBadge";
import { loadDatasets } from "./core/datasets/state";
import { loadHealth } from "./core/health/health";

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el as T;
}

const datasets = element<HTMLElement>("datasets");
const health = element<HTMLElement>("health");
const reload = element<HTMLButtonElement>("reload");

async function refresh(): Promise<void> {
  reload.disabled = true;
  renderDatasets(datasets, { kind: "loading" });
  renderHealth(health, { kind: "loading" });
  const [datasetsState, healthState] = await Promise.all([loadDatasets(), loadHealth()]);
  renderDatasets(datasets, datasetsState);
  renderHealth(health, healthState);
  reload.disabled = false;
}

reload.addEventListener("click", () => void refresh());
void refresh();
