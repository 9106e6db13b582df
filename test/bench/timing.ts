/**
 * Timing and memory helpers shared by the bench's steps. Percentiles are nearest-rank
 * (the smallest sample with at least p % of the samples at or below it), so p99 of 1 000
 * samples is the 990th smallest: one of the measured latencies, never an interpolation.
 */
import { performance } from 'node:perf_hooks';

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1] : NaN),
    mean: round(sorted.length ? sum / sorted.length : NaN),
  };
}

/** Milliseconds since `start` (a `performance.now()` reading), to 0.01 ms. */
export function since(start: number): number {
  return round(performance.now() - start);
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: since(start), value };
}

export interface MemorySnapshot {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  /** Peak resident set of the process so far. */
  maxRssMb: number;
  /** The server's highest sampled RSS and its heap then: which memory made the peak. */
  peak?: PeakSample;
}

export interface PeakSample {
  rssMb: number;
  heapTotalMb: number;
  heapUsedMb: number;
  externalMb: number;
  /** Seconds since the process started. */
  atS: number;
  /** The last request the bench had sent when it was taken ('start' before any). */
  during: string;
}

export function memorySnapshot(): MemorySnapshot {
  const m = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external + m.arrayBuffers),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A deadline for a bounded loop: `expired()` once `seconds` have passed. */
export function deadline(seconds: number): { expired(): boolean } {
  const end = performance.now() + seconds * 1000;
  return { expired: () => performance.now() > end };
}
