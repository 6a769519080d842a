// Timing helpers: run a thing N times after a warm-up and keep p50 and p95 in milliseconds.

export interface Figure {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: the smallest value with at least p% of the runs at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function summarise(name: string, samples: readonly number[]): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return { name, runs: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), min: round(sorted[0] ?? NaN), max: round(sorted.at(-1) ?? NaN) };
}

/** Times `run` `runs` times (after `warmup` untimed runs), one after the other. */
export async function measure(name: string, run: (i: number) => Promise<unknown>, { runs = 30, warmup = 3 } = {}): Promise<Figure> {
  for (let i = 0; i < warmup; i++) await run(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return summarise(name, samples);
}
