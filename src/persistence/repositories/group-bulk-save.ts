/**
 * A re-derivation that rewrites most of the bank's memberships (the first start after an
 * import of a whole bank, a reload after one) writes them the way the importer loads a large
 * file: the group tables' foreign keys are dropped inside the transaction, every row goes in
 * through `COPY` and one statement per table, and the keys are added back, which PostgreSQL
 * validates with one join per key instead of one look-up per row (a million deferred checks
 * took longer than the rows themselves). The keys are restored verbatim from the catalog
 * before the commit, and a failure rolls the DDL back with the rows. The price is an
 * exclusive lock on the group tables until the commit, which is why only such saves take it.
 */
import type { ClientBase } from 'pg';
import type { GroupSave } from './group.repository';
import { copyIn } from './copy-in';

const GROUP_TABLES = ['group_membership', 'group_customer'];

/** Below this many membership rows a save keeps the tables' keys in place. */
export const BULK_MIN_MEMBERSHIPS = 50_000;

/** Whether rewriting in bulk beats maintaining: many rows, and a good part of the table. */
export function prefersBulkSave(
  memberships: number,
  storedMemberships: number,
  minMemberships = BULK_MIN_MEMBERSHIPS,
): boolean {
  return memberships >= minMemberships && memberships * 4 >= storedMemberships;
}

/**
 * Saves `change` in bulk when that pays, on the connection of the caller's transaction;
 * false when it does not (the caller saves row by row).
 */
export async function savedInBulk(
  client: ClientBase,
  change: GroupSave,
  minMemberships = BULK_MIN_MEMBERSHIPS,
): Promise<boolean> {
  if (change.memberships.length < minMemberships) return false;
  const { rows } = await client.query<{ stored: number }>(
    `select greatest(reltuples, 0)::float8 as stored from pg_class
     where oid = 'group_membership'::regclass`,
  );
  if (!prefersBulkSave(change.memberships.length, Number(rows[0].stored), minMemberships)) {
    return false;
  }
  await saveGroupsInBulk(client, change);
  return true;
}

async function saveGroupsInBulk(client: ClientBase, change: GroupSave): Promise<void> {
  const { rows: keys } = await client.query<{ table: string; name: string; def: string }>(
    `select conrelid::regclass::text as "table", conname as name, pg_get_constraintdef(oid) as def
     from pg_constraint where contype = 'f' and conrelid = any($1::regclass[])
     order by conrelid::regclass::text, conname`,
    [GROUP_TABLES],
  );
  for (const k of keys) await client.query(`alter table ${k.table} drop constraint ${k.name}`);

  await client.query(
    `create temporary table stage_removed_group (id text) on commit drop;
     create temporary table stage_group (id text, name text, head text, size int) on commit drop;
     create temporary table stage_membership (entity_id text, group_id text, is_head boolean)
       on commit drop`,
  );
  await copyIn(client, 'stage_removed_group', ['id'], change.removedGroupIds, (id) => id);
  await copyIn(client, 'stage_group', ['id', 'name', 'head', 'size'], change.groups, (g, c) =>
    c === 0 ? g.id : c === 1 ? g.name : c === 2 ? g.headIds[0] : g.memberIds.length,
  );
  await copyIn(
    client,
    'stage_membership',
    ['entity_id', 'group_id', 'is_head'],
    change.memberships,
    (m, c) => (c === 0 ? m.entityId : c === 1 ? m.groupId : m.isHead),
  );
  await client.query(`delete from group_customer where id in (select id from stage_removed_group)`);
  await client.query(
    `insert into group_customer (id, name, primary_head_id, member_count, derived_on)
     select id, name, head, size, $1::date from stage_group
     on conflict (id) do update set name = excluded.name,
       primary_head_id = excluded.primary_head_id, member_count = excluded.member_count,
       derived_on = excluded.derived_on, updated_at = now()`,
    [change.derivedOn],
  );
  await client.query(
    `insert into group_membership (entity_id, group_id, is_head)
     select entity_id, group_id, is_head from stage_membership
     on conflict (entity_id) do update set group_id = excluded.group_id,
       is_head = excluded.is_head`,
  );

  for (const table of GROUP_TABLES) {
    const adds = keys.filter((k) => k.table === table);
    if (adds.length === 0) continue;
    const clauses = adds.map((k) => `add constraint ${k.name} ${k.def}`).join(', ');
    await client.query(`alter table ${table} ${clauses}`);
  }
}
