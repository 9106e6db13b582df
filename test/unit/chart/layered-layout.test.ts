import fc from 'fast-check';
import {
  Arc,
  ChartLayoutError,
  layeredLayout,
  LayoutInput,
} from '../../../src/domain/chart/layered-layout';

const arcs = (...pairs: string[]): Arc[] => pairs.map((p) => p.split('>') as [string, string]);
const input = (
  members: string,
  control: Arc[],
  satellites = '',
  ties: Arc[] = [],
): LayoutInput => ({
  members: members.split(' '),
  control,
  satellites: satellites ? satellites.split(' ') : [],
  ties,
});
const layersOf = (i: LayoutInput): Record<string, number> =>
  Object.fromEntries([...layeredLayout(i).placements].map(([id, p]) => [id, p.layer]));

describe('layered layout: layers', () => {
  it.each([
    [
      'a chain goes down one layer a step',
      input('A B C', arcs('A>B', 'B>C')),
      { A: 0, B: 1, C: 2 },
    ],
    [
      'a shortcut does not lift: C stays below B, its other controller',
      input('A B C', arcs('A>B', 'B>C', 'A>C')),
      { A: 0, B: 1, C: 2 },
    ],
    [
      'mutual cross-holdings share the heads layer',
      input('A B C', arcs('A>B', 'B>A', 'B>C')),
      { A: 0, B: 0, C: 1 },
    ],
    [
      'a cycle below a head shares one layer under it',
      input('H A B C D', arcs('H>A', 'A>B', 'B>C', 'C>A', 'C>D')),
      { H: 0, A: 1, B: 1, C: 1, D: 2 },
    ],
    [
      'two heads of one company, one deeper: the company goes below both',
      input('P Q X Y', arcs('P>X', 'X>Y', 'Q>Y')),
      { P: 0, Q: 0, X: 1, Y: 2 },
    ],
    ['a self-control row is ignored', input('A B', arcs('A>A', 'A>B')), { A: 0, B: 1 }],
    ['members with no control all head the chart', input('A B', []), { A: 0, B: 0 }],
  ])('%s', (_case, i, expected) => {
    expect(layersOf(i)).toEqual(expected);
  });

  it.each([
    [
      'an outside owner of a head goes above it and pushes the group down one layer',
      input('H A', arcs('H>A'), 'S', arcs('S>H')),
      { S: 0, H: 1, A: 2 },
    ],
    [
      'outside directors sit just above the company they sit on',
      input('H A B', arcs('H>A', 'A>B'), 'D1 D2', arcs('D1>B', 'D2>B')),
      { H: 0, A: 1, D1: 1, D2: 1, B: 2 },
    ],
    [
      'an outside party a member points to goes below it',
      input('H A', arcs('H>A'), 'X', arcs('H>X')),
      { H: 0, A: 1, X: 1 },
    ],
    [
      'a relative reached through another outside relative is placed in a later round',
      input('H A', arcs('H>A'), 'G P', arcs('G>P', 'P>A')),
      { G: 0, P: 1, H: 1, A: 2 },
    ],
    ['an outside party tied to nothing goes on top', input('H', [], 'Z'), { H: 0, Z: 0 }],
  ])('%s', (_case, i, expected) => {
    expect(layersOf(i)).toEqual(expected);
  });
});

describe('layered layout: order and coordinates', () => {
  it('centres each layer and puts children under their own parent', () => {
    const { layers, placements } = layeredLayout(
      input('P Q A1 A2 B1', arcs('P>A1', 'P>A2', 'Q>B1')),
    );
    expect(layers).toEqual([
      ['P', 'Q'],
      ['A1', 'A2', 'B1'],
    ]);
    expect(placements.get('P')).toEqual({ layer: 0, order: 0, x: -0.5, y: 0 });
    expect(placements.get('B1')).toEqual({ layer: 1, order: 2, x: 1, y: 1 });
  });

  it('uncrosses edges that id order would cross', () => {
    const { layers } = layeredLayout(input('A B X Y', arcs('A>Y', 'B>X')));
    expect(layers[1]).toEqual(['Y', 'X']);
  });

  it('rejects control that names no member, and a node given twice', () => {
    expect(() => layeredLayout(input('A', arcs('A>B')))).toThrow(ChartLayoutError);
    expect(() => layeredLayout(input('A B', [], 'B'))).toThrow(ChartLayoutError);
    expect(() => layeredLayout(input('A', [], '', arcs('A>Q')))).toThrow(/not laid out/);
  });

  it('lays out a group of 20 000 under one head without running out of stack', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `C${i}`);
    const { layers } = layeredLayout({
      members: ['H', ...ids],
      control: ids.map((id): Arc => ['H', id]),
      satellites: [],
      ties: [],
    });
    expect(layers.map((l) => l.length)).toEqual([1, 20_000]);
  });
});

/** Random control among up to 9 members and a few outside parties, for the properties. */
const randomChart = fc
  .record({ n: fc.integer({ min: 1, max: 9 }), s: fc.integer({ min: 0, max: 3 }) })
  .chain(({ n, s }) =>
    fc.record({
      members: fc.constant(Array.from({ length: n }, (_, i) => `M${i}`)),
      satellites: fc.constant(Array.from({ length: s }, (_, i) => `S${i}`)),
      control: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 16 }),
      ties: fc.array(fc.tuple(fc.nat(n + s - 1), fc.nat(n + s - 1)), { maxLength: 8 }),
    }),
  )
  .map(({ members, satellites, control, ties }): LayoutInput => {
    const all = [...members, ...satellites];
    return {
      members,
      satellites,
      control: control.map(([a, b]): Arc => [members[a], members[b]]),
      ties: ties.map(([a, b]): Arc => [all[a], all[b]]),
    };
  });

function reaches(control: readonly Arc[], from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    for (const [a, b] of control) {
      if (a === at && !seen.has(b)) {
        seen.add(b);
        queue.push(b);
      }
    }
  }
  return seen.has(to);
}

describe('layered layout: properties', () => {
  it('every controller is above what it controls, or beside it in one control cycle', () => {
    fc.assert(
      fc.property(randomChart, (i) => {
        const { placements } = layeredLayout(i);
        for (const [a, b] of i.control) {
          if (a === b) continue;
          const [la, lb] = [placements.get(a)!.layer, placements.get(b)!.layer];
          if (reaches(i.control, b, a)) expect(la).toBe(lb);
          else expect(la).toBeLessThan(lb);
        }
      }),
    );
  });

  it('heads (members no one outside their own cycle controls) share the top member layer', () => {
    fc.assert(
      fc.property(randomChart, (i) => {
        const { placements } = layeredLayout(i);
        const top = Math.min(...i.members.map((m) => placements.get(m)!.layer));
        const cycleOf = (m: string) =>
          i.members.filter((x) => reaches(i.control, m, x) && reaches(i.control, x, m));
        for (const m of i.members) {
          const cycle = cycleOf(m);
          const isHead = !i.control.some(([a, b]) => cycle.includes(b) && !cycle.includes(a));
          if (isHead) expect(placements.get(m)!.layer).toBe(top);
          else expect(placements.get(m)!.layer).toBeGreaterThan(top);
        }
      }),
    );
  });

  it('places every node once, on distinct slots of contiguous layers', () => {
    fc.assert(
      fc.property(randomChart, (i) => {
        const { layers, placements } = layeredLayout(i);
        expect(layers.flat().sort()).toEqual([...i.members, ...i.satellites].sort());
        layers.forEach((layer, y) => {
          expect(layer.length).toBeGreaterThan(0);
          layer.forEach((id, order) => expect(placements.get(id)).toMatchObject({ y, order }));
        });
      }),
    );
  });

  it('gives the same layout whatever order the input lists things in', () => {
    const shuffled = <T>(xs: readonly T[]) =>
      fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });
    fc.assert(
      fc.property(
        randomChart.chain((i) =>
          fc.tuple(
            fc.constant(i),
            fc.record({
              members: shuffled(i.members),
              satellites: shuffled(i.satellites),
              control: shuffled(i.control),
              ties: shuffled(i.ties),
            }),
          ),
        ),
        ([i, reordered]) => {
          expect(layeredLayout(reordered)).toEqual(layeredLayout(i));
        },
      ),
    );
  });
});
