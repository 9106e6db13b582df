import fc from 'fast-check';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { headsByReach } from '../../../src/domain/control/explain';
import { Derivation } from '../../../src/domain/control/types';
import { exampleGraph } from './example-graph';
import { aCompany, aLink, aRole, aShareholding, graphOf } from './builders';

const DAY = '2026-01-01';
const headsOf = (d: Derivation, id: string) => headsByReach(d, d.groupIndexOf.get(id) as number);
const consolidates = (a: string, b: string) => aLink(a, b, 'CONSOLIDATION');

describe('headsByReach: the head that controls the largest part of the group first', () => {
  it.each([
    [
      'the nearer head claims a member: B reaches X3 in one step, A in three',
      [consolidates('A', 'X1'), consolidates('X1', 'X2'), consolidates('X2', 'X3')],
      [consolidates('B', 'X3')],
      ['A', 'B'],
    ],
    [
      'a member at equal distance goes to the smaller id, so a tie in counts does too',
      [consolidates('B', 'X'), consolidates('A', 'X')],
      [],
      ['A', 'B'],
    ],
    [
      'more members claimed beats a smaller id',
      [
        consolidates('A', 'X'),
        consolidates('B', 'X'),
        consolidates('B', 'Y'),
        consolidates('B', 'Z'),
      ],
      [],
      ['B', 'A'],
    ],
    [
      'the rest follow by members claimed, then id',
      [
        consolidates('C', 'Z1'),
        consolidates('C', 'Z2'),
        consolidates('C', 'Z3'),
        consolidates('C', 'X'),
        consolidates('B', 'X'),
        consolidates('A', 'X'),
        consolidates('A', 'Y'),
      ],
      [],
      ['C', 'A', 'B'],
    ],
    [
      'a member both reach is not counted twice: A and B share everything but B also has Y',
      [consolidates('A', 'X1'), consolidates('A', 'X2'), consolidates('X1', 'Y')],
      [consolidates('B', 'X1'), consolidates('B', 'X2'), consolidates('B', 'Y')],
      ['A', 'B'],
    ],
  ])('%s', (_case, first, second, expected) => {
    const d = deriveGroups(graphOf({ links: [...first, ...second] }), DAY);
    expect(headsOf(d, 'A')).toEqual(expected);
  });

  it('orders heads joined only by R10 (no directed facts between them) by id', () => {
    const companies = ['C3', 'C1', 'C2'];
    const d = deriveGroups(
      graphOf({
        entities: companies.map((id) => aCompany(id)),
        roles: companies.map((id) => aRole('P-LR', id, 'LEGAL_REPRESENTATIVE')),
      }),
      DAY,
    );
    expect(headsOf(d, 'C1')).toEqual(['C1', 'C2', 'C3']);
  });

  it.each(['2026-09-30', '2025-01-01', '2023-06-30'])(
    'makes P-ZHANG the primary head of the Zhang family group on %s (EXPECTED.md)',
    (date) => {
      expect(headsOf(deriveGroups(exampleGraph(), date), 'P-ZHANG')[0]).toBe('P-ZHANG');
    },
  );

  it('answers a group with thousands of heads (companies sharing one representative)', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `C${String(i).padStart(5, '0')}`);
    const d = deriveGroups(
      graphOf({
        entities: ids.map((id) => aCompany(id)),
        roles: ids.map((id) => aRole('P-LR', id, 'LEGAL_REPRESENTATIVE')),
        shareholdings: [aShareholding('C04999', 'X', '60')],
      }),
      DAY,
    );
    const heads = headsOf(d, 'C00000');
    expect(heads).toHaveLength(5000);
    // C04999 also claims X; every other head claims itself alone.
    expect(heads.slice(0, 3)).toEqual(['C04999', 'C00000', 'C00001']);
  });

  it('gives the same order for a derivation that is a plain copy (no integer form behind it)', () => {
    const d = deriveGroups(
      graphOf({
        links: ['X', 'Y', 'Z'].map((x) => consolidates('B', x)).concat(consolidates('A', 'X')),
      }),
      DAY,
    );
    const copy: Derivation = { ...d };
    expect(headsOf(copy, 'A')).toEqual(headsOf(d, 'A'));
    expect(headsOf(copy, 'A')).toEqual(['B', 'A']);
  });

  it('agrees with per-head breadth-first distances over the public facts (property)', () => {
    const parties = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const edge = fc.tuple(fc.constantFrom(...parties), fc.constantFrom(...parties));
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 14 }), fc.array(edge, { maxLength: 3 }), (c, r) => {
        const d = deriveGroups(
          graphOf({
            links: c
              .filter(([a, b]) => a !== b)
              .map(([a, b], i) => aLink(a, b, 'CONSOLIDATION', { id: `L${i}` })),
            roles: r.map(([p, y], i) =>
              aRole(`P-${p}`, y, 'LEGAL_REPRESENTATIVE', { id: `R${i}` }),
            ),
          }),
          DAY,
        );
        d.groups.forEach((group, i) => {
          expect(headsByReach(d, i)).toEqual(referenceOrder(d, group.memberIds, group.headIds));
        });
      }),
    );
  });
});

/** The definition, computed the slow way: each member to its nearest head, ties by id. */
function referenceOrder(d: Derivation, members: string[], heads: string[]): string[] {
  const inGroup = new Set(members);
  const next = new Map<string, string[]>();
  for (const f of d.facts) {
    if (!f.directed || !f.joinsGroup || !inGroup.has(f.controllerId)) continue;
    next.set(f.controllerId, [...(next.get(f.controllerId) ?? []), f.controlledId]);
  }
  const distanceFrom = (head: string): Map<string, number> => {
    const dist = new Map([[head, 0]]);
    const queue = [head];
    for (let i = 0; i < queue.length; i++) {
      for (const v of next.get(queue[i]) ?? []) {
        if (!dist.has(v)) {
          dist.set(v, (dist.get(queue[i]) as number) + 1);
          queue.push(v);
        }
      }
    }
    return dist;
  };
  const distances = heads.map(distanceFrom);
  const claimed = new Map(heads.map((h) => [h, 0]));
  for (const m of members) {
    let best = -1;
    heads.forEach((h, k) => {
      const dk = distances[k].get(m);
      if (dk === undefined) return;
      const db = best === -1 ? Infinity : (distances[best].get(m) as number);
      if (dk < db || (dk === db && h < heads[best])) best = k;
    });
    claimed.set(heads[best], (claimed.get(heads[best]) as number) + 1);
  }
  return [...heads].sort(
    (a, b) => (claimed.get(b) as number) - (claimed.get(a) as number) || (a < b ? -1 : 1),
  );
}
