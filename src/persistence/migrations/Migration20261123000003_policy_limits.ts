import { Migration } from '@mikro-orm/migrations';

/**
 * The bank's policy as dated versions (one jsonb document per `valid_from`; the latest
 * version on or before a date is in force), and member sub-limits of a unified group limit
 * (集团统一授信): each belongs to one `group_limit` row and goes with it.
 */
export class Migration20261123000003_policy_limits extends Migration {
  override async up(): Promise<void> {
    const statements = [
      `create table policy_version (
        valid_from date primary key,
        policy jsonb not null check (jsonb_typeof(policy) = 'object'),
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        version integer not null default 1
      );`,
      `create table group_sub_limit (
        group_limit_id varchar(64) not null references group_limit (id) on delete cascade deferrable initially immediate,
        member_id varchar(64) not null references party (id) deferrable initially immediate,
        limit_amount numeric not null check (limit_amount >= 0),
        currency char(3) not null,
        primary key (group_limit_id, member_id)
      );`,
      `create index group_sub_limit_member_idx on group_sub_limit (member_id);`,
    ];
    for (const sql of statements) this.addSql(sql);
  }
}
