/**
 * The benchmark harness. A benchmark file (`bench/*.bench.ts`) exports `benchmarks`; each
 * benchmark returns one or more results, printed as one JSON line each:
 *
 *   {"bench": "name", "value": n, "unit": "ms|requests|MB|KB", "ideal": n, "ratio": n, ...}
 *
 * A result compares against an ideal or a baseline measured in the same run, never against a
 * fixed time: machines are noisy.
 */
export type BenchUnit = "ms" | "requests" | "MB" | "KB" | "messages" | "count";

export interface BenchResult {
  bench: string;
  value: number;
  unit: BenchUnit;
  /** The ideal value (e.g. the fewest requests possible) or the same-run baseline. */
  ideal?: number;
  /** value / ideal, rounded to 3 decimals. */
  ratio?: number;
  /** The largest ratio the issue accepts, when it sets one. */
  target?: number;
  [extra: string]: unknown;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}

export function result(bench: string, value: number, unit: BenchUnit, extra: Partial<BenchResult> = {}): BenchResult {
  const rounded = Math.round(value * 1000) / 1000;
  const out: BenchResult = { bench, value: rounded, unit, ...extra };
  if (extra.ideal !== undefined) out.ideal = Math.round(extra.ideal * 1000) / 1000;
  if (extra.ideal !== undefined && extra.ideal !== 0) out.ratio = Math.round((value / extra.ideal) * 1000) / 1000;
  return out;
}

/** The middle value of some runs (the upper one of two middles). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall time of an async function in milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Peak resident memory of this process so far, in MB (Linux reports ru_maxrss in KB). */
export function peakMemoryMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
