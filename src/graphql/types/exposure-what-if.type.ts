import { Field, ID, ObjectType } from 'type-graphql';
import type { CheckStatus } from '../../domain/exposure';
import type { GroupEvent } from '../../domain/groups';
import type {
  CheckChangeView,
  FacilityWhatIfView,
  GroupWhatIfView,
} from '../../services/exposure/facility-what-if';
import type {
  FacilityExposureView,
  GroupExposureView,
  LimitCheckView,
} from '../../services/exposure/exposure-views';
import type { RelationshipWhatIfView } from '../../services/exposure/relationship-what-if';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CheckStatusEnum } from './exposure-enums.type';
import { GroupExposureType } from './exposure-result.type';
import { FacilityExposureType, LimitCheckType } from './exposure.type';
import { GroupEventType } from './group.type';

@ObjectType('LimitCheckChange', {
  simpleResolvers: true,
  description: 'A check whose status or value would change.',
})
export class CheckChangeType implements CheckChangeView {
  @Field(() => ID, { nullable: true }) groupId!: string | null;
  @Field(() => String) rule!: string;
  @Field(() => ID, { nullable: true }) subjectId!: string | null;
  @Field(() => LimitCheckType, { nullable: true, description: 'Null: the check is new.' })
  before!: LimitCheckView | null;
  @Field(() => LimitCheckType, { nullable: true, description: 'Null: the check goes away.' })
  after!: LimitCheckView | null;
  @Field(() => Boolean) statusChanged!: boolean;
  @Field(() => DecimalScalar, { description: 'after.value − before.value.' })
  valueChange!: string;
}

@ObjectType('GroupWhatIf', {
  simpleResolvers: true,
  description: 'One affected group, before and after.',
})
export class GroupWhatIfType implements GroupWhatIfView {
  @Field(() => ID, { nullable: true }) groupId!: string | null;
  @Field(() => String) groupName!: string;
  @Field(() => GroupExposureType) before!: GroupExposureView;
  @Field(() => GroupExposureType) after!: GroupExposureView;
  @Field(() => [CheckChangeType]) changes!: CheckChangeView[];
}

@ObjectType('FacilityWhatIf', {
  simpleResolvers: true,
  description: 'A proposed facility, as if approved and fully drawn; nothing is saved.',
})
export class FacilityWhatIfType implements FacilityWhatIfView {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => FacilityExposureType) facility!: FacilityExposureView;
  @Field(() => [GroupWhatIfType], { description: "The borrower's and the guarantor's groups." })
  groups!: GroupWhatIfView[];
  @Field(() => [CheckChangeType]) changes!: CheckChangeView[];
  @Field(() => CheckStatusEnum) worstStatusAfter!: CheckStatus;
  @Field(() => Boolean, { description: 'A check not in breach before would be in breach.' })
  crossesLimit!: boolean;
}

@ObjectType('RelationshipWhatIf', {
  simpleResolvers: true,
  description: 'Groups as they would be with one edge added or ended; nothing is saved.',
})
export class RelationshipWhatIfType implements RelationshipWhatIfView {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => [ID]) touchedIds!: string[];
  @Field(() => Boolean, { description: 'Two or more groups would become one.' }) merges!: boolean;
  @Field(() => Boolean, { description: 'A group would fall apart.' }) splits!: boolean;
  @Field(() => [GroupEventType]) events!: GroupEvent[];
  @Field(() => [GroupExposureType], { description: 'The affected groups as they are.' })
  before!: GroupExposureView[];
  @Field(() => [GroupExposureType], { description: 'The affected groups after the change.' })
  after!: GroupExposureView[];
}
