/**
 * Finders for the shapes the generator promises, each returning one witness (or null) so a
 * failing test names what is missing.
 */
import { isValidOn, type Dataset } from '../../../src/domain/model';
import { basisPoints } from './group-oracle';
import { byKey } from './import-rules';

/** Kahn's algorithm: true when the directed graph has a cycle. */
export function hasCycle(edges: [string, string][]): boolean {
  const indegree = new Map<string, number>();
  const out = byKey(edges, (e) => e[0]);
  for (const [a, b] of edges) {
    indegree.set(a, indegree.get(a) ?? 0);
    indegree.set(b, (indegree.get(b) ?? 0) + 1);
  }
  const queue = [...indegree].filter(([, d]) => d === 0).map(([n]) => n);
  let removed = 0;
  while (queue.length > 0) {
    const n = queue.pop() as string;
    removed++;
    for (const [, m] of out.get(n) ?? []) {
      const d = (indegree.get(m) as number) - 1;
      indegree.set(m, d);
      if (d === 0) queue.push(m);
    }
  }
  return removed < indegree.size;
}

export function holdingsOn(d: Dataset, date: string) {
  return byKey(
    d.shareholdings.filter((s) => isValidOn(s, date)),
    (s) => s.companyId,
  );
}

const majority = (pct: string) => basisPoints(pct) > 5000;

/** A state body with > 50 % of a company that itself holds > 50 % of another. */
export function stateGroup(d: Dataset, date: string): [string, string, string] | null {
  const states = new Set(d.entities.filter((e) => e.kind === 'STATE').map((e) => e.id));
  const current = d.shareholdings.filter((s) => isValidOn(s, date) && majority(s.votingPct));
  const byHolder = byKey(current, (s) => s.holderId);
  for (const s of current) {
    if (!states.has(s.holderId)) continue;
    const sub = byHolder.get(s.companyId)?.[0];
    if (sub) return [s.holderId, s.companyId, sub.companyId];
  }
  return null;
}

/** Two parties linked by `type` (or relatives) who each hold ≤ 50 % of a company and > 50 % together. */
export function pooledPair(
  d: Dataset,
  date: string,
  pairs: [string, string][],
): [string, string, string] | null {
  const holdings = holdingsOn(d, date);
  const pairKeys = new Set(pairs.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  for (const [company, rows] of holdings) {
    if (rows.some((r) => majority(r.votingPct))) continue;
    for (const x of rows) {
      for (const y of rows) {
        const sum = basisPoints(x.votingPct) + basisPoints(y.votingPct);
        if (pairKeys.has(`${x.holderId}|${y.holderId}`) && sum > 5000)
          return [x.holderId, y.holderId, company];
      }
    }
  }
  return null;
}

/** A company whose board majority one appointer filled while holding ≤ 50 % of it. */
export function boardControlled(d: Dataset, date: string): [string, string] | null {
  const seats = new Map(d.entities.map((e) => [e.id, e.boardSeats ?? 0]));
  const holdings = holdingsOn(d, date);
  const board = d.roles.filter(
    (r) =>
      (r.role === 'DIRECTOR' || r.role === 'CHAIRMAN') && r.appointedById && isValidOn(r, date),
  );
  for (const [key, rows] of byKey(board, (r) => `${r.companyId}|${r.appointedById}`)) {
    const [company, appointer] = key.split('|');
    const stake = holdings.get(company)?.find((s) => s.holderId === appointer);
    if (rows.length * 2 > (seats.get(company) ?? 0) && (!stake || !majority(stake.votingPct)))
      return [appointer, company];
  }
  return null;
}

/** Two PRIVATE companies with the same legal representative and no majority holder. */
export function sharedRepresentative(d: Dataset, date: string): [string, string, string] | null {
  const priv = new Set(d.entities.filter((e) => e.ownership === 'PRIVATE').map((e) => e.id));
  const holdings = holdingsOn(d, date);
  const uncontrolled = (c: string) => !(holdings.get(c) ?? []).some((s) => majority(s.votingPct));
  const reps = d.roles.filter(
    (r) =>
      r.role === 'LEGAL_REPRESENTATIVE' &&
      isValidOn(r, date) &&
      priv.has(r.companyId) &&
      uncontrolled(r.companyId),
  );
  for (const [rep, rows] of byKey(reps, (r) => r.holderId)) {
    if (rows.length >= 2) return [rep, rows[0].companyId, rows[1].companyId];
  }
  return null;
}

/** grandparent → parent → child through PARENT_OF ties. */
export function threeGenerations(d: Dataset): [string, string, string] | null {
  const ties = d.familyTies.filter((f) => f.relation === 'PARENT_OF');
  const children = byKey(ties, (f) => f.personAId);
  for (const t of ties) {
    const grandchild = children.get(t.personBId)?.[0];
    if (grandchild) return [t.personAId, t.personBId, grandchild.personBId];
  }
  return null;
}
