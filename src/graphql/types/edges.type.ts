import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import type { FamilyRelation, LinkType, RoleType } from '../../domain/model';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { FamilyRelationEnum, LinkTypeEnum, RoleTypeEnum } from './enums';

@InterfaceType('DatedEdge', {
  description: 'An edge of the dated graph: it holds on validFrom ≤ d < validTo.',
})
export abstract class DatedEdge {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day it holds; null: always.' })
  validFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day it no longer holds (exclusive); null: still holds.',
  })
  validTo!: string | null;
}

@ObjectType('Shareholding', {
  simpleResolvers: true,
  implements: DatedEdge,
  description: 'holder → company: a stake in voting and equity %.',
})
export class ShareholdingType extends DatedEdge {
  holderId!: string;
  companyId!: string;

  @Field(() => DecimalScalar, { description: 'Voting rights, percent (0 < p ≤ 100).' })
  votingPct!: string;

  @Field(() => DecimalScalar, { description: 'Equity (economic) share, percent.' })
  equityPct!: string;

  @Field(() => String, { nullable: true })
  source!: string | null;
}

@ObjectType('Role', {
  simpleResolvers: true,
  implements: DatedEdge,
  description: 'A person or entity holding a position in a company.',
})
export class RoleAssignmentType extends DatedEdge {
  holderId!: string;
  companyId!: string;
  appointedById!: string | null;

  @Field(() => RoleTypeEnum)
  role!: RoleType;

  @Field(() => String, { nullable: true })
  source!: string | null;
}

@ObjectType('FamilyTie', {
  simpleResolvers: true,
  implements: DatedEdge,
  description: 'SPOUSE and SIBLING are symmetric; PARENT_OF: a → b.',
})
export class FamilyTieType extends DatedEdge {
  personAId!: string;
  personBId!: string;

  @Field(() => FamilyRelationEnum)
  relation!: FamilyRelation;

  @Field(() => String, { nullable: true })
  source!: string | null;
}

@ObjectType('ControlLink', {
  simpleResolvers: true,
  implements: DatedEdge,
  description: 'An agreement or dependence between two parties.',
})
export class ControlLinkType extends DatedEdge {
  fromId!: string;
  toId!: string;

  @Field(() => LinkTypeEnum)
  type!: LinkType;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType('Guarantee', {
  simpleResolvers: true,
  implements: DatedEdge,
  description: 'A guarantee between third parties (not our mitigation).',
})
export class GuaranteeType extends DatedEdge {
  guarantorId!: string;
  borrowerId!: string;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field(() => String, { description: 'ISO 4217.' })
  currency!: string;
}
