import { resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_TODAY, TestApi } from '../support/api';
import { loadDatasetDir } from '../support/load-dataset';

const EXAMPLE = resolve(__dirname, '../../seeds/demo');

/** ../shared/formats/example/EXPECTED.md, "Groups on 2026-09-30": members and heads. */
const ZHANG = [
  'C-BRD',
  'C-CONS',
  'C-HAO',
  'C-HXH',
  'C-HXL',
  'C-HXS',
  'C-NAT',
  'C-TREAS',
  'P-HAO',
  'P-LI',
  'P-ZHANG',
];
const GROUPS_2026_09_30: [string, string[], string[]][] = [
  ['Zhang family', ZHANG, ['P-HAO', 'P-LI', 'P-ZHANG']],
  ['Dongfang Power', ['C-DFP', 'C-DFPS'], ['C-DFP']],
  ['Dongfang Grid', ['C-DFG'], ['C-DFG']],
  ['Qiangsheng', ['C-WQ1', 'C-WQ2'], ['C-WQ1', 'C-WQ2']],
  ['Jinhe', ['C-JH', 'P-SUN', 'P-ZHOU'], ['P-SUN', 'P-ZHOU']],
  ...['S-SASAC', 'P-LIU', 'P-WANG', 'P-CHEN', 'P-ZHAO', 'C-SOLO'].map(
    (id): [string, string[], string[]] => [`${id} alone`, [id], [id]],
  ),
];

const GROUP_OF = /* GraphQL */ `
  query ($id: ID!, $asOf: Date) {
    groupOf(entityId: $id, asOf: $asOf) {
      id
      asOf
      memberCount
      heads {
        id
      }
      members(first: 100) {
        edges {
          node {
            id
          }
        }
      }
    }
  }
`;
type GroupOf = {
  groupOf: {
    id: string;
    memberCount: number;
    heads: { id: string }[];
    members: { edges: { node: { id: string } }[] };
  };
};

describe('group customers over HTTP (EXPECTED.md)', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDatasetDir(db.orm, EXAMPLE);
    api = await TestApi.start(db.orm);
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  const groupOf = async (id: string, asOf: string) =>
    (await api.data<GroupOf>(GROUP_OF, { id, asOf })).groupOf;

  describe.each(['2026-09-30', TEST_TODAY])('on %s', (asOf) => {
    it.each(GROUPS_2026_09_30)(
      '%s: every member sees the same group and heads',
      async (_name, members, heads) => {
        const ids = new Set<string>();
        for (const member of members) {
          const g = await groupOf(member, asOf);
          ids.add(g.id);
          expect(g.members.edges.map((e) => e.node.id).sort()).toEqual([...members].sort());
          expect(g.heads.map((h) => h.id).sort()).toEqual([...heads].sort());
          expect(g.memberCount).toBe(members.length);
        }
        expect(ids.size).toBe(1);
      },
    );
  });

  it('2025-01-01: C-BRD is alone (board appointments start 2025-07-01), Zhang has 10 members', async () => {
    expect((await groupOf('C-BRD', '2025-01-01')).memberCount).toBe(1);
    const zhang = await groupOf('P-ZHANG', '2025-01-01');
    expect(zhang.members.edges.map((e) => e.node.id).sort()).toEqual(
      ZHANG.filter((m) => m !== 'C-BRD'),
    );
  });

  it('2023-06-30: C-HXL (25 % + 20 % = 45 %) and C-BRD alone, Zhang has 9 members', async () => {
    expect((await groupOf('C-HXL', '2023-06-30')).memberCount).toBe(1);
    expect((await groupOf('C-BRD', '2023-06-30')).memberCount).toBe(1);
    expect((await groupOf('P-ZHANG', '2023-06-30')).memberCount).toBe(9);
  });

  it('keeps the id of a group on past dates while its primary head is the same', async () => {
    const today = await groupOf('C-HXS', TEST_TODAY);
    expect((await groupOf('C-HXS', '2025-01-01')).id).toBe(today.id);
  });

  it('explains C-HXL as R2 with the pooled 55 % and the edges used', async () => {
    const data = await api.data<{
      groupOf: {
        explain: {
          rule: string;
          pooledPct: string | null;
          evidence: { id: string; votingPct: string }[];
          to: { id: string };
        }[];
      };
    }>(
      `{ groupOf(entityId: "C-HXL", asOf: "2026-09-30") {
          explain(entityId: "C-HXL") { rule pooledPct description from { id } to { id } evidence { id votingPct source validFrom } } } }`,
    );
    const steps = data.groupOf.explain;
    const last = steps[steps.length - 1];
    expect(last.to.id).toBe('C-HXL');
    expect(last.rule).toBe('R2');
    expect(last.pooledPct).toBe('55');
    expect(last.evidence.map((e) => e.id).sort()).toEqual(['SH-4', 'SH-5b']);
  });

  it('explains C-HAO as R3: P-HAO 40 % + his father P-ZHANG 15 % pooled', async () => {
    const data = await api.data<{
      entity: { controllers: { rule: string; pooledPct: string; controller: { id: string } }[] };
    }>(
      `{ entity(id: "C-HAO") { controllers(asOf: "2026-09-30") { rule pooledPct controller { id } pool { id } } } }`,
    );
    expect(
      data.entity.controllers.map((c) => [c.controller.id, c.rule, c.pooledPct]).sort(),
    ).toEqual([
      ['P-HAO', 'R3', '55'],
      ['P-ZHANG', 'R3', '55'],
    ]);
  });

  it('shows S-SASAC as controller of C-DFP without joining it (E1)', async () => {
    const data = await api.data<{
      entity: { controllers: { rule: string; joinsGroup: boolean; controller: { id: string } }[] };
    }>(
      `{ entity(id: "C-DFP") { controllers(asOf: "2026-09-30") { rule joinsGroup controller { id } } } }`,
    );
    expect(data.entity.controllers).toEqual([
      { rule: 'R1', joinsGroup: false, controller: { id: 'S-SASAC' } },
    ]);
  });

  it('lists the C-SOLO / C-WQ1 guarantee circle', async () => {
    const data = await api.data<{
      guaranteeCircles: { members: { id: string }[]; guaranteeIds: string[] }[];
    }>(`{ guaranteeCircles(asOf: "2026-09-30") { members { id } guaranteeIds } }`);
    expect(data.guaranteeCircles).toEqual([
      { members: [{ id: 'C-SOLO' }, { id: 'C-WQ1' }], guaranteeIds: ['GU-1', 'GU-2'] },
    ]);
  });

  it('lists current groups largest first', async () => {
    const data = await api.data<{
      groups: { edges: { node: { id: string; memberCount: number } }[] };
    }>(`{ groups(first: 3) { edges { node { id name memberCount } } hasNextPage endCursor } }`);
    expect(data.groups.edges.map((e) => e.node.memberCount)).toEqual([11, 3, 2]);
  });

  it('answers an unknown entity with NOT_FOUND', async () => {
    const res = await api.query(`{ groupOf(entityId: "NOPE") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('group naming', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDatasetDir(db.orm, EXAMPLE);
    api = await TestApi.start(db.orm);
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('names a group after its primary head, the head that reaches most members', async () => {
    const data = await api.data<{ groupOf: { id: string; name: string; heads: { id: string }[] } }>(
      `{ groupOf(entityId: "C-HXL") { id name heads { id } } }`,
    );
    expect(data.groupOf.heads[0].id).toBe('P-ZHANG');
    expect(data.groupOf.id).toBe('G-P-ZHANG');
    expect(data.groupOf.name).toBe('张伟 Zhang Wei');
  });
});
