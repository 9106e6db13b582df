/**
 * Whole answers to queries are kept until the data generation or the day moves on, per actor.
 * A change made behind the server's back (plain SQL, which moves no generation) shows which
 * answers were kept and which were computed afresh.
 */
import { loadDemoBank } from '../integration/exposure/demo-bank';
import { TestApi, TEST_TODAY } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const NAME = `query($id: ID!) { entity(id: $id) { id name } }`;
const SAVE_ENTITY = `mutation($input: EntityInput!) { saveEntity(input: $input) { id } }`;
const ALICE = { 'x-actor': 'alice' };

describe('the response cache', () => {
  let db: TestDatabase;
  let api: TestApi;
  let today = TEST_TODAY;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoBank(db.orm);
    api = await TestApi.start(db.orm, () => today);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const renameBehindTheServer = (id: string, name: string) =>
    db.orm.em.fork().getConnection().execute(`update party set name = ? where id = ?`, [name, id]);

  async function nameOf(id: string, headers: Record<string, string> = ALICE) {
    const res = await api.query<{ entity: { name: string } }>(NAME, { id }, headers);
    if (res.errors) return res.errors[0].extensions?.code;
    return res.data!.entity.name;
  }

  it('hands out the kept answer to the same question, and computes it again on no-cache', async () => {
    const before = await nameOf('C-HXL');
    await renameBehindTheServer('C-HXL', 'Renamed A');
    expect(await nameOf('C-HXL')).toBe(before);
    expect(await nameOf('C-HXL', { ...ALICE, 'cache-control': 'no-cache' })).toBe('Renamed A');
    // The fresh answer replaced the kept one.
    expect(await nameOf('C-HXL')).toBe('Renamed A');
  });

  it('leaves the kept answer in place on no-store', async () => {
    await nameOf('C-HXS');
    await renameBehindTheServer('C-HXS', 'Renamed B');
    const kept = await nameOf('C-HXS');
    expect(await nameOf('C-HXS', { ...ALICE, 'cache-control': 'no-store' })).toBe('Renamed B');
    expect(await nameOf('C-HXS')).toBe(kept);
  });

  it("never hands one actor's answer to another", async () => {
    await nameOf('C-NAT');
    await renameBehindTheServer('C-NAT', 'Renamed C');
    expect(await nameOf('C-NAT', { 'x-actor': 'bob' })).toBe('Renamed C');
    expect(await nameOf('C-NAT')).not.toBe('Renamed C');
  });

  it('forgets every answer after a write through the API', async () => {
    const kept = await nameOf('C-HXL', { 'x-actor': 'carol' });
    await renameBehindTheServer('C-HXL', 'Renamed D');
    expect(await nameOf('C-HXL', { 'x-actor': 'carol' })).toBe(kept);
    const res = await api.query(
      SAVE_ENTITY,
      { input: { id: 'C-RC-NEW', kind: 'COMPANY', name: 'Unrelated Co' } },
      { 'x-actor': 'steward' },
    );
    expect(res.errors).toBeUndefined();
    expect(await nameOf('C-HXL', { 'x-actor': 'carol' })).toBe('Renamed D');
  });

  it('forgets every answer when the day moves on', async () => {
    const kept = await nameOf('C-HXL', { 'x-actor': 'dave' });
    await renameBehindTheServer('C-HXL', 'Renamed E');
    expect(await nameOf('C-HXL', { 'x-actor': 'dave' })).toBe(kept);
    today = '2026-11-24';
    try {
      expect(await nameOf('C-HXL', { 'x-actor': 'dave' })).toBe('Renamed E');
    } finally {
      today = TEST_TODAY;
    }
  });

  it('keeps no answer with errors', async () => {
    expect(await nameOf('C-RC-LATE')).toBe('NOT_FOUND');
    await db.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into party (id, kind, name, ownership, customer) values ('C-RC-LATE', 'COMPANY', 'Late Co', 'PRIVATE', false)`,
      );
    expect(await nameOf('C-RC-LATE')).toBe('Late Co');
  });
});
