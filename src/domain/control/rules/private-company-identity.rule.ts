/**
 * R10 private-company identity: two PRIVATE companies that share a legal representative or
 * an actual controller, or whose legal representatives / actual controllers are close
 * relatives. Undirected; the shared person does not join the group. The companies sharing
 * one person are linked as a star to the first of them (by id) rather than pairwise: the
 * same groups with n - 1 facts instead of n(n - 1) / 2.
 * Source: seed 集团客户认定标准 (二)10 (法定代表人或实际控制人相同或为近亲属).
 */
import { buildCsr, Csr } from '../../graph/csr';
import { int32 } from '../../graph/typed-arena';
import { Kinship } from '../kinship';
import { concatRows, rawFact, RawFact, RuleContext } from '../raw-fact';
import { ROLE_CODE } from '../row-resolution';

export function privateCompanyIdentityFacts(ctx: RuleContext, kinship: Kinship): RawFact[] {
  const { g } = ctx;
  const posts = keyPosts(ctx);
  const { offsets, targets: company, edgeIds } = posts.byPerson;
  /** Role rows of the run of posts starting at slot i: one person in one company. */
  const runRows = (i: number, end: number): number[] => {
    let stop = i + 1;
    while (stop < end && company[stop] === company[i]) stop++;
    // Sized exactly (a pushed list reserves 17 slots): the lists live as long as the facts.
    const rows = new Array<number>(stop - i);
    for (let k = i; k < stop; k++) rows[k - i] = posts.rows[edgeIds[k]];
    return rows;
  };
  const facts = new Map<number, RawFact>();
  const link = (
    a: number,
    b: number,
    persons: number[],
    roleRows: number[],
    kin?: { label: string; rows: number[] },
  ): void => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const key = lo * g.n + hi;
    const known = facts.get(key);
    if (known !== undefined) {
      known.roleRows = concatRows(known.roleRows, roleRows);
      known.familyRows = concatRows(known.familyRows, kin?.rows ?? []);
      return;
    }
    facts.set(
      key,
      rawFact(lo, hi, 'R10', {
        directed: false,
        roleRows,
        familyRows: kin?.rows ?? [],
        note: { kind: 'identity', persons, kinLabel: kin?.label ?? null },
      }),
    );
  };
  for (let x = 0; x < g.n; x++) {
    if (offsets[x] === offsets[x + 1]) continue;
    // Companies ascend within x's posts, so the first is the hub.
    const end = offsets[x + 1];
    const hub = company[offsets[x]];
    // Built only when x links two companies: most persons hold one post and link nothing.
    let hubRows: number[] | null = null;
    for (let i = offsets[x]; i < end; i++) {
      const y = company[i];
      if (y === hub || company[i - 1] === y) continue;
      hubRows ??= runRows(offsets[x], end);
      link(hub, y, [x], hubRows.concat(runRows(i, end)));
    }
    for (const tie of kinship.of(x)) {
      const other = tie.other;
      if (other <= x || offsets[other] === offsets[other + 1]) continue;
      const otherHub = company[offsets[other]];
      if (otherHub === hub) continue;
      const otherRows = runRows(offsets[other], offsets[other + 1]);
      hubRows ??= runRows(offsets[x], end);
      link(hub, otherHub, [x, other], hubRows.concat(otherRows), tie);
    }
  }
  return [...facts.values()];
}

/**
 * LEGAL_REPRESENTATIVE and ACTUAL_CONTROLLER rows in PRIVATE companies, grouped by person
 * and, within a person, ordered by company (rows of one company in row order).
 */
function keyPosts(ctx: RuleContext): { byPerson: Csr; rows: Int32Array } {
  const { g } = ctx;
  const person = int32(g.roleCode.length);
  const company = int32(g.roleCode.length);
  const rows = int32(g.roleCode.length);
  let count = 0;
  for (let r = 0; r < g.roleCode.length; r++) {
    const post = g.roleCode[r];
    if (post !== ROLE_CODE.LEGAL_REPRESENTATIVE && post !== ROLE_CODE.ACTUAL_CONTROLLER) continue;
    const y = g.roleEnds.to[r];
    if (g.privateCompany[y] === 0) continue;
    person[count] = g.roleEnds.from[r];
    company[count] = y;
    rows[count++] = r;
  }
  const byPerson = buildCsr(g.n, person, company, count);
  sortRunsByTarget(byPerson);
  return { byPerson, rows };
}

/** Orders each node's slots by target, keeping slot order among equal targets. */
function sortRunsByTarget({ offsets, targets, edgeIds, nodeCount }: Csr): void {
  for (let u = 0; u < nodeCount; u++) {
    const length = offsets[u + 1] - offsets[u];
    if (length > 16) {
      // A nominee with many companies: a numeric sort of (target, slot) keys, exact in a
      // float64 (targets below 2^23, slots below 2^30), not quadratic insertion.
      const keys = new Float64Array(length);
      for (let k = 0; k < length; k++) keys[k] = targets[offsets[u] + k] * 2 ** 30 + k;
      keys.sort();
      const ids = edgeIds.slice(offsets[u], offsets[u + 1]);
      for (let k = 0; k < length; k++) {
        const slot = keys[k] % 2 ** 30;
        targets[offsets[u] + k] = (keys[k] - slot) / 2 ** 30;
        edgeIds[offsets[u] + k] = ids[slot];
      }
      continue;
    }
    for (let i = offsets[u] + 1; i < offsets[u + 1]; i++) {
      const t = targets[i];
      const e = edgeIds[i];
      let j = i - 1;
      while (j >= offsets[u] && targets[j] > t) {
        targets[j + 1] = targets[j];
        edgeIds[j + 1] = edgeIds[j];
        j--;
      }
      targets[j + 1] = t;
      edgeIds[j + 1] = e;
    }
  }
}
