/**
 * Polls `load` every `intervalMs` until `done` says so or `stop()` is called; each answer goes to
 * `show`, a failure to `fail` (which ends the polling).
 */
export function poll<T>(
  load: () => Promise<T>,
  done: (value: T) => boolean,
  show: (value: T) => void,
  fail: (error: unknown) => void,
  intervalMs = 500,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    if (stopped) return;
    try {
      const value = await load();
      if (stopped) return;
      show(value);
      if (!done(value)) timer = setTimeout(() => void tick(), intervalMs);
    } catch (e) {
      if (!stopped) fail(e);
    }
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
