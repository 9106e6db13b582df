import { compactGraph } from '../../../src/domain/control/compact-graph';
import { ROLE_CODE } from '../../../src/domain/control/row-resolution';
import { ValidationError } from '../../../src/domain/errors';
import { int32, withTypedArena } from '../../../src/domain/graph/typed-arena';
import { aCompany, aPerson, aRole, aShareholding, graphOf } from './builders';

const DAY = '2026-01-01';

describe('compact graph: rows resolved in one pass', () => {
  it('keeps the rows valid on the date, drops rows from an entity to itself, and keeps what later stages read', () => {
    const graph = graphOf({
      entities: [aCompany('A'), aCompany('B'), aPerson('P')],
      shareholdings: [
        aShareholding('A', 'B', '60.5', { id: 'S1' }),
        aShareholding('P', 'B', '10', { id: 'S2', validTo: DAY }),
        aShareholding('B', 'B', '5', { id: 'S3' }),
        aShareholding('P', 'A', '0.0000000001', { id: 'S4' }),
      ],
      roles: [
        aRole('P', 'A', 'CFO', { id: 'R1', appointedBy: 'B' }),
        aRole('P', 'B', 'DIRECTOR', { id: 'R2' }),
      ],
    });
    const g = compactGraph(graph, DAY);
    const [a, b, p] = ['A', 'B', 'P'].map((id) => g.index.indexOf(id));
    expect(g.shares.map((s) => s.id)).toEqual(['S1', 'S4']);
    expect([...g.shareEnds.from]).toEqual([a, p]);
    expect([...g.shareEnds.to]).toEqual([b, a]);
    expect([...g.holdings.pairPct].sort()).toEqual([1, 605e9].sort());
    expect([...g.roleCode]).toEqual([ROLE_CODE.CFO, ROLE_CODE.DIRECTOR]);
    expect(g.roles).toBe(graph.roles); // every row kept: the caller's array serves
    expect(g.board.byAppointer.targets[g.board.byAppointer.offsets[b]]).toBe(a);
  });

  it('reports every unknown entity, the rows own ends before appointers, in row order', () => {
    const graph = graphOf({ entities: [aCompany('A'), aPerson('P')] });
    graph.roles = [
      aRole('P', 'A', 'DIRECTOR', { id: 'R1', appointedBy: 'X' }),
      aRole('Y', 'A', 'DIRECTOR', { id: 'R2' }),
    ];
    graph.shareholdings = [aShareholding('P', 'Z', '51', { id: 'S1' })];
    let problems: readonly string[] = [];
    try {
      compactGraph(graph, DAY);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      problems = (e as ValidationError).message.split('\n');
    }
    expect(problems).toEqual([
      'control graph: shareholding S1 references unknown entity "Z"',
      'control graph: role R2 references unknown entity "Y"',
      'control graph: role R1 references unknown entity "X"',
    ]);
  });

  it('takes arena arrays from a SharedArrayBuffer, which V8 does not count as external memory', () => {
    const inside = withTypedArena(1 << 16, () => int32(2048), 0);
    // By tag: jest's vm context has its own ArrayBuffer constructor.
    const tag = (a: Int32Array): string => Object.prototype.toString.call(a.buffer);
    expect([tag(inside), tag(int32(2048))]).toEqual([
      '[object SharedArrayBuffer]',
      '[object ArrayBuffer]',
    ]);
  });
});
