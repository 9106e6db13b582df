/**
 * The load runs' rows of the report: per connection count, the trivial query, the random
 * borrower mix (judged against the targets at 50 connections) and the small-group mix.
 */
import type { LoadResult } from './load-protocol';
import { SMALL_GROUP, type LoadFigures } from './load-step';
import { ms, type AddRow } from './report-format';

export function loadRows(l: LoadFigures, add: AddRow): void {
  const at = `@${l.connections}`;
  const strict = l.connections === 50;
  add(`trivial { __typename } ${at}`, throughput(l.trivial));
  const g = l.groupExposure;
  add(
    `group exposure, random borrowers ${at}`,
    throughput(g),
    strict ? '≥ 3 000 req/s' : '',
    strict ? g.rps >= 3000 && failures(g) === 0 : null,
  );
  add(
    `  latency ${at}`,
    `p50 ${ms(g.latencyP50)} / p99 ${ms(g.latencyP99)}`,
    strict ? 'p99 ≤ 40 ms' : '',
    strict ? g.requests > 0 && g.latencyP99 <= 40 : null,
  );
  add(
    `  ÷ trivial ${at}`,
    `${(l.ratio * 100).toFixed(1)} %`,
    strict ? '≥ 60 %' : '',
    strict ? l.ratio >= 0.6 : null,
  );
  const e = l.executed;
  add(
    `group exposure, computed every time (Cache-Control: no-cache) ${at}`,
    `${throughput(e)}, p50 ${ms(e.latencyP50)} / p99 ${ms(e.latencyP99)}, ` +
      `${(l.executedRatio * 100).toFixed(1)} % of trivial`,
  );
  if (l.smallGroups) {
    const s = l.smallGroups;
    add(
      `group exposure, groups ≤ ${SMALL_GROUP} members ${at}`,
      `${throughput(s)}, p50 ${ms(s.latencyP50)} / p99 ${ms(s.latencyP99)}, ` +
        `${((l.smallRatio ?? 0) * 100).toFixed(1)} % of trivial`,
    );
  }
}

function failures(r: LoadResult): number {
  return r.non2xx + r.errors + r.timeouts;
}

function throughput(r: LoadResult): string {
  const bad = failures(r);
  return `${r.rps} req/s${bad ? ` (${bad} errors/timeouts)` : ''}`;
}
