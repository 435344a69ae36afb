import type { HealthState } from "../core/health/health";

/** Shows the server's health in `badge`: a coloured dot and one line; errors in full in the title. */
export function renderHealth(badge: HTMLElement, state: HealthState): void {
  switch (state.kind) {
    case "loading":
      badge.dataset["tone"] = "unknown";
      badge.textContent = "Checking server…";
      badge.removeAttribute("title");
      return;
    case "known":
      badge.dataset["tone"] = state.tone;
      badge.textContent = state.text;
      badge.title = state.health.components.map((c) => `${c.name}: ${c.status}`).join("\n");
      return;
    case "error":
      badge.dataset["tone"] = "bad";
      badge.textContent = "Health unknown";
      badge.title = state.message.replaceAll("`", "");
      return;
  }
}
