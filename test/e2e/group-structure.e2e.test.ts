/**
 * A group's structure chart over HTTP on the worked example (seeds/demo, EXPECTED.md): the
 * JSON chart the browser page draws and the GEXF export, on the date asked, from memory.
 */
import { resolve } from 'node:path';
import { TEST_TODAY, TestApi } from '../support/api';
import { loadDatasetDir } from '../support/load-dataset';
import { sqlCounter } from '../support/sql-counter';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const EXAMPLE = resolve(__dirname, '../../seeds/demo');

const STRUCTURE = /* GraphQL */ `
  query ($id: ID!, $asOf: Date) {
    groupOf(entityId: $id, asOf: $asOf) {
      id
      asOf
      memberCount
      structure {
        asOf
        layerCount
        width
        nodes {
          id
          name
          entityKind
          role
          isHead
          layer
          x
          y
        }
        edges {
          id
          from
          to
          rule
          kind
          directed
          pooledPct
          evidenceIds
          evidence {
            id
            kind
          }
        }
      }
      structureGexf
    }
  }
`;

interface Structure {
  asOf: string;
  layerCount: number;
  width: number;
  nodes: { id: string; name: string; role: string; isHead: boolean; layer: number; x: number }[];
  edges: { id: string; from: string; to: string; kind: string; pooledPct: string | null }[];
}
interface GroupOf {
  groupOf: {
    id: string;
    asOf: string;
    memberCount: number;
    structure: Structure;
    structureGexf: string;
  };
}

const ZHANG = ['C-BRD', 'C-CONS', 'C-HAO', 'C-HXH', 'C-HXL', 'C-HXS', 'C-NAT', 'C-TREAS'];
const ZHANG_HEADS = ['P-HAO', 'P-LI', 'P-ZHANG'];

describe('group structure chart over HTTP (EXPECTED.md)', () => {
  const sql = sqlCounter();
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase(sql.options);
    await loadDatasetDir(db.orm, EXAMPLE);
    api = await TestApi.start(db.orm);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  async function structureOf(id: string, asOf: string | null) {
    sql.reset();
    const { groupOf } = await api.data<GroupOf>(STRUCTURE, { id, asOf });
    return { ...groupOf, statements: sql.count };
  }
  const ids = (s: Structure, ...roles: string[]) =>
    s.nodes
      .filter((n) => roles.includes(n.role))
      .map((n) => n.id)
      .sort();

  it.each([
    ['2026-09-30', '2026-09-30'],
    ['today', null],
  ])(
    'G-P-ZHANG on %s: 11 members, heads P-ZHANG, P-LI, P-HAO on top, control pointing down',
    async (_date, asOf) => {
      const g = await structureOf('C-HXL', asOf);
      expect(g.asOf).toBe(asOf ?? TEST_TODAY);
      expect(g.structure.asOf).toBe(g.asOf);
      expect(g.memberCount).toBe(11);
      expect(ids(g.structure, 'HEAD', 'MEMBER')).toEqual([...ZHANG, ...ZHANG_HEADS].sort());
      expect(ids(g.structure, 'HEAD')).toEqual(ZHANG_HEADS);
      const layer = new Map(g.structure.nodes.map((n) => [n.id, n.layer]));
      for (const head of ZHANG_HEADS) expect(layer.get(head)).toBe(0);
      const control = g.structure.edges.filter((e) => e.kind === 'CONTROL');
      expect(control.length).toBeGreaterThan(0);
      for (const e of control) expect(layer.get(e.from)).toBeLessThan(layer.get(e.to) as number);
      expect(g.structure.edges.find((e) => e.id === 'R3:P-ZHANG>C-HAO')?.pooledPct).toBe('55');
      expect(g.structureGexf).toContain('<node id="P-ZHANG" label="张伟 Zhang Wei">');
    },
  );

  it('draws the group of a past date: on 2023-06-30 C-BRD and C-HXL are not in it', async () => {
    const g = await structureOf('P-ZHANG', '2023-06-30');
    expect(g.memberCount).toBe(9);
    const drawn = ids(g.structure, 'HEAD', 'MEMBER', 'OUTSIDE');
    expect(drawn).not.toContain('C-BRD');
    expect(drawn).not.toContain('C-HXL');
    expect(ids(g.structure, 'HEAD', 'MEMBER')).toHaveLength(9);
    expect(g.structureGexf).toContain('lastmodifieddate="2023-06-30"');
  });

  it('gives the same chart and the same GEXF on every call', async () => {
    const first = await structureOf('P-LI', '2026-09-30');
    const again = await structureOf('C-TREAS', '2026-09-30');
    expect(again.structure).toEqual(first.structure);
    expect(again.structureGexf).toBe(first.structureGexf);
  });

  it('reads no SQL for the chart, for a group of 11 as for a group of 2', async () => {
    const big = await structureOf('P-ZHANG', '2026-09-30');
    const small = await structureOf('C-DFPS', '2026-09-30');
    expect([big.memberCount, small.memberCount]).toEqual([11, 2]);
    expect(ids(small.structure, 'OUTSIDE')).toEqual(['S-SASAC']);
    expect(big.statements).toBe(0);
    expect(small.statements).toBe(big.statements);
  });
});
