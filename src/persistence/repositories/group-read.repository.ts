import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../../domain/errors';

export type GroupListOrder = 'MEMBER_COUNT' | 'NAME' | 'ID';

export interface GroupSummary {
  id: string;
  name: string;
  primaryHeadId: string;
  memberCount: number;
}

export interface GroupListArgs {
  minMembers: number;
  nameContains: string | null;
  orderBy: GroupListOrder;
  first: number;
  after: string | null;
}

export interface GroupPage {
  rows: GroupSummary[];
  hasNextPage: boolean;
}

export interface GroupEventRow {
  id: string;
  type: string;
  groupId: string;
  relatedGroupIds: string[];
  entityIds: string[];
  date: string;
  cause: string | null;
  at: Date;
}

/** Each order is one text key (compared byte-wise), so one keyset cursor serves them all. */
const ORDER: Record<GroupListOrder, (g: GroupSummary) => string> = {
  MEMBER_COUNT: (g) => `${String(1e9 - g.memberCount).padStart(10, '0')}|${g.id}`,
  NAME: (g) => `${g.name}|${g.id}`,
  ID: (g) => g.id,
};

/** Reads of the persisted current groups and their history: plain indexed SQL. */
export class GroupReadRepository {
  constructor(private readonly em: EntityManager) {}

  async list(args: GroupListArgs): Promise<GroupPage> {
    const params: unknown[] = [args.minMembers];
    let where = 'member_count >= ?';
    if (args.nameContains) {
      where += ` and name ilike ?`;
      params.push(`%${args.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const key = `(${keyExpression(args.orderBy)}) collate "C"`;
    if (args.after !== null) {
      where += ` and ${key} > ?`;
      params.push(decodeKey(args.after));
    }
    params.push(args.first + 1);
    const rows = await this.em.execute<GroupSummary[]>(
      `select id, name, primary_head_id as "primaryHeadId", member_count as "memberCount"
       from group_customer where ${where} order by ${key} limit ?`,
      params,
    );
    return { rows: rows.slice(0, args.first), hasNextPage: rows.length > args.first };
  }

  async events(groupId: string | null, since: string | null): Promise<GroupEventRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (groupId !== null) {
      where.push(`(group_id = ? or ? = any(related_group_ids))`);
      params.push(groupId, groupId);
    }
    if (since !== null) {
      where.push(`date >= ?`);
      params.push(since);
    }
    return this.em.execute<GroupEventRow[]>(
      `select id::text, type, group_id as "groupId", related_group_ids as "relatedGroupIds",
         entity_ids as "entityIds", date::text as date, cause, at
       from group_event ${where.length ? `where ${where.join(' and ')}` : ''}
       order by id limit 1000`,
      params,
    );
  }
}

/** The sort key as SQL, matching ORDER, so keyset cursors work for every order. */
function keyExpression(order: GroupListOrder): string {
  switch (order) {
    case 'MEMBER_COUNT':
      return `lpad((1000000000 - member_count)::text, 10, '0') || '|' || id`;
    case 'NAME':
      return `name || '|' || id`;
    case 'ID':
      return 'id';
  }
}

export function groupCursor(order: GroupListOrder, g: GroupSummary): string {
  return Buffer.from(ORDER[order](g), 'utf8').toString('base64url');
}

function decodeKey(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key) throw ValidationError.of([`"${cursor}" is not a valid cursor.`]);
  return key;
}
