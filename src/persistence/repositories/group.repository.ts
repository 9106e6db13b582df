import type { EntityManager } from '@mikro-orm/postgresql';
import type { GroupEvent, IdentifiedGroup } from '../../domain/groups';
import type { ClientBase } from 'pg';
import { streamRows, withRawClient } from './raw-rows';
import { BULK_MIN_MEMBERSHIPS, savedInBulk } from './group-bulk-save';

export interface StoredGroup extends IdentifiedGroup {
  name: string;
}

export interface Membership {
  entityId: string;
  groupId: string;
  isHead: boolean;
}

export interface GroupSave {
  removedGroupIds: string[];
  /** New or changed groups (their rows, not their memberships). */
  groups: StoredGroup[];
  memberships: Membership[];
  derivedOn: string;
}

export interface GroupRow {
  id: string;
  name: string;
  primaryHeadId: string;
  memberCount: number;
  derivedOn: string;
}

/** A persisted group: members in id order, each one's head flag beside it. */
export interface StoredGroupRows {
  id: string;
  memberIds: string[];
  isHead: boolean[];
}

const BATCH = 5000;

/**
 * The persisted current groups: what every read of "which group, who heads it" uses.
 * Writes replace whole groups (their rows and their members' memberships) in bulk.
 */
export class GroupRepository {
  constructor(
    private readonly em: EntityManager,
    /** Saves of at least this many memberships may go in bulk (see group-bulk-save). */
    private readonly bulkMinMemberships = BULK_MIN_MEMBERSHIPS,
  ) {}

  /**
   * Every persisted group, one at a time as it streams in (a million memberships, no record
   * built and no list of them all kept): members in code-unit order (collation "C"), the
   * order a derivation lists them in, with their head flags.
   */
  async forEachStoredGroup(visit: (group: StoredGroupRows) => void): Promise<void> {
    let group: StoredGroupRows | undefined;
    await withRawClient(this.em, (client) =>
      streamRows(client, STORED_MEMBERSHIPS_SQL, ([groupId, entityId, isHead]) => {
        if (group === undefined || group.id !== groupId) {
          if (group) visit(group);
          group = { id: groupId as string, memberIds: [], isHead: [] };
        }
        group.memberIds.push(entityId as string);
        group.isHead.push(isHead === true);
      }),
    );
    if (group) visit(group);
  }

  /**
   * A re-derivation's outcome and its events. A change small enough for one batch of each
   * kind (every API write) is one statement, a data-modifying WITH (the membership foreign key
   * is checked at commit): a write's tail latency is made of round trips.
   */
  async saveChange(change: GroupSave, events: GroupEvent[]): Promise<void> {
    const oneBatch =
      change.removedGroupIds.length <= BATCH &&
      change.groups.length <= BATCH &&
      change.memberships.length <= BATCH * 4 &&
      change.memberships.length < this.bulkMinMemberships &&
      events.length <= BATCH;
    if (!oneBatch) {
      await this.save(change);
      await this.appendEvents(events);
      return;
    }
    const rows =
      change.removedGroupIds.length +
      change.groups.length +
      change.memberships.length +
      events.length;
    if (rows === 0) return;
    await this.em.execute(
      `with removed as (${DELETE_GROUPS_SQL}),
            saved as (${UPSERT_GROUPS_SQL}),
            moved as (${UPSERT_MEMBERSHIPS_SQL})
       ${INSERT_EVENTS_SQL}`,
      [
        json(change.removedGroupIds),
        ...groupParams(change.derivedOn, change.groups),
        json(change.memberships),
        json(events),
      ],
    );
  }

  /**
   * Writes a re-derivation's outcome: removed groups go, new or changed groups are upserted,
   * and only the memberships that changed are written, so a write inside a 10 000-member
   * group touches the rows that moved, not the whole group.
   */
  async save(change: GroupSave): Promise<void> {
    // Most of the bank at once (a first start after a bulk import): keys off, COPY, keys on.
    if (change.memberships.length >= this.bulkMinMemberships) {
      const inBulk = await withRawClient(this.em, async (client, inTransaction) =>
        inTransaction
          ? savedInBulk(client as unknown as ClientBase, change, this.bulkMinMemberships)
          : false,
      );
      if (inBulk) return;
    }
    for (const ids of chunks(change.removedGroupIds, BATCH)) {
      await this.em.execute(DELETE_GROUPS_SQL, [json(ids)]);
    }
    for (const batch of chunks(change.groups, BATCH)) {
      await this.em.execute(UPSERT_GROUPS_SQL, groupParams(change.derivedOn, batch));
    }
    for (const batch of chunks(change.memberships, BATCH * 4)) {
      await this.em.execute(UPSERT_MEMBERSHIPS_SQL, [json(batch)]);
    }
  }

  async appendEvents(events: GroupEvent[]): Promise<void> {
    for (const batch of chunks(events, BATCH)) {
      await this.em.execute(INSERT_EVENTS_SQL, [json(batch)]);
    }
  }
}

/**
 * Lists travel as one JSON parameter: the query builder would expand a JS array into one
 * placeholder per element, and large batches would exceed PostgreSQL's parameter limit.
 */
const IDS = 'json_array_elements_text(?::json)';
const json = (value: unknown): string => JSON.stringify(value);

const DELETE_GROUPS_SQL = `delete from group_customer where id in (select ${IDS})`;

const UPSERT_GROUPS_SQL = `insert into group_customer
  (id, name, primary_head_id, member_count, derived_on)
  select id, name, head, size, ?::date
  from json_to_recordset(?::json) as x(id text, name text, head text, size int)
  on conflict (id) do update set name = excluded.name,
    primary_head_id = excluded.primary_head_id, member_count = excluded.member_count,
    derived_on = excluded.derived_on, updated_at = now()`;

function groupParams(derivedOn: string, groups: readonly StoredGroup[]): unknown[] {
  const rows = groups.map((g) => ({
    id: g.id,
    name: g.name,
    head: g.headIds[0],
    size: g.memberIds.length,
  }));
  return [derivedOn, json(rows)];
}

/** Every membership, members of a group in code-unit order (an index gives that order). */
export const STORED_MEMBERSHIPS_SQL = `select group_id, entity_id, is_head from group_membership
  order by group_id, entity_id collate "C"`;

const UPSERT_MEMBERSHIPS_SQL = `insert into group_membership (entity_id, group_id, is_head)
  select "entityId", "groupId", "isHead"
  from json_to_recordset(?::json) as x("entityId" text, "groupId" text, "isHead" boolean)
  on conflict (entity_id) do update set group_id = excluded.group_id, is_head = excluded.is_head`;

const INSERT_EVENTS_SQL = `insert into group_event
  (type, group_id, related_group_ids, entity_ids, date, cause)
  select type, "groupId",
    array(select json_array_elements_text("relatedGroupIds")),
    array(select json_array_elements_text("entityIds")), date, cause
  from json_to_recordset(?::json)
    as x(type text, "groupId" text, "relatedGroupIds" json, "entityIds" json, date date,
      cause text)`;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
