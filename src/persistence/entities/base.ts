import { Property } from '@mikro-orm/core';

/**
 * Columns every dated edge shares. `numeric` and `date` columns are read as strings
 * (MikroORM's `decimal` type with `runtimeType: 'string'`), so amounts never pass through floats.
 */
export abstract class DatedRow {
  @Property({ type: 'date', nullable: true })
  validFrom!: string | null;

  @Property({ type: 'date', nullable: true })
  validTo!: string | null;

  @Property({ version: true, type: 'integer' })
  version!: number;
}

export const decimalColumn = () => ({ type: 'decimal', runtimeType: 'string' }) as const;
