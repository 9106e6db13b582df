/**
 * A rough group derivation for the tests, by union-find, to check the generator's structure
 * (not the product's group engine): on a date, join
 * - a company with the component of holders that together hold > 50 % of its votes (R1, R2,
 *   and R3 since relatives and concert partners are joined first), repeated to a fixpoint;
 * - appointers with the companies whose directors they appointed (R4/R5), declared actual
 *   controllers (R7), both ends of every link (R3 concert, R6–R8), relatives (R3/R9);
 * - PRIVATE companies sharing a legal representative (R10).
 * State bodies join nothing (E1). Relatives who control nothing are joined too, so groups
 * come out a few persons larger than the product's.
 */
import { isValidOn, type Dataset } from '../../../src/domain/model';

export class UnionFind {
  private readonly parent: Int32Array;
  readonly size: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }
  find(x: number): number {
    while (this.parent[x] !== x) x = this.parent[x] = this.parent[this.parent[x]];
    return x;
  }
  union(a: number, b: number): boolean {
    let [x, y] = [this.find(a), this.find(b)];
    if (x === y) return false;
    if (this.size[x] < this.size[y]) [x, y] = [y, x];
    this.parent[y] = x;
    this.size[x] += this.size[y];
    return true;
  }
}

export interface Components {
  index: Map<string, number>;
  uf: UnionFind;
  /** Sizes of all components, largest first. */
  sizes: number[];
}

export function componentsOn(d: Dataset, date: string): Components {
  const index = new Map(d.entities.map((e, i) => [e.id, i]));
  const at = (id: string) => index.get(id) as number;
  const state = new Set(d.entities.filter((e) => e.kind === 'STATE').map((e) => e.id));
  const uf = new UnionFind(d.entities.length);
  for (const l of d.links) if (isValidOn(l, date)) uf.union(at(l.fromId), at(l.toId));
  for (const f of d.familyTies) if (isValidOn(f, date)) uf.union(at(f.personAId), at(f.personBId));
  const privateRep = new Map<string, string>();
  const ownership = new Map(d.entities.map((e) => [e.id, e.ownership]));
  for (const r of d.roles) {
    if (!isValidOn(r, date)) continue;
    if (r.appointedById !== null && !state.has(r.appointedById))
      uf.union(at(r.appointedById), at(r.companyId));
    if (r.role === 'ACTUAL_CONTROLLER' && !state.has(r.holderId))
      uf.union(at(r.holderId), at(r.companyId));
    if (r.role === 'LEGAL_REPRESENTATIVE' && ownership.get(r.companyId) === 'PRIVATE') {
      const other = privateRep.get(r.holderId);
      if (other === undefined) privateRep.set(r.holderId, r.companyId);
      else uf.union(at(other), at(r.companyId));
    }
  }
  const stakes = d.shareholdings.filter((s) => isValidOn(s, date) && !state.has(s.holderId));
  const holder = stakes.map((s) => at(s.holderId));
  const company = stakes.map((s) => at(s.companyId));
  const bp = stakes.map((s) => basisPoints(s.votingPct));
  const order = stakes.map((_, i) => i).sort((x, y) => company[x] - company[y]);
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < order.length;) {
      let j = i;
      const byRoot = new Map<number, number>();
      for (; j < order.length && company[order[j]] === company[order[i]]; j++) {
        const root = uf.find(holder[order[j]]);
        byRoot.set(root, (byRoot.get(root) ?? 0) + bp[order[j]]);
      }
      for (const [root, total] of byRoot) {
        if (total > 5000 && uf.union(root, company[order[i]])) changed = true;
      }
      i = j;
    }
  }
  const sizes: number[] = [];
  for (let i = 0; i < d.entities.length; i++) if (uf.find(i) === i) sizes.push(uf.size[i]);
  sizes.sort((a, b) => b - a);
  return { index, uf, sizes };
}

/** "35.5" → 3550, by string, so no float touches the percentage. */
export function basisPoints(pct: string): number {
  const [whole, frac = ''] = pct.split('.');
  if (frac.length > 2) throw new RangeError(`group-oracle: ${pct} has more than two places`);
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
