import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_TODAY, TestApi } from '../support/api';
import { loadDatasetDir } from '../support/load-dataset';

const EXAMPLE = resolve(__dirname, '../../seeds/demo');

const SAVE_SHAREHOLDING = /* GraphQL */ `
  mutation ($input: ShareholdingInput!, $expectedVersion: Int) {
    saveShareholding(input: $input, expectedVersion: $expectedVersion) {
      id
      version
      events {
        type
        groupId
        relatedGroupIds
        entityIds
        cause
      }
      groups {
        id
        memberCount
      }
    }
  }
`;
const END_EDGE = /* GraphQL */ `
  mutation ($id: ID!, $validTo: Date!) {
    endEdge(kind: SHAREHOLDING, id: $id, validTo: $validTo) {
      version
      events {
        type
        groupId
        relatedGroupIds
        entityIds
      }
    }
  }
`;
const GROUP_OF = /* GraphQL */ `
  query ($id: ID!, $asOf: Date) {
    groupOf(entityId: $id, asOf: $asOf) {
      id
      memberCount
      heads {
        id
      }
    }
  }
`;

type Event = { type: string; groupId: string; relatedGroupIds: string[]; entityIds: string[] };
type Saved = {
  saveShareholding: {
    version: number;
    events: Event[];
    groups: { id: string; memberCount: number }[];
  };
};
type GroupOf = { groupOf: { id: string; memberCount: number } };

/** C-HXS buys 60 % of C-WQ2: the Qiangsheng group (C-WQ1, C-WQ2, tied by R10) joins the Zhang family. */
const ACQUISITION = {
  id: 'SH-ACQ',
  holderId: 'C-HXS',
  companyId: 'C-WQ2',
  votingPct: '60',
  validFrom: '2026-10-01',
  source: 'registry 2026-10',
};

/** Every demo entity's group as the API shows it: id, size and heads. */
async function everyGroup(api: TestApi): Promise<Record<string, unknown>> {
  const ids = readFileSync(resolve(EXAMPLE, 'entities.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',')[0]);
  const out: Record<string, unknown> = {};
  for (const id of ids) out[id] = (await api.data<GroupOf>(GROUP_OF, { id })).groupOf;
  return out;
}

describe('steward writes over HTTP', () => {
  let db: TestDatabase;
  let api: TestApi;

  const auditCount = async () =>
    Number(
      (await db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from audit_log`))[0].n,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDatasetDir(db.orm, EXAMPLE);
    api = await TestApi.start(db.orm);
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('merges two groups at once, records the event and explains the new edge', async () => {
    const before = await auditCount();
    const saved = await api.data<Saved>(SAVE_SHAREHOLDING, { input: ACQUISITION });
    expect(saved.saveShareholding.version).toBe(1);
    expect(saved.saveShareholding.events).toContainEqual(
      expect.objectContaining({
        type: 'MERGED',
        groupId: 'G-P-ZHANG',
        relatedGroupIds: ['G-C-WQ1'],
      }),
    );
    expect(saved.saveShareholding.groups).toEqual([{ id: 'G-P-ZHANG', memberCount: 13 }]);
    expect(await auditCount()).toBe(before + 1);

    const after = await api.data<GroupOf>(GROUP_OF, { id: 'C-WQ1' });
    expect(after.groupOf).toMatchObject({ id: 'G-P-ZHANG', memberCount: 13 });

    const why = await api.data<{
      groupOf: { explain: { rule: string; evidence: { id: string }[] }[] };
    }>(`{ groupOf(entityId: "C-WQ2") { explain(entityId: "C-WQ2") { rule evidence { id } } } }`);
    const steps = why.groupOf.explain;
    expect(steps[steps.length - 1]).toEqual({ rule: 'R1', evidence: [{ id: 'SH-ACQ' }] });

    const events = await api.data<{ groupEvents: Event[] }>(
      `{ groupEvents(since: "2026-11-23") { type groupId } }`,
    );
    expect(events.groupEvents).toContainEqual({ type: 'MERGED', groupId: 'G-P-ZHANG' });
  });

  it('still shows the old groups on a date before the acquisition', async () => {
    const past = await api.data<GroupOf>(GROUP_OF, { id: 'C-WQ1', asOf: '2026-09-30' });
    expect(past.groupOf.memberCount).toBe(2);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const before = await auditCount();
    const res = await api.query(SAVE_SHAREHOLDING, {
      input: { ...ACQUISITION, votingPct: '70' },
      expectedVersion: 7,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await auditCount()).toBe(before);
  });

  it.each([
    [
      'stakes over 100 % (SASAC already holds 80 %)',
      { id: 'SH-BAD', holderId: 'C-DFP', companyId: 'C-DFG', votingPct: '30' },
      /100/,
    ],
    [
      'an unknown holder',
      { id: 'SH-BAD', holderId: 'NOBODY', companyId: 'C-SOLO', votingPct: '30' },
      /NOBODY/,
    ],
    [
      'self-ownership',
      { id: 'SH-BAD', holderId: 'C-SOLO', companyId: 'C-SOLO', votingPct: '30' },
      /self/,
    ],
    [
      'a percentage above 100',
      { id: 'SH-BAD', holderId: 'P-LIU', companyId: 'C-SOLO', votingPct: '101' },
      /100/,
    ],
    [
      'dates out of order',
      {
        id: 'SH-BAD',
        holderId: 'P-LIU',
        companyId: 'C-SOLO',
        votingPct: '30',
        validFrom: '2026-01-01',
        validTo: '2025-01-01',
      },
      /valid_to/,
    ],
  ])('rejects %s with BAD_USER_INPUT and changes nothing', async (_case, input, message) => {
    const before = await auditCount();
    const res = await api.query(SAVE_SHAREHOLDING, { input });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(message);
    expect(await auditCount()).toBe(before);
    expect((await api.data<GroupOf>(GROUP_OF, { id: 'C-SOLO' })).groupOf.memberCount).toBe(1);
  });

  it('ends the acquisition: the groups split again, and the id stays with the old head', async () => {
    const ended = await api.data<{ endEdge: { version: number; events: Event[] } }>(END_EDGE, {
      id: 'SH-ACQ',
      validTo: '2026-11-01',
    });
    expect(ended.endEdge.version).toBe(2);
    expect(ended.endEdge.events.map((e) => e.type)).toContain('SPLIT');
    expect((await api.data<GroupOf>(GROUP_OF, { id: 'C-HXS' })).groupOf).toMatchObject({
      id: 'G-P-ZHANG',
      memberCount: 11,
    });
    expect((await api.data<GroupOf>(GROUP_OF, { id: 'C-WQ2' })).groupOf.memberCount).toBe(2);
    // On a date inside the acquisition's life the merged group is still what was true then.
    expect(
      (await api.data<GroupOf>(GROUP_OF, { id: 'C-WQ2', asOf: '2026-10-15' })).groupOf.memberCount,
    ).toBe(13);
  });

  it('joins an entity by analyst designation (R11) and records who approved it', async () => {
    const res = await api.data<{ saveDesignation: { events: Event[] } }>(
      `mutation { saveDesignation(input: { id: "DS-1", kind: JOIN, entityId: "C-SOLO", targetId: "C-JH",
          reason: "common management per site visit", approvedBy: "chief credit officer" }) { events { type groupId entityIds } } }`,
    );
    expect(res.saveDesignation.events).toContainEqual(
      expect.objectContaining({ type: 'JOINED', entityIds: ['C-SOLO'] }),
    );
    const g = await api.data<{
      groupOf: { memberCount: number; controlFacts: { rule: string }[] };
    }>(`{ groupOf(entityId: "C-SOLO") { memberCount controlFacts { rule } } }`);
    expect(g.groupOf.memberCount).toBe(4);
    expect(g.groupOf.controlFacts.map((f) => f.rule)).toContain('R11');
  });

  it('creates and updates an entity with optimistic locking', async () => {
    const save = `mutation ($input: EntityInput!, $v: Int) { saveEntity(input: $input, expectedVersion: $v) { id version groups { id } } }`;
    const input = {
      id: 'C-NEW',
      kind: 'COMPANY',
      name: 'New Co',
      ownership: 'PRIVATE',
      customer: true,
    };
    const created = await api.data<{ saveEntity: { version: number; groups: { id: string }[] } }>(
      save,
      { input },
    );
    expect(created.saveEntity).toEqual({ id: 'C-NEW', version: 1, groups: [{ id: 'G-C-NEW' }] });
    const renamed = await api.data<{ saveEntity: { version: number } }>(save, {
      input: { ...input, name: 'New Co Ltd' },
      v: 1,
    });
    expect(renamed.saveEntity.version).toBe(2);
    const stale = await api.query(save, { input: { ...input, name: 'Stale' }, v: 1 });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const bad = await api.query(save, { input: { ...input, uscc: '91310000EEYQ5NCP5X' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/uscc/);
    const read = await api.data<{ entity: { name: string } }>(`{ entity(id: "C-NEW") { name } }`);
    expect(read.entity.name).toBe('New Co Ltd');
  });

  it('re-derives stakes deep inside a group downstream of them only, as a fresh start would', async () => {
    // Huaxin Logistics takes 40 % of Boyuan (whose board Huaxin Steel appoints): no change.
    await api.data(SAVE_SHAREHOLDING, {
      input: { id: 'SH-DEEP', holderId: 'C-HXL', companyId: 'C-BRD', votingPct: '40' },
    });
    expect(api.app.groups.lastWritePath).toBe('downstream');
    // Huaxin Steel sells its 20 % of Huaxin Logistics: Huaxin Holdings' 35 % alone is no
    // majority, so Logistics leaves the group, and the downstream path finds it.
    const ended = await api.data<{ endEdge: { events: Event[] } }>(END_EDGE, {
      id: 'SH-4',
      validTo: TEST_TODAY,
    });
    expect(api.app.groups.lastWritePath).toBe('downstream');
    expect(ended.endEdge.events).toContainEqual(
      expect.objectContaining({ type: 'LEFT', entityIds: ['C-HXL'] }),
    );

    const groupsNow = await everyGroup(api);
    await api.stop();
    api = await TestApi.start(db.orm);
    expect(await everyGroup(api)).toEqual(groupsNow);
  });

  it('audits each write with the row as it stood before it, however the write read that row', async () => {
    type Audit = { action: string; before: Record<string, unknown> | null; after: unknown };
    const trail = () =>
      db.orm.em
        .fork()
        .execute<Audit[]>(
          `select action, before, after from audit_log where row_id = 'SH-AUD' order by id`,
        );
    const stake = { id: 'SH-AUD', holderId: 'C-HXS', companyId: 'C-SOLO', source: 'registry' };
    await api.data(SAVE_SHAREHOLDING, { input: { ...stake, votingPct: '5.5' } });
    const updated = await api.data<Saved>(SAVE_SHAREHOLDING, {
      input: { ...stake, votingPct: '7.25', validFrom: '2026-10-01' },
      expectedVersion: 1,
    });
    expect(updated.saveShareholding.version).toBe(2);
    await api.data(END_EDGE, { id: 'SH-AUD', validTo: '2026-11-15' });

    const [created, update, end] = await trail();
    expect(created).toMatchObject({ action: 'CREATE', before: null });
    // The update read the row in its own statement, the end by a locking read first: the same
    // before-image either way (text values, record field names).
    expect(update.action).toBe('UPDATE');
    expect(update.before).toEqual({
      ...stake,
      votingPct: expect.stringMatching(/^5\.50*$/),
      equityPct: expect.stringMatching(/^5\.50*$/),
      validFrom: null,
      validTo: null,
    });
    expect(end.action).toBe('END');
    expect(Object.keys(end.before!).sort()).toEqual(Object.keys(update.before!).sort());
    expect(end.before).toMatchObject({ votingPct: expect.stringMatching(/^7\.250*$/) });
    expect(end.before!.validFrom).toBe('2026-10-01');
  });

  it('survives a restart: groups are rebuilt from PostgreSQL with the same ids', async () => {
    const before = (await api.data<GroupOf>(GROUP_OF, { id: 'C-SOLO' })).groupOf;
    // One API server per database: the running one stops first.
    await api.stop();
    api = await TestApi.start(db.orm);
    expect((await api.data<GroupOf>(GROUP_OF, { id: 'C-SOLO' })).groupOf).toEqual(before);
  });
});
