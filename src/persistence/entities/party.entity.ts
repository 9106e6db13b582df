import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityKind, OwnershipType } from '../../domain/model';

@Entity({ tableName: 'party' })
export class PartyRow {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string' })
  kind!: EntityKind;

  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'string', nullable: true })
  ownership!: OwnershipType | null;

  @Property({ type: 'string', nullable: true })
  country!: string | null;

  @Property({ type: 'string', nullable: true })
  uscc!: string | null;

  @Property({ type: 'string', nullable: true })
  lei!: string | null;

  @Property({ type: 'string', nullable: true })
  industry!: string | null;

  @Property({ type: 'integer', nullable: true })
  boardSeats!: number | null;

  @Property({ type: 'boolean' })
  customer!: boolean;

  @Property({ type: 'string', nullable: true })
  portfolio!: string | null;

  @Property({ version: true, type: 'integer' })
  version!: number;
}
