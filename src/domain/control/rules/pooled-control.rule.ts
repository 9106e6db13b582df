/**
 * R3 pooled (joint) control: y is controlled by no single party, but a pool — one person
 * with his own close relatives, or one party with its acting-in-concert partners — holds
 * more than the threshold directly and through entities its members singly control. Each
 * member that contributes a stake jointly controls y; a relative or partner who
 * contributes nothing is not pulled in.
 * Source: seed 集团客户认定标准 (一)3 (共同控制); CBRC guideline on connected clients.
 */
import { int32, uint8 } from '../../graph/typed-arena';
import { stakesExceed } from '../pooling-guards';
import { PoolKind, Pools } from '../pools';
import { rawFact, RawFact, RuleContext } from '../raw-fact';
import { slotRows } from './direct-majority.rule';

interface Candidate {
  total: number;
  poolIds: number[];
  anchor: number;
  kind: PoolKind;
  slots: number[];
  familyRows: number[];
  linkRows: number[];
  via: number[];
  throughState: boolean;
}

const POOL_KINDS = ['FAMILY', 'CONCERT'] as const;

export function pooledControlFacts(ctx: RuleContext, pools: Pools): RawFact[] {
  const h = ctx.g.holdings;
  const tally = ctx.tally;
  const out: RawFact[] = [];
  const nearPool = underPoolable(ctx, pools);
  for (let y = 0; y < ctx.g.n; y++) {
    const start = h.pairStart[y];
    const end = h.pairStart[y + 1];
    if (end - start < 2 || ctx.control.headIn[y] !== -1) continue;
    if (!stakesExceed(h, start, end, ctx.threshold)) continue;
    // A pool needs a poolable party among the holders and their controllers.
    if (!anyMarked(nearPool, h.pairHolder, start, end)) continue;
    tally.begin(y);
    for (let p = start; p < end; p++) tally.add(h.pairHolder[p], h.pairPct[p], 0);
    const poolable: number[] = [];
    for (let i = 0; i < tally.touched.length; i++) {
      if (pools.poolable(tally.touched.at(i))) poolable.push(tally.touched.at(i));
    }
    if (poolable.length === 0) continue;
    // Anchors are contributors: a pool is one contributing party with its own kin or partners.
    const anchorsOf = POOL_KINDS.map((kind) =>
      poolable.filter((x) => pools.anchors(x, kind)).sort((a, b) => a - b),
    );
    if (anchorsOf[0].length === 0 && anchorsOf[1].length === 0) continue;
    const slotParties = Array.from({ length: end - start }, (_, s) => tally.slotParties(s));
    const best = new Map<number, Candidate>();
    for (let k = 0; k < POOL_KINDS.length; k++) {
      const kind = POOL_KINDS[k];
      for (const anchor of anchorsOf[k]) {
        const c = evaluatePool(ctx, pools, anchor, kind, slotParties, start);
        if (c === null) continue;
        for (const m of c.poolIds) {
          const mine = slotParties.flatMap((parties) =>
            parties.includes(m) && parties[0] !== m ? [parties[0]] : [],
          );
          const throughState = tally.slotsFor(m, () => false).throughState;
          const candidate = { ...c, via: mine, throughState };
          const known = best.get(m);
          if (known === undefined || better(candidate, known)) best.set(m, candidate);
        }
      }
    }
    for (const m of [...best.keys()].sort((a, b) => a - b)) {
      const c = best.get(m) as Candidate;
      const shareRows = slotRows(ctx, start, c.slots);
      out.push(
        rawFact(m, y, 'R3', {
          pooled: true,
          poolIds: c.poolIds,
          via: c.via,
          throughState: c.throughState,
          shareRows,
          familyRows: c.familyRows,
          linkRows: c.linkRows,
          note: { kind: 'pool', pool: c.kind, anchor: c.anchor },
        }),
      );
    }
  }
  return out;
}

/**
 * 1 for the poolable parties and everything they control, down any chain of single
 * control: exactly the holders whose tally can touch a poolable party.
 */
function underPoolable(ctx: RuleContext, pools: Pools): Uint8Array {
  const { n } = ctx.g;
  const { headOut, nextOut, to } = ctx.control;
  const mark = uint8(n);
  const stack = int32(n);
  let top = 0;
  for (let x = 0; x < n; x++) {
    if (pools.poolable(x)) {
      mark[x] = 1;
      stack[top++] = x;
    }
  }
  while (top > 0) {
    const u = stack[--top];
    for (let e = headOut[u]; e !== -1; e = nextOut[e]) {
      if (mark[to[e]] === 0) {
        mark[to[e]] = 1;
        stack[top++] = to[e];
      }
    }
  }
  return mark;
}

function anyMarked(mark: Uint8Array, parties: Int32Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (mark[parties[i]] === 1) return true;
  return false;
}

function evaluatePool(
  ctx: RuleContext,
  pools: Pools,
  anchor: number,
  kind: PoolKind,
  slotParties: Int32Array[],
  start: number,
): Candidate | null {
  const members = new Map(pools.members(anchor, kind).map((m) => [m.node, m]));
  const slots: number[] = [];
  const contributors = new Set<number>();
  let total = 0;
  slotParties.forEach((parties, s) => {
    let counted = false;
    for (const x of parties) {
      if (!members.has(x)) continue;
      contributors.add(x);
      if (!counted) {
        counted = true;
        slots.push(s);
        total += ctx.g.holdings.pairPct[start + s];
      }
    }
  });
  if (!(total > ctx.threshold) || contributors.size < 2) return null;
  const poolIds = [...contributors].sort((a, b) => a - b);
  const tied = poolIds.map((m) => members.get(m)!);
  return {
    total,
    poolIds,
    anchor,
    kind,
    slots,
    familyRows: tied.flatMap((m) => m.familyRows),
    linkRows: tied.flatMap((m) => m.linkRows),
    via: [],
    throughState: false,
  };
}

/** The larger pooled total wins; ties go to the lexicographically smaller pool, then anchor. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.total !== b.total) return a.total > b.total;
  for (let i = 0; i < Math.min(a.poolIds.length, b.poolIds.length); i++) {
    if (a.poolIds[i] !== b.poolIds[i]) return a.poolIds[i] < b.poolIds[i];
  }
  if (a.poolIds.length !== b.poolIds.length) return a.poolIds.length < b.poolIds.length;
  return a.anchor < b.anchor;
}
