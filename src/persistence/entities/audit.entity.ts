import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'audit_log' })
export class AuditLogRow {
  @PrimaryKey({ type: 'bigint' }) id!: string;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) at!: Date;
  @Property({ type: 'string' }) actor!: string;
  @Property({ type: 'string' }) action!: string;
  @Property({ type: 'string' }) tableName!: string;
  @Property({ type: 'string', nullable: true }) rowId!: string | null;
  @Property({ type: 'json', nullable: true }) before!: unknown;
  @Property({ type: 'json', nullable: true }) after!: unknown;
  @Property({ type: 'string', nullable: true }) note!: string | null;
}
