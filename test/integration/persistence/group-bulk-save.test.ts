/**
 * A save of most of the bank's memberships goes in bulk (keys dropped, COPY, keys restored):
 * it must leave exactly the rows a row-by-row save leaves, keep every foreign key, and on
 * a bad row roll everything back, keys included.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  GroupRepository,
  type GroupSave,
} from '../../../src/persistence/repositories/group.repository';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const PARTY_COUNT = 40;
const partyId = (i: number) => `P-${String(i).padStart(3, '0')}`;

/** Groups of 1, 2, 3 … parties with a tab and a backslash in one name (COPY escapes them). */
function firstSave(): GroupSave {
  const groups: GroupSave['groups'] = [];
  for (let at = 0, size = 1; at < PARTY_COUNT; at += size, size++) {
    const memberIds = Array.from({ length: Math.min(size, PARTY_COUNT - at) }, (_, k) =>
      partyId(at + k),
    );
    const name = at === 0 ? 'tab\there \\ back' : `Group of ${memberIds[0]}`;
    groups.push({ id: `G-${memberIds[0]}`, name, memberIds, headIds: [memberIds[0]] });
  }
  return {
    removedGroupIds: [],
    groups,
    memberships: groups.flatMap((g) =>
      g.memberIds.map((m) => ({ entityId: m, groupId: g.id, isHead: m === g.headIds[0] })),
    ),
    derivedOn: '2026-12-07',
  };
}

/** Everything moves into the first group; the others go. */
function mergeSave(first: GroupSave): GroupSave {
  const [keep, ...gone] = first.groups;
  const memberIds = first.groups.flatMap((g) => g.memberIds);
  return {
    removedGroupIds: gone.map((g) => g.id),
    groups: [{ ...keep, memberIds, name: 'Merged' }],
    memberships: memberIds.map((m) => ({
      entityId: m,
      groupId: keep.id,
      isHead: m === partyId(0),
    })),
    derivedOn: '2026-12-08',
  };
}

describe('bulk save of groups', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    const values = Array.from(
      { length: PARTY_COUNT },
      (_, i) => `('${partyId(i)}', 'PERSON', 'p')`,
    );
    await db.orm.em.getConnection().execute(`insert into party (id, kind, name) values ${values}`);
  });
  afterAll(() => db.drop());

  const tables = async () => {
    const em = db.orm.em.fork();
    return {
      groups: await em.execute(
        `select id, name, primary_head_id, member_count, derived_on::text from group_customer
         order by id`,
      ),
      memberships: await em.execute(
        `select entity_id, group_id, is_head from group_membership order by entity_id`,
      ),
    };
  };
  const foreignKeys = async () =>
    db.orm.em.fork().execute(
      `select conrelid::regclass::text as t, conname, pg_get_constraintdef(oid) as def
         from pg_constraint where contype = 'f'
           and conrelid in ('group_membership'::regclass, 'group_customer'::regclass)
         order by 1, 2`,
    );
  const clear = () =>
    db.orm.em.fork().execute(`delete from group_membership; delete from group_customer`);
  const save = (change: GroupSave, bulkMin: number) =>
    db.orm.em
      .fork()
      .transactional((tx: EntityManager) => new GroupRepository(tx, bulkMin).save(change));

  it('leaves the rows a row-by-row save leaves, and every foreign key', async () => {
    const keys = await foreignKeys();
    expect(keys.length).toBeGreaterThanOrEqual(3);
    const first = firstSave();
    const merge = mergeSave(first);

    await clear();
    await save(first, Number.MAX_SAFE_INTEGER);
    const byRowsFirst = await tables();
    await save(merge, Number.MAX_SAFE_INTEGER);
    const byRowsMerged = await tables();
    expect(byRowsMerged.groups).toHaveLength(1);

    await clear();
    const constraintOids = () =>
      db.orm.em
        .fork()
        .execute(
          `select oid::text from pg_constraint where conrelid = 'group_membership'::regclass`,
        );
    const before = await constraintOids();
    await save(first, 1);
    // The keys were dropped and added back (new catalog rows): the bulk path ran.
    expect(await constraintOids()).not.toEqual(before);
    expect(await tables()).toEqual(byRowsFirst);
    await save(merge, 1);
    expect(await tables()).toEqual(byRowsMerged);
    expect(await foreignKeys()).toEqual(keys);
  });

  it('rolls back rows and keys together when a membership names no party', async () => {
    await clear();
    const keys = await foreignKeys();
    const bad = firstSave();
    bad.memberships.push({ entityId: 'NO-SUCH-PARTY', groupId: bad.groups[0].id, isHead: false });
    await expect(save(bad, 1)).rejects.toThrow(/foreign key/);
    expect(await tables()).toEqual({ groups: [], memberships: [] });
    expect(await foreignKeys()).toEqual(keys);
  });
});
