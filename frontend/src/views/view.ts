import type { Route } from "../core/route/route";

/** What a view gets: where to draw, the route it shows, and how to change the route. */
export interface ViewContext {
  container: HTMLElement;
  route: Route;
  /** Replaces the route (the view decides whether it re-renders; pushes a history entry unless `replace`). */
  navigate: (route: Route, options?: { replace?: boolean; silent?: boolean }) => void;
}

/** A view draws itself and returns how to tear it down (stop timers, free WebGL contexts). */
export type View = (ctx: ViewContext) => Promise<(() => void) | void>;
