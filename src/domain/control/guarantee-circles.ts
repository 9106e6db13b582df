/**
 * Guarantee circles (担保圈): strongly-connected components of two or more entities in the
 * graph of guarantor -> borrower guarantees valid on the date. A risk flag for the
 * committee, never a group link.
 */
import { buildCsr } from '../graph/csr';
import { stronglyConnectedComponents } from '../graph/scc';
import { CompactGraph } from './compact-graph';
import { GuaranteeCircle } from './types';

export function guaranteeCircles(g: CompactGraph): GuaranteeCircle[] {
  const from: number[] = [];
  const to: number[] = [];
  const rows: number[] = [];
  g.guarantees.forEach((_, r) => {
    const a = g.guaranteeEnds.from[r];
    const b = g.guaranteeEnds.to[r];
    if (a === b) return;
    from.push(a);
    to.push(b);
    rows.push(r);
  });
  const { componentOf, count } = stronglyConnectedComponents(buildCsr(g.n, from, to));
  const size = new Int32Array(count);
  for (let x = 0; x < g.n; x++) size[componentOf[x]]++;
  const circleOf = new Int32Array(count).fill(-1);
  const circles: GuaranteeCircle[] = [];
  // Entities ascend by id, so circles come out ordered by their first member.
  for (let x = 0; x < g.n; x++) {
    const c = componentOf[x];
    if (size[c] < 2) continue;
    if (circleOf[c] === -1) {
      circleOf[c] = circles.length;
      circles.push({ memberIds: [], guaranteeIds: [] });
    }
    circles[circleOf[c]].memberIds.push(g.index.idOf(x));
  }
  rows.forEach((r, i) => {
    const c = componentOf[from[i]];
    if (circleOf[c] !== -1 && componentOf[to[i]] === c) {
      circles[circleOf[c]].guaranteeIds.push(g.guarantees[r].id);
    }
  });
  for (const circle of circles) circle.guaranteeIds.sort();
  return circles;
}
