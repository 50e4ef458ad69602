/** Small timing helpers shared by the benches (percentiles in milliseconds). */

/** The q-quantile (0..1) of `samples` (nearest rank), in the samples' unit. */
export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Times `fn` `runs` times after `warmup` untimed runs; returns the samples in milliseconds. */
export function timeRuns(fn: () => unknown, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Rounds a figure to 3 decimals for the JSON line. */
export function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
