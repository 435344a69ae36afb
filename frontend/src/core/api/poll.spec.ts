import { afterEach, describe, expect, it, vi } from "vitest";
import { poll } from "./poll";

afterEach(() => {
  vi.useRealTimers();
});

describe("poll", () => {
  it("shows each answer until done", async () => {
    vi.useFakeTimers();
    const answers = [10, 50, 100];
    const shown: number[] = [];
    poll(
      async () => answers.shift() ?? -1,
      (v) => v >= 100,
      (v) => shown.push(v),
      () => {},
      500,
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(shown).toEqual([10, 50, 100]);
  });

  it("reports a failure and stops", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const failures: unknown[] = [];
    poll(
      async () => {
        calls++;
        throw new Error("gone");
      },
      () => false,
      () => {},
      (e) => failures.push(e),
      500,
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(1);
    expect(failures).toHaveLength(1);
  });

  it("stops when told", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const stop = poll(
      async () => ++calls,
      () => false,
      () => {},
      () => {},
      500,
    );
    await vi.advanceTimersByTimeAsync(1200);
    stop();
    const before = calls;
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(before);
    expect(before).toBeGreaterThanOrEqual(2);
  });
});
