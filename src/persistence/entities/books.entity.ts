import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Product } from '../../domain/model';
import { DatedRow, decimalColumn } from './base';

@Entity({ tableName: 'facility' })
export class FacilityRow {
  @PrimaryKey({ type: 'string', length: 64 }) id!: string;
  @Property({ type: 'string' }) borrowerId!: string;
  @Property({ type: 'string' }) product!: Product;
  @Property({ ...decimalColumn(), fieldName: 'limit_amount' }) limit!: string;
  @Property({ type: 'string' }) currency!: string;
  @Property({ type: 'boolean' }) committed!: boolean;
  @Property({ type: 'boolean' }) cancellable!: boolean;
  @Property({ type: 'date', nullable: true, fieldName: 'start_date' }) start!: string | null;
  @Property({ type: 'date', nullable: true, fieldName: 'maturity_date' }) maturity!: string | null;
  @Property({ ...decimalColumn(), nullable: true }) cashMargin!: string | null;
  @Property({ type: 'string', nullable: true }) guarantorId!: string | null;
  @Property({ ...decimalColumn(), nullable: true }) guaranteedAmount!: string | null;
  @Property({ version: true, type: 'integer' }) version!: number;
}

@Entity({ tableName: 'drawing' })
export class DrawingRow {
  @PrimaryKey({ type: 'string' }) facilityId!: string;
  @PrimaryKey({ type: 'date' }) asOf!: string;
  @Property(decimalColumn()) drawn!: string;
}

@Entity({ tableName: 'fx_rate' })
export class FxRateRow {
  @PrimaryKey({ type: 'string' }) currency!: string;
  @PrimaryKey({ type: 'date' }) asOf!: string;
  @Property(decimalColumn()) rate!: string;
}

@Entity({ tableName: 'capital' })
export class CapitalRow {
  @PrimaryKey({ type: 'date' }) asOf!: string;
  @Property({ ...decimalColumn(), fieldName: 'tier1_capital' }) tier1Capital!: string;
  @Property(decimalColumn()) netCapital!: string;
  @Property({ type: 'string' }) currency!: string;
}

@Entity({ tableName: 'group_limit' })
export class GroupLimitRow extends DatedRow {
  @PrimaryKey({ type: 'string', length: 64 }) id!: string;
  @Property({ type: 'string' }) memberId!: string;
  @Property({ ...decimalColumn(), fieldName: 'limit_amount' }) limit!: string;
  @Property({ type: 'string' }) currency!: string;
}
