/**
 * The printed table: one row per figure with its target and verdict. The targets are the
 * issue's, stated for 1 M entities / 3 M edges on 2 cores; a smaller run is checked against
 * them too (it should pass with room to spare), and its "largest group" is smaller than the
 * targets' 10 000 members: the table names its size.
 */
import type { BenchResults, KinWriteFigures } from './bench-results';
import { lat, ms, s, type AddRow } from './report-format';
import { loadRows } from './report-load-rows';

export interface Row {
  figure: string;
  value: string;
  target: string;
  /** null: information, no target. */
  pass: boolean | null;
}

export function reportRows(r: BenchResults): Row[] {
  const rows: Row[] = [];
  const m = r.machine;
  rows.push({
    figure: 'machine',
    value: `${m.cpus} cores, load avg ${m.loadAvgStart[0]} → ${m.loadAvgEnd?.[0] ?? '?'}, PostgreSQL ${m.postgres}`,
    target: '',
    pass: null,
  });
  const add = (figure: string, value: string, target = '', pass: boolean | null = null) =>
    rows.push({ figure, value, target, pass });
  const i = r.import;
  if (r.database.reused) add('import', `skipped: database ${r.database.name} reused (--reuse-db)`);
  if (i) {
    add('bank', `${i.entities} entities, ${i.edges} edges`);
    add('import (npm run import: read + validate + write)', s(i.importMs));
    add('  importer peak RSS / generate (set-up)', `${i.importPeakRssMb} MB / ${s(i.generateMs)}`);
  }
  const d = r.derivation;
  if (d) {
    // The server derives from its columnar store, ids interned once at load (counted in
    // cold start); the record path interns them inside its timing.
    const st = d.fromStore;
    add('load graph into the columnar store (as the server)', s(st.loadStoreMs));
    add(
      'full derivation, all rules, as the server runs it (best of runs)',
      `${ms(st.deriveBestMs)} [${st.deriveRunsMs.join(', ')}; cpu ${st.deriveCpuRunsMs.join(', ')}]`,
      '≤ 3 000 ms',
      st.deriveBestMs <= 3000,
    );
    add(
      '  same groups as the derivation from records',
      st.sameGroups ? 'yes' : 'NO',
      'yes',
      st.sameGroups,
    );
    add('load graph as records', s(d.loadGraphMs));
    add(
      'full derivation from records, ids interned inside (best of runs)',
      `${ms(d.deriveBestMs)} [${d.deriveRunsMs.join(', ')}; cpu ${d.deriveCpuRunsMs.join(', ')}]`,
    );
    add(
      '  groups / multi-member / largest',
      `${d.groups} / ${d.multiMemberGroups} / ${d.largestGroup}`,
    );
    for (const u of d.unionFind) {
      add(
        `union-find floor (${u.edgeSet})`,
        `${ms(u.unionFindMs)} + intern ${ms(u.internMs)}, ${u.edges} edges, ${u.components} comps`,
      );
    }
    const floor = d.unionFind[0];
    add(
      '  derivation from records ÷ floor (uf+intern, all edges)',
      `${(d.deriveBestMs / (floor.unionFindMs + floor.internMs)).toFixed(1)}×`,
    );
    add(
      '  server derivation ÷ floor (uf alone: its ids are integers already)',
      `${(d.fromStore.deriveBestMs / floor.unionFindMs).toFixed(1)}×`,
    );
    add('largest any-date component (write scope)', String(d.anyDateComponents.largest));
  }
  const v = r.server;
  if (v) {
    const first = r.database.reused
      ? 'first start (groups already stored)'
      : 'first start after import (persists groups)';
    add(first, s(v.firstStartMs));
    add('cold start to serving (restart)', s(v.coldStartMs), '≤ 20 s', v.coldStartMs <= 20_000);
    add('  of which load + derive in server', s(v.phases.loadAndDeriveMs ?? NaN));
    const peak = Math.max(
      v.memoryReady.maxRssMb,
      v.memoryAfterLoad?.maxRssMb ?? 0,
      v.memoryAfterWrites?.maxRssMb ?? 0,
    );
    add(
      'server RSS when ready',
      `${v.memoryReady.rssMb} MB (heap ${v.memoryReady.heapUsedMb} MB)`,
      '≤ 1 024 MB',
      v.memoryReady.rssMb <= 1024,
    );
    add('server peak RSS (whole run)', `${peak} MB`, '≤ 1 024 MB', peak <= 1024);
    const at = (v.memoryAfterWrites ?? v.memoryAfterLoad ?? v.memoryReady).peak;
    if (at) {
      add(
        '  highest sample: RSS / heap total / external, when',
        `${at.rssMb} / ${at.heapTotalMb} / ${at.externalMb} MB at ${at.atS} s, during ${at.during}`,
      );
    }
  }
  const q = r.sql;
  if (q) {
    const range = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`);
    add(
      'SQL statements per group-exposure request (first ask of a group / asked again)',
      `${range(q.min, q.max)} / ${range(q.cachedMin, q.cachedMax)}`,
      'constant',
      q.constant,
    );
  }
  for (const l of r.load ?? []) loadRows(l, add);

  if (r.smallGroupRequest) {
    add('group exposure, sampled borrowers, one at a time', lat(r.smallGroupRequest));
  }
  const one = r.largestGroupRequest;
  if (one) {
    add(`group exposure, largest group (${one.groupSize}), one at a time`, lat(one.latency));
  }
  const w = r.writes;
  if (w) {
    const size = d ? ` (largest group ${d.largestGroup})` : '';
    // The issue's "random edge inserts": placed uniformly over the bank (a few land in big
    // groups by chance). The share placed inside the largest group on purpose is reported
    // on its own line and against its own target, so it is not billed twice.
    // Sent first: the server's first writes after a start, before its write path is compiled.
    if (w.warmUp.count > 0) {
      add(
        'first writes after start (warm-up, not in the figures below)',
        `p50 ${ms(w.warmUp.p50)} / max ${ms(w.warmUp.max)} (n=${w.warmUp.count})`,
      );
    }
    add(
      'edge insert, random over the bank',
      lat(w.insertOutside),
      'p99 ≤ 20 ms',
      w.insertOutside.count ? w.insertOutside.p99 <= 20 : null,
    );
    add('edge insert, all (with those placed in the largest group)', lat(w.insert));
    add(
      `edge insert, inside largest group${size}`,
      lat(w.insertInLargest),
      'p99 ≤ 50 ms',
      w.insertInLargest.count ? w.insertInLargest.p99 <= 50 : null,
    );
    add('edge removal, random over the bank', lat(w.removalOutside));
    add(
      `edge removal, inside largest group${size}`,
      lat(w.removalInLargest),
      'p99 ≤ 150 ms',
      w.removalInLargest.count ? w.removalInLargest.p99 <= 150 : null,
    );
    add('  re-derived per write: max / median entities', `${w.scopeMax} / ${w.scopeMedian}`);
    const slow = w.slowest;
    add(
      '  slowest 1 % of stake writes: mean, of which collector pauses',
      `${ms(slow.meanMs)}, ${ms(slow.meanGcMs)} (${slow.withGc} of ${slow.count} had one)`,
    );
    if (w.timedOut || w.failures.inserts + w.failures.removals > 0) {
      add(
        '  writes stopped / failed',
        `${w.timedOut ? 'time limit hit; ' : ''}${w.failures.inserts} inserts, ${w.failures.removals} removals failed`,
        'none',
        false,
      );
    }
  }
  if (r.kinWrites) kinWriteRows(r.kinWrites, add);
  const c = r.cte;
  if (c) {
    const where = c.sameDatabase ? 'this bank' : 'side bank';
    const value = c.cte.timedOut
      ? `> ${r.args.cteTimeoutS} s (timed out)`
      : `${s(c.cte.ms!)}, ${c.cte.closureRows} closure rows`;
    add(`recursive CTE at ${c.cte.entities} (${where})`, value);
    if (c.cte.components !== null) {
      add(
        '  CTE components = union-find components',
        `${c.cte.components} vs ${c.unionFindComponents}`,
        'equal',
        c.cte.components === c.unionFindComponents,
      );
    }
    const ratioOf = (value: number | null, derivedMs: number) =>
      value === null
        ? `≥ ${((r.args.cteTimeoutS * 1000) / derivedMs).toFixed(0)}×`
        : `${value.toFixed(0)}×`;
    add(
      `  CTE ÷ our derivation as the server runs it (${ms(c.serverDeriveBestMs)})`,
      ratioOf(c.serverRatio, c.serverDeriveBestMs),
      '≥ 100×',
      c.serverRatio === null ? c.cte.timedOut : c.serverRatio >= 100,
    );
    if (c.cte.ms !== null) {
      add(
        `  … against its first run, JIT compiling (${ms(c.serverDeriveFirstMs)})`,
        `${(c.cte.ms / c.serverDeriveFirstMs).toFixed(0)}×`,
      );
    }
    add(
      `  CTE ÷ our derivation from records (${ms(c.deriveBestMs)})`,
      ratioOf(c.ratio, c.deriveBestMs),
    );
  }
  for (const x of r.stopped) add(`STOPPED: ${x.step}`, x.reason.slice(0, 120), '', false);
  return rows;
}

/** Whole-group writes: no target, on record only; failures are flagged all the same. */
function kinWriteRows(k: KinWriteFigures, add: AddRow): void {
  const latMax = (l: KinWriteFigures['insert']) =>
    l.count ? `p50 ${ms(l.p50)} / p99 ${ms(l.p99)} / max ${ms(l.max)} (n=${l.count})` : 'n=0';
  add('kinship tie insert (whole-group write), p50 / p99 / max', latMax(k.insert));
  add('kinship tie end (whole-group write), p50 / p99 / max', latMax(k.end));
  add('  kinship ties planned / stake-holding persons', `${k.planned} / ${k.eligiblePersons}`);
  add('  re-derived per kinship write: max / median entities', `${k.scopeMax} / ${k.scopeMedian}`);
  add(
    '  kinship writes by re-derivation path',
    Object.entries(k.paths)
      .map(([path, n]) => `${path} ${n}`)
      .join(' / '),
  );
  if (k.timedOut || k.failures.inserts + k.failures.ends > 0) {
    const first = k.failures.examples[0];
    add(
      '  kinship writes stopped / failed',
      `${k.timedOut ? 'time limit hit; ' : ''}${k.failures.inserts} inserts, ` +
        `${k.failures.ends} ends failed${first ? `: ${first.slice(0, 100)}` : ''}`,
      'none',
      false,
    );
  }
}

export function formatTable(rows: readonly Row[]): string {
  const verdict = (p: boolean | null) => (p === null ? '' : p ? 'pass' : 'FAIL');
  const cells = rows.map((r) => [r.figure, r.value, r.target, verdict(r.pass)]);
  const header = ['figure', 'value', 'target (1 M)', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)].join(
    '\n',
  );
}
