import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { SubLimit } from '../../domain/exposure';
import type { GroupLimitView } from '../../services/exposure/group-limit.service';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';

@ObjectType('SubLimit', {
  simpleResolvers: true,
  description: "A member's share of the unified group limit.",
})
export class SubLimitType implements SubLimit {
  @Field(() => ID) memberId!: string;
  @Field(() => DecimalScalar) limit!: string;
  @Field(() => String) currency!: string;
}

@ObjectType('GroupLimit', {
  simpleResolvers: true,
  description: 'A unified group limit (集团统一授信) and its sub-limits.',
})
export class GroupLimitType implements GroupLimitView {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The member the limit row names.' }) memberId!: string;
  @Field(() => ID, { description: 'The group it governs on the date asked.' }) groupId!: string;
  @Field(() => DecimalScalar) limit!: string;
  @Field(() => String) currency!: string;
  @Field(() => DateScalar, { nullable: true }) validFrom!: string | null;
  @Field(() => DateScalar, { nullable: true }) validTo!: string | null;
  @Field(() => [SubLimitType]) subLimits!: SubLimit[];
}

@InputType('SubLimitInput')
export class SubLimitInput implements SubLimit {
  @Field(() => ID) memberId!: string;
  @Field(() => DecimalScalar) limit!: string;
  @Field(() => String) currency!: string;
}
