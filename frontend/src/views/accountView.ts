import { renderAccountPanel } from "../components/accountPanel";
import { h } from "../components/dom";
import type { View } from "./view";

/** An account on its own page (from search or a shared link). */
export const accountView: View = async ({ container, route, navigate }) => {
  const box = h("section", { class: "panel" });
  container.replaceChildren(box);
  await renderAccountPanel(box, route.id ?? "", route.params["dataset"], {
    onSelect: (other) =>
      navigate({
        view: "account",
        id: other,
        params: route.params["dataset"] ? { dataset: route.params["dataset"] } : {},
      }),
  });
};
