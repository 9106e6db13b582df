import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import type { CheckStatus } from '../../domain/exposure';
import type {
  ClientExposureView,
  FacilityExposureView,
  GroupExposureView,
  LimitCheckView,
  MemberExposureView,
  SubstitutionView,
} from '../../services/exposure/exposure-views';
import type { LimitAlertView } from '../../services/exposure/portfolio.service';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CheckStatusEnum } from './exposure-enums.type';
import {
  ExposureFigures,
  FacilityExposureType,
  LimitCheckType,
  MemberExposureType,
  SubstitutionType,
} from './exposure.type';

@InterfaceType('DatedExposure', {
  implements: ExposureFigures,
  description: 'Exposure measured on a date against the capital base and the limit checks.',
})
export abstract class DatedExposure extends ExposureFigures {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => String, { description: 'The reporting currency of every amount.' })
  currency!: string;
  @Field(() => DateScalar, { description: 'The capital row used (latest on or before asOf).' })
  capitalAsOf!: string;
  @Field(() => DecimalScalar) tier1Capital!: string;
  @Field(() => DecimalScalar) netCapital!: string;
  @Field(() => Boolean, {
    description: 'Net exposure at or above the policy threshold of Tier 1 (default 2.5 %).',
  })
  isLargeExposure!: boolean;
  @Field(() => CheckStatusEnum) worstStatus!: CheckStatus;
  @Field(() => [LimitCheckType], {
    description:
      "A client's single-client checks, in policy order. A group's own concentration checks " +
      "(policy order), then its members' single-client checks whose status is not PASS, worst " +
      'first: BREACH before WARN, then the highest utilisation of the limit first. A PASS ' +
      "member check is not listed in a group's checks; GroupExposure.memberChecks lists " +
      'every member check, a page at a time.',
  })
  checks!: LimitCheckView[];
  @Field(() => [SubstitutionType], { description: 'Exposure moved onto it as guarantor.' })
  substitutionsIn!: SubstitutionView[];
}

@ObjectType('GroupExposure', {
  simpleResolvers: true,
  implements: [ExposureFigures, DatedExposure],
  description:
    "A group customer's exposure on a date: member totals, the unified group limit and the " +
    'concentration checks (the group checks and any member check that is not PASS; ' +
    'memberChecks pages through every member check).',
})
export class GroupExposureType extends DatedExposure implements GroupExposureView {
  memberChecks!: LimitCheckView[];
  @Field(() => ID, { nullable: true }) groupId!: string | null;
  @Field(() => String, { description: "The primary head's name." }) groupName!: string;
  @Field(() => [ID]) memberIds!: string[];
  @Field(() => [ID]) headIds!: string[];
  @Field(() => ID, { nullable: true }) groupLimitId!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'The unified group limit.' })
  groupLimit!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Group limit less net exposure.' })
  headroom!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Net exposure, % of the limit.' })
  utilisation!: string | null;
  @Field(() => [String], { description: 'Sub-limits that no longer fit the group limit.' })
  subLimitProblems!: string[];
  @Field(() => [MemberExposureType]) members!: MemberExposureView[];
  @Field(() => [FacilityExposureType], { description: 'Facilities borrowed by members.' })
  facilities!: FacilityExposureView[];
}

@ObjectType('ClientExposure', {
  simpleResolvers: true,
  implements: [ExposureFigures, DatedExposure],
  description: "One client's own exposure (单一客户) and its single-client checks.",
})
export class ClientExposureType extends DatedExposure implements ClientExposureView {
  @Field(() => ID) entityId!: string;
  @Field(() => String) name!: string;
  @Field(() => [FacilityExposureType], { description: 'Facilities it borrows under.' })
  facilities!: FacilityExposureView[];
}

@ObjectType('LimitAlert', {
  simpleResolvers: true,
  description: 'A group with checks at or above a status.',
})
export class LimitAlertType implements LimitAlertView {
  @Field(() => GroupExposureType) group!: GroupExposureView;
  @Field(() => [LimitCheckType], { description: 'Its checks at or above the status, worst first.' })
  checks!: LimitCheckView[];
  @Field(() => CheckStatusEnum) worstStatus!: CheckStatus;
}
