/**
 * Close relatives (近亲属) derived by path from SPOUSE, PARENT_OF and SIBLING rows:
 * spouses; lineal blood relatives up to `linealKinshipMaxDistance` generations (2:
 * grandparents and grandchildren, not great-grandchildren); collateral relatives whose
 * shared ancestor is at most `collateralKinshipMaxDistance` generations up on both sides
 * (1: siblings and half-siblings, not cousins, uncles or aunts). Marriage is never
 * followed further, so in-laws and step-relatives are not kin. A SIBLING row stands for a
 * shared parent nobody recorded.
 * Source: DESIGN §1 近亲属; seed 集团客户认定标准 (一)3.
 */
import { uint8 } from '../graph/typed-arena';
import { ControlPolicy } from '../policy/control-policy';
import { CompactGraph, FAMILY_CODE } from './compact-graph';
import { byId, EdgeList, Relation } from './kin-relations';
import { KinWalk, Stamps } from './kin-walk';

export interface KinTie {
  other: number;
  /** What `other` is to the person asked about: 'spouse', 'parent', 'sibling', … */
  label: string;
  /** Indices into `g.family` along the path. */
  rows: number[];
}

const NO_TIES: readonly KinTie[] = Object.freeze([]);

export class Kinship {
  private readonly parents: Relation;
  private readonly children: Relation;
  private readonly spouses: Relation;
  private readonly cache = new Map<number, KinTie[]>();
  /** 1 for every person named in a family row: the question asked of most entities. */
  private readonly inFamily: Uint8Array;
  /** Scratch for `compute`: the walks up, down and sideways, and per-person marks. */
  private readonly up: KinWalk;
  private readonly down: KinWalk;
  private readonly side: KinWalk;
  private readonly found: Stamps;
  private readonly line: Stamps;

  constructor(
    private readonly g: CompactGraph,
    private readonly policy: ControlPolicy,
  ) {
    const rows = g.familyRelation.length;
    this.inFamily = uint8(g.n);
    for (let r = 0; r < rows; r++) {
      this.inFamily[g.familyEnds.from[r]] = 1;
      this.inFamily[g.familyEnds.to[r]] = 1;
    }
    // Nodes past n are the shared parents SIBLING rows stand for, never reported as kin.
    const nodes = g.n + rows;
    const spouse = new EdgeList(2 * rows);
    const up = new EdgeList(2 * rows);
    const down = new EdgeList(2 * rows);
    // Rows in id order, so which path is kept never depends on the input order.
    for (const r of byId(g)) {
      const a = g.familyEnds.from[r];
      const b = g.familyEnds.to[r];
      const relation = g.familyRelation[r];
      if (relation === FAMILY_CODE.SPOUSE) {
        spouse.add(a, b, r);
        spouse.add(b, a, r);
      } else if (relation === FAMILY_CODE.PARENT_OF) {
        up.add(b, a, r);
        down.add(a, b, r);
      } else {
        const shared = g.n + r;
        up.add(a, shared, r);
        down.add(shared, a, r);
        up.add(b, shared, r);
        down.add(shared, b, r);
      }
    }
    this.spouses = spouse.relation(nodes);
    this.parents = up.relation(nodes);
    this.children = down.relation(nodes);
    const seen = new Stamps(nodes);
    this.up = new KinWalk(seen);
    this.down = new KinWalk(seen);
    this.side = new KinWalk(seen);
    this.found = new Stamps(nodes);
    this.line = new Stamps(nodes);
  }

  /** True when the person appears in any family row valid on the date. */
  hasFamily(p: number): boolean {
    return this.inFamily[p] === 1;
  }

  /** The close relatives of p, ascending by index (= by id). */
  of(p: number): readonly KinTie[] {
    // Most persons asked about have no family row: one shared empty list, no cache entry.
    if (!this.hasFamily(p)) return NO_TIES;
    let ties = this.cache.get(p);
    if (ties === undefined) {
      ties = this.compute(p);
      this.cache.set(p, ties);
    }
    return ties;
  }

  tie(p: number, q: number): KinTie | undefined {
    return this.of(p).find((t) => t.other === q);
  }

  /** Spouses, then lineal kin up and down, then collateral kin: the first label found stays. */
  private compute(p: number): KinTie[] {
    const ties: KinTie[] = [];
    const found = this.found.next();
    this.found.mark[p] = found;
    const note = (node: number, label: string, rows: () => number[]): void => {
      if (node < this.g.n && this.found.mark[node] !== found) {
        this.found.mark[node] = found;
        ties.push({ other: node, label, rows: rows() });
      }
    };
    const { edges: spouseEdges, row: spouseRow } = this.spouses;
    for (let e = spouseEdges.offsets[p]; e < spouseEdges.offsets[p + 1]; e++) {
      note(spouseEdges.targets[e], 'spouse', () => [spouseRow[e]]);
    }
    const lineal = this.policy.linealKinshipMaxDistance;
    const collateral = this.policy.collateralKinshipMaxDistance;
    const up = this.up;
    const down = this.down;
    up.run(p, this.parents.edges, this.parents.row, Math.max(lineal, collateral));
    down.run(p, this.children.edges, this.children.row, lineal);
    for (let d = 1; d <= lineal && d < up.levels; d++) {
      for (let k = up.levelStart(d); k < up.levelStop(d); k++) {
        note(up.node.at(k), linealLabel(d, 'up'), () => up.rowsTo(k));
      }
    }
    for (let d = 1; d < down.levels; d++) {
      for (let k = down.levelStart(d); k < down.levelStop(d); k++) {
        note(down.node.at(k), linealLabel(d, 'down'), () => down.rowsTo(k));
      }
    }
    const line = this.line.next();
    for (let k = 0; k < up.node.length; k++) this.line.mark[up.node.at(k)] = line;
    const side = this.side;
    for (let i = 1; i <= collateral && i < up.levels; i++) {
      for (let a = up.levelStart(i); a < up.levelStop(i); a++) {
        side.run(up.node.at(a), this.children.edges, this.children.row, collateral);
        for (let j = 1; j < side.levels; j++) {
          const label =
            i === 1 && j === 1 ? 'sibling' : `collateral relative (${Math.max(i, j)} generations)`;
          for (let k = side.levelStart(j); k < side.levelStop(j); k++) {
            const node = side.node.at(k);
            if (this.line.mark[node] === line) continue;
            note(node, label, () => side.rowsTo(k, up.rowsTo(a)));
          }
        }
      }
    }
    return sortByOther(ties);
  }
}

/** Insertion sort: a person has a handful of relatives, and Array#sort copies each time. */
function sortByOther(ties: KinTie[]): KinTie[] {
  if (ties.length > 32) return ties.sort((x, y) => x.other - y.other);
  for (let i = 1; i < ties.length; i++) {
    const tie = ties[i];
    let j = i - 1;
    for (; j >= 0 && ties[j].other > tie.other; j--) ties[j + 1] = ties[j];
    ties[j + 1] = tie;
  }
  return ties;
}

function linealLabel(distance: number, direction: 'up' | 'down'): string {
  const names = direction === 'up' ? ['parent', 'grandparent'] : ['child', 'grandchild'];
  if (distance <= 2) return names[distance - 1];
  return `${direction === 'up' ? 'ancestor' : 'descendant'} (${distance} generations)`;
}
