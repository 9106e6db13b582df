/** How the report writes durations and latencies. */
import type { LatencySummary } from './timing';

export type AddRow = (
  figure: string,
  value: string,
  target?: string,
  pass?: boolean | null,
) => void;

export const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
export const lat = (l: LatencySummary) =>
  l.count ? `p50 ${ms(l.p50)} / p99 ${ms(l.p99)} (n=${l.count})` : 'n=0';
