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
import { ControlPolicy } from '../policy/control-policy';
import { CompactGraph } from './compact-graph';

export interface KinTie {
  other: number;
  /** What `other` is to the person asked about: 'spouse', 'parent', 'sibling', … */
  label: string;
  /** Indices into `g.family` along the path. */
  rows: number[];
}

interface Step {
  node: number;
  row: number;
}
interface Reached {
  node: number;
  rows: number[];
}

export class Kinship {
  private readonly parents = new Map<number, Step[]>();
  private readonly children = new Map<number, Step[]>();
  private readonly spouses = new Map<number, Step[]>();
  private readonly cache = new Map<number, KinTie[]>();

  constructor(
    private readonly g: CompactGraph,
    private readonly policy: ControlPolicy,
  ) {
    const order = g.family.map((_, r) => r).sort((a, b) => cmp(g.family[a].id, g.family[b].id));
    for (const r of order) {
      const tie = g.family[r];
      const a = g.familyEnds.from[r];
      const b = g.familyEnds.to[r];
      if (tie.relation === 'SPOUSE') {
        push(this.spouses, a, { node: b, row: r });
        push(this.spouses, b, { node: a, row: r });
      } else if (tie.relation === 'PARENT_OF') {
        this.addParent(a, b, r);
      } else {
        const shared = g.n + r; // a virtual parent, never itself reported as kin
        this.addParent(shared, a, r);
        this.addParent(shared, b, r);
      }
    }
  }

  /** True when the person appears in any family row valid on the date. */
  hasFamily(p: number): boolean {
    return this.parents.has(p) || this.children.has(p) || this.spouses.has(p);
  }

  /** The close relatives of p, ascending by index (= by id). */
  of(p: number): readonly KinTie[] {
    let ties = this.cache.get(p);
    if (ties === undefined) {
      ties = this.hasFamily(p) ? this.compute(p) : [];
      this.cache.set(p, ties);
    }
    return ties;
  }

  tie(p: number, q: number): KinTie | undefined {
    return this.of(p).find((t) => t.other === q);
  }

  private compute(p: number): KinTie[] {
    const found = new Map<number, KinTie>();
    const note = (node: number, label: string, rows: number[]): void => {
      if (node !== p && node < this.g.n && !found.has(node))
        found.set(node, { other: node, label, rows });
    };
    for (const s of this.spouses.get(p) ?? []) note(s.node, 'spouse', [s.row]);
    const lineal = this.policy.linealKinshipMaxDistance;
    const collateral = this.policy.collateralKinshipMaxDistance;
    const up = this.levels(p, this.parents, Math.max(lineal, collateral));
    const down = this.levels(p, this.children, lineal);
    up.slice(1, lineal + 1).forEach((level, i) =>
      level.forEach((r) => note(r.node, linealLabel(i + 1, 'up'), r.rows)),
    );
    down
      .slice(1)
      .forEach((level, i) =>
        level.forEach((r) => note(r.node, linealLabel(i + 1, 'down'), r.rows)),
      );
    const line = new Set(up.flat().map((r) => r.node));
    for (let i = 1; i <= collateral && i < up.length; i++) {
      for (const ancestor of up[i]) {
        const below = this.levels(ancestor.node, this.children, collateral);
        below.slice(1).forEach((level, j) => {
          for (const r of level) {
            if (line.has(r.node)) continue;
            const label =
              i === 1 && j === 0
                ? 'sibling'
                : `collateral relative (${Math.max(i, j + 1)} generations)`;
            note(r.node, label, [...ancestor.rows, ...r.rows]);
          }
        });
      }
    }
    return [...found.values()].sort((a, b) => a.other - b.other);
  }

  /** Breadth-first levels from `start` along `edges`, first path kept: levels[d] at distance d. */
  private levels(start: number, edges: Map<number, Step[]>, depth: number): Reached[][] {
    const levels: Reached[][] = [[{ node: start, rows: [] }]];
    const seen = new Set([start]);
    for (let d = 1; d <= depth; d++) {
      const next: Reached[] = [];
      for (const r of levels[d - 1]) {
        for (const step of edges.get(r.node) ?? []) {
          if (seen.has(step.node)) continue;
          seen.add(step.node);
          next.push({ node: step.node, rows: [...r.rows, step.row] });
        }
      }
      if (next.length === 0) break;
      levels.push(next);
    }
    return levels;
  }

  private addParent(parent: number, child: number, row: number): void {
    push(this.parents, child, { node: parent, row });
    push(this.children, parent, { node: child, row });
  }
}

function linealLabel(distance: number, direction: 'up' | 'down'): string {
  const names = direction === 'up' ? ['parent', 'grandparent'] : ['child', 'grandchild'];
  if (distance <= 2) return names[distance - 1];
  return `${direction === 'up' ? 'ancestor' : 'descendant'} (${distance} generations)`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
