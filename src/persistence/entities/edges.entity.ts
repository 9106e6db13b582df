import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { DesignationKind, FamilyRelation, LinkType, RoleType } from '../../domain/model';
import { DatedRow, decimalColumn } from './base';

/**
 * Edges reference parties by their external id (plain columns, not ORM relations): the
 * graph is read in bulk by id lists, never navigated object by object.
 */
@Entity({ tableName: 'shareholding' })
export class ShareholdingRow extends DatedRow {
  @PrimaryKey({ type: 'string', length: 64 }) id!: string;
  @Property({ type: 'string' }) holderId!: string;
  @Property({ type: 'string' }) companyId!: string;
  @Property(decimalColumn()) votingPct!: string;
  @Property(decimalColumn()) equityPct!: string;
  @Property({ type: 'string', nullable: true }) source!: string | null;
}

@Entity({ tableName: 'role' })
export class RoleRow extends DatedRow {
  @PrimaryKey({ type: 'string', length: 64 }) id!: string;
  @Property({ type: 'string' }) holderId!: string;
  @Property({ type: 'string' }) companyId!: string;
  @Property({ type: 'string' }) role!: RoleType;
  @Property({ type: 'string', nullable: true }) appointedById!: string | null;
  @Property({ type: 'string', nullable: true }) source!: string | null;
}

@Entity({ tableName: 'family_tie' })
export class FamilyTieRow extends DatedRow {
  @PrimaryKey({ type: 'string', length: 64 }) id!: string;
  @Property({ type: 'string', fieldName: 'person_a_id' }) personAId!: string;
  @Property({ type: 'string', fieldName: 'person_b_id' }) personBId!: string;
  @Property({ type: 'string' }) relation!: FamilyRelation;
  @Property({ type: 'string', nullable: true }) source!: string | null;
}

@Entity({ tableName: 'control_link' })
export class ControlLinkRow extends DatedRow {
  @PrimaryKey({ type: 'string', length: 64 }) id!: string;
  @Property({ type: 'string' }) fromId!: string;
  @Property({ type: 'string' }) toId!: string;
  @Property({ type: 'string' }) type!: LinkType;
  @Property({ type: 'string', nullable: true }) source!: string | null;
  @Property({ type: 'string', nullable: true }) reason!: string | null;
}

@Entity({ tableName: 'guarantee' })
export class GuaranteeRow extends DatedRow {
  @PrimaryKey({ type: 'string', length: 64 }) id!: string;
  @Property({ type: 'string' }) guarantorId!: string;
  @Property({ type: 'string' }) borrowerId!: string;
  @Property(decimalColumn()) amount!: string;
  @Property({ type: 'string' }) currency!: string;
}

@Entity({ tableName: 'manual_designation' })
export class ManualDesignationRow extends DatedRow {
  @PrimaryKey({ type: 'string', length: 64 }) id!: string;
  @Property({ type: 'string' }) kind!: DesignationKind;
  @Property({ type: 'string' }) entityId!: string;
  @Property({ type: 'string' }) targetId!: string;
  @Property({ type: 'string' }) reason!: string;
  @Property({ type: 'string' }) approvedBy!: string;
}
