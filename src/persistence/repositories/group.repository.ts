import type { EntityManager } from '@mikro-orm/postgresql';
import type { GroupEvent, IdentifiedGroup } from '../../domain/groups';

export interface StoredGroup extends IdentifiedGroup {
  name: string;
}

export interface GroupRow {
  id: string;
  name: string;
  primaryHeadId: string;
  memberCount: number;
  derivedOn: string;
}

const BATCH = 5000;

/**
 * The persisted current groups: what every read of "which group, who heads it" uses.
 * Writes replace whole groups (their rows and their members' memberships) in bulk.
 */
export class GroupRepository {
  constructor(private readonly em: EntityManager) {}

  async loadAll(): Promise<IdentifiedGroup[]> {
    const rows = await this.em.execute<{ group_id: string; entity_id: string; is_head: boolean }[]>(
      `select group_id, entity_id, is_head from group_membership order by group_id, entity_id`,
    );
    const groups = new Map<string, IdentifiedGroup>();
    for (const r of rows) {
      let g = groups.get(r.group_id);
      if (!g) groups.set(r.group_id, (g = { id: r.group_id, memberIds: [], headIds: [] }));
      g.memberIds.push(r.entity_id);
      if (r.is_head) g.headIds.push(r.entity_id);
    }
    return [...groups.values()];
  }

  /** Drops `removedIds` and writes `groups` (new or changed) with their memberships. */
  async replace(removedIds: string[], groups: StoredGroup[], derivedOn: string): Promise<void> {
    const conn = this.em;
    const touched = [...new Set([...removedIds, ...groups.map((g) => g.id)])];
    for (const ids of chunks(touched, BATCH)) {
      await conn.execute(`delete from group_membership where group_id in (select ${IDS})`, [
        json(ids),
      ]);
    }
    for (const ids of chunks(
      groups.flatMap((g) => g.memberIds),
      BATCH,
    )) {
      await conn.execute(`delete from group_membership where entity_id in (select ${IDS})`, [
        json(ids),
      ]);
    }
    for (const ids of chunks(touched, BATCH)) {
      await conn.execute(`delete from group_customer where id in (select ${IDS})`, [json(ids)]);
    }
    for (const batch of chunks(groups, BATCH)) {
      const rows = batch.map((g) => ({
        id: g.id,
        name: g.name,
        head: g.headIds[0],
        size: g.memberIds.length,
      }));
      await conn.execute(
        `insert into group_customer (id, name, primary_head_id, member_count, derived_on)
         select id, name, head, size, ?::date
         from json_to_recordset(?::json) as x(id text, name text, head text, size int)`,
        [derivedOn, json(rows)],
      );
    }
    const memberships = groups.flatMap((g) => {
      const heads = new Set(g.headIds);
      return g.memberIds.map((m) => ({ e: m, g: g.id, h: heads.has(m) }));
    });
    for (const batch of chunks(memberships, BATCH * 4)) {
      await conn.execute(
        `insert into group_membership (entity_id, group_id, is_head)
         select e, g, h from json_to_recordset(?::json) as x(e text, g text, h boolean)`,
        [json(batch)],
      );
    }
  }

  async appendEvents(events: GroupEvent[]): Promise<void> {
    const conn = this.em;
    for (const batch of chunks(events, BATCH)) {
      await conn.execute(
        `insert into group_event (type, group_id, related_group_ids, entity_ids, date, cause)
         select type, "groupId",
           array(select json_array_elements_text("relatedGroupIds")),
           array(select json_array_elements_text("entityIds")), date, cause
         from json_to_recordset(?::json)
           as x(type text, "groupId" text, "relatedGroupIds" json, "entityIds" json, date date, cause text)`,
        [json(batch)],
      );
    }
  }
}

/**
 * Lists travel as one JSON parameter: the query builder would expand a JS array into one
 * placeholder per element, and large batches would exceed PostgreSQL's parameter limit.
 */
const IDS = 'json_array_elements_text(?::json)';
const json = (value: unknown): string => JSON.stringify(value);

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
