/**
 * The pools R3 considers: one person with his own close relatives, or one party with its
 * acting-in-concert partners. Pools are per anchor, never a transitive closure: a man's
 * wife's brother is not in his pool, and partners of partners are not either. The anchor
 * must itself contribute (see pooled-control.rule): otherwise a wife holding nothing would
 * pool her husband with her brother, which is the closure the rule excludes.
 */
import { uint8 } from '../graph/typed-arena';
import { ControlPolicy } from '../policy/control-policy';
import { CompactGraph, KIND_CODE, LINK_CODE } from './compact-graph';
import { Kinship } from './kinship';

export type PoolKind = 'FAMILY' | 'CONCERT';

export interface PoolMember {
  node: number;
  /** Family or link rows tying the member to the anchor (none for the anchor). */
  familyRows: number[];
  linkRows: number[];
}

export class Pools {
  private readonly partners = new Map<number, { node: number; row: number }[]>();
  /** poolable(x) for every entity, as one byte: asked for every holder of the bank. */
  private readonly canPool: Uint8Array;

  constructor(
    private readonly g: CompactGraph,
    private readonly policy: ControlPolicy,
    private readonly kinship: Kinship,
  ) {
    this.canPool = uint8(g.n);
    if (policy.poolActingInConcert) {
      const concert = LINK_CODE.ACTING_IN_CONCERT;
      for (let r = 0; r < g.linkType.length; r++) {
        if (g.linkType[r] !== concert) continue;
        const a = g.linkEnds.from[r];
        const b = g.linkEnds.to[r];
        this.addPartner(a, b, r);
        this.addPartner(b, a, r);
      }
      for (const list of this.partners.values())
        list.sort((x, y) => x.node - y.node || x.row - y.row);
    }
    for (const x of this.partners.keys()) this.canPool[x] = 1;
    for (let x = 0; x < g.n; x++) {
      if (this.familyPools(x) && this.kinship.hasFamily(x)) this.canPool[x] = 1;
    }
  }

  /** Whether x can be in any pool at all: the quick test that skips most companies. */
  poolable(x: number): boolean {
    return this.canPool[x] === 1;
  }

  /** Whether x anchors a pool of this kind (has relatives or partners under the policy). */
  anchors(x: number, kind: PoolKind): boolean {
    if (kind === 'FAMILY') return this.familyPools(x) && this.kinship.of(x).length > 0;
    return this.partners.has(x);
  }

  /** The pool of `anchor`: the anchor first, then its relatives or partners by index. */
  members(anchor: number, kind: PoolKind): PoolMember[] {
    const members: PoolMember[] = [{ node: anchor, familyRows: [], linkRows: [] }];
    if (kind === 'FAMILY') {
      for (const t of this.kinship.of(anchor)) {
        members.push({ node: t.other, familyRows: t.rows, linkRows: [] });
      }
    } else {
      const byNode = new Map<number, number[]>();
      for (const p of this.partners.get(anchor) ?? []) {
        byNode.set(p.node, [...(byNode.get(p.node) ?? []), p.row]);
      }
      for (const [node, rows] of byNode) members.push({ node, familyRows: [], linkRows: rows });
    }
    return members;
  }

  private familyPools(x: number): boolean {
    return this.policy.poolFamilies && this.g.kind[x] === KIND_CODE.PERSON;
  }

  private addPartner(a: number, b: number, row: number): void {
    const list = this.partners.get(a) ?? [];
    list.push({ node: b, row });
    this.partners.set(a, list);
  }
}
