/**
 * The in-page latency probe of the keystroke bench, the same in both editors: for each
 * keydown (captured before any editor handler) it records the time from the event's
 * timestamp to just after the next animation frame has been produced (a task posted from
 * the frame's requestAnimationFrame callback runs after that frame's style, layout and
 * paint). Bundled by esbuild and added to the page as a script, which installs it; samples are
 * read from `window.__latencies`, `window.__waitForSamples(n)` resolves once n are there.
 */

/** Installs the probe on the page's document (idempotent). Runs inside the browser. */
export function installProbe(): void {
  const w = window as unknown as { __latencies?: number[] };
  if (w.__latencies) return;
  const samples: number[] = [];
  w.__latencies = samples;
  const channel = new MessageChannel();
  const pending: number[] = [];
  channel.port1.onmessage = () => {
    const start = pending.shift();
    if (start !== undefined) samples.push(performance.now() - start);
  };
  document.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        pending.push(start);
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}

/** Resolves once the page holds at least `count` samples. Runs inside the browser. */
export function waitForSamples(count: number): Promise<void> {
  const w = window as unknown as { __latencies: number[] };
  return new Promise((resolve) => {
    const check = () => (w.__latencies.length >= count ? resolve() : setTimeout(check, 1));
    check();
  });
}

installProbe();
(window as unknown as { __waitForSamples: typeof waitForSamples }).__waitForSamples = waitForSamples;
