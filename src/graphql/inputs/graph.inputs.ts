import { Field, ID, InputType, Int } from 'type-graphql';
import type {
  DesignationKind,
  EntityKind,
  FamilyRelation,
  LinkType,
  OwnershipType,
  RoleType,
} from '../../domain/model';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import {
  DesignationKindEnum,
  EntityKindEnum,
  FamilyRelationEnum,
  LinkTypeEnum,
  OwnershipEnum,
  RoleTypeEnum,
} from '../types/enums';

/** Inputs mirror the interchange columns; the import's validators check them. */
@InputType('EntityInput')
export class EntityInput {
  @Field(() => ID) id!: string;
  @Field(() => EntityKindEnum) kind!: EntityKind;
  @Field(() => String) name!: string;
  @Field(() => OwnershipEnum, { nullable: true }) ownership?: OwnershipType | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, { nullable: true }) uscc?: string | null;
  @Field(() => String, { nullable: true }) lei?: string | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
  @Field(() => Int, { nullable: true }) boardSeats?: number | null;
  @Field(() => Boolean, { defaultValue: false }) customer!: boolean;
  @Field(() => String, { nullable: true }) portfolio?: string | null;
}

@InputType()
abstract class DatedInput {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar, { nullable: true }) validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Exclusive.' }) validTo?: string | null;
}

@InputType('ShareholdingInput')
export class ShareholdingInput extends DatedInput {
  @Field(() => ID) holderId!: string;
  @Field(() => ID) companyId!: string;
  @Field(() => DecimalScalar) votingPct!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Defaults to votingPct.' })
  equityPct?: string | null;
  @Field(() => String, { nullable: true }) source?: string | null;
}

@InputType('RoleInput')
export class RoleInput extends DatedInput {
  @Field(() => ID) holderId!: string;
  @Field(() => ID) companyId!: string;
  @Field(() => RoleTypeEnum) role!: RoleType;
  @Field(() => ID, { nullable: true }) appointedById?: string | null;
  @Field(() => String, { nullable: true }) source?: string | null;
}

@InputType('FamilyTieInput')
export class FamilyTieInput extends DatedInput {
  @Field(() => ID) personAId!: string;
  @Field(() => ID) personBId!: string;
  @Field(() => FamilyRelationEnum) relation!: FamilyRelation;
  @Field(() => String, { nullable: true }) source?: string | null;
}

@InputType('ControlLinkInput')
export class ControlLinkInput extends DatedInput {
  @Field(() => ID) fromId!: string;
  @Field(() => ID) toId!: string;
  @Field(() => LinkTypeEnum) type!: LinkType;
  @Field(() => String, { nullable: true }) source?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for OTHER_CONTROL.' })
  reason?: string | null;
}

@InputType('GuaranteeInput')
export class GuaranteeInput extends DatedInput {
  @Field(() => ID) guarantorId!: string;
  @Field(() => ID) borrowerId!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String) currency!: string;
}

@InputType('DesignationInput', {
  description: 'R11: an analyst joins an entity to a group or severs a derived link.',
})
export class DesignationInput extends DatedInput {
  @Field(() => DesignationKindEnum) kind!: DesignationKind;
  @Field(() => ID) entityId!: string;
  @Field(() => ID, { description: 'JOIN: a member of the target group; SEVER: the other end.' })
  targetId!: string;
  @Field(() => String) reason!: string;
  @Field(() => String) approvedBy!: string;
}
