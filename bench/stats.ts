import { performance } from 'node:perf_hooks';

export function timeMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}
