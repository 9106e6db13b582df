import { Field, ID, InputType } from 'type-graphql';
import type { FamilyRelation, LinkType, Product, RoleType } from '../../domain/model';
import type { FacilityProposal } from '../../services/exposure/facility-what-if';
import type { EdgeKind, RelationshipChange } from '../../services/exposure/relationship-change';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { FamilyRelationEnum, LinkTypeEnum, ProductEnum, RoleTypeEnum } from './enums';
import { RelationshipKindEnum } from './exposure-enums.type';

@InputType('FacilityProposalInput', { description: 'A facility a credit approver considers.' })
export class FacilityProposalInput implements FacilityProposal {
  @Field(() => ID) borrowerId!: string;
  @Field(() => ProductEnum) product!: Product;
  @Field(() => DecimalScalar, { description: 'Approved amount, assumed fully drawn.' })
  amount!: string;
  @Field(() => String) currency!: string;
  @Field(() => Boolean, { defaultValue: true }) committed!: boolean;
  @Field(() => Boolean, { defaultValue: false }) cancellable!: boolean;
  @Field(() => DateScalar, { nullable: true }) maturity?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Cash margin (保证金).' })
  cashMargin?: string | null;
  @Field(() => ID, { nullable: true }) guarantorId?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) guaranteedAmount?: string | null;
}

@InputType('ShareholdingProposalInput')
export class ShareholdingProposalInput {
  @Field(() => ID) holderId!: string;
  @Field(() => ID) companyId!: string;
  @Field(() => DecimalScalar) votingPct!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Defaults to votingPct.' })
  equityPct?: string | null;
}

@InputType('RoleProposalInput')
export class RoleProposalInput {
  @Field(() => ID) holderId!: string;
  @Field(() => ID) companyId!: string;
  @Field(() => RoleTypeEnum) role!: RoleType;
  @Field(() => ID, { nullable: true }) appointedById?: string | null;
}

@InputType('LinkProposalInput')
export class LinkProposalInput {
  @Field(() => ID) fromId!: string;
  @Field(() => ID) toId!: string;
  @Field(() => LinkTypeEnum) type!: LinkType;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType('FamilyTieProposalInput')
export class FamilyTieProposalInput {
  @Field(() => ID) personAId!: string;
  @Field(() => ID) personBId!: string;
  @Field(() => FamilyRelationEnum) relation!: FamilyRelation;
}

@InputType('EndRelationshipInput', { description: 'An existing edge, ended on the what-if date.' })
export class EndRelationshipInput {
  @Field(() => RelationshipKindEnum) kind!: EdgeKind;
  @Field(() => ID) id!: string;
}

@InputType('RelationshipChangeInput', { description: 'Exactly one edge to add or to end.' })
export class RelationshipChangeInput implements RelationshipChange {
  @Field(() => ShareholdingProposalInput, { nullable: true })
  addShareholding?: ShareholdingProposalInput | null;
  @Field(() => RoleProposalInput, { nullable: true }) addRole?: RoleProposalInput | null;
  @Field(() => LinkProposalInput, { nullable: true }) addLink?: LinkProposalInput | null;
  @Field(() => FamilyTieProposalInput, { nullable: true })
  addFamilyTie?: FamilyTieProposalInput | null;
  @Field(() => EndRelationshipInput, { nullable: true }) end?: EndRelationshipInput | null;
}
