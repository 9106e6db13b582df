import { Migration } from '@mikro-orm/migrations';

/**
 * Derived group customers, persisted so reads are indexed SQL: the current groups, each
 * entity's membership, and the append-only history of merges, splits, joins and leaves.
 */
export class Migration20261123000002_groups extends Migration {
  override async up(): Promise<void> {
    const statements = [
      `create table group_customer (
        id varchar(80) primary key,
        name text not null,
        primary_head_id varchar(64) not null references party (id) deferrable initially deferred,
        member_count integer not null check (member_count > 0),
        derived_on date not null,
        updated_at timestamptz not null default now()
      );`,
      `create index group_customer_size_idx on group_customer (member_count desc, id);`,
      `create table group_membership (
        entity_id varchar(64) primary key references party (id) deferrable initially deferred,
        group_id varchar(80) not null references group_customer (id) deferrable initially deferred,
        is_head boolean not null default false
      );`,
      `create index group_membership_group_idx on group_membership (group_id, entity_id);`,
      `create table group_event (
        id bigserial primary key,
        type text not null check (type in ('CREATED','MERGED','SPLIT','JOINED','LEFT','DISSOLVED')),
        group_id varchar(80) not null,
        related_group_ids text[] not null default '{}',
        entity_ids text[] not null default '{}',
        date date not null,
        cause text,
        at timestamptz not null default now()
      );`,
      `create index group_event_date_idx on group_event (date, id);`,
      `create index group_event_group_idx on group_event (group_id, id);`,
    ];
    for (const sql of statements) this.addSql(sql);
  }
}
