import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes in byte order (collation "C") for the two reads a start-up makes of every row:
 * parties by id, and group memberships by group then member (graph-rows, group.repository).
 * The columns' own collation is the database's, so the primary key cannot give that order
 * and PostgreSQL sorted the million rows before sending the first: 0.9 s for the parties
 * and 0.45 s for the memberships at 1 M, with the loader waiting. Read through these, the
 * rows stream at once.
 */
export class Migration20261208000004_byte_order_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index party_id_bytes_idx on party (id collate "C");`);
    this.addSql(`drop index group_membership_group_idx;`);
    this.addSql(
      `create index group_membership_group_idx on group_membership (group_id, entity_id collate "C");`,
    );
  }
}
