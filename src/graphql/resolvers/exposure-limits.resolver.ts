import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GroupLimitView } from '../../services/exposure/group-limit.service';
import type { RequestContext } from '../context';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { GroupLimitType, SubLimitInput } from '../types/exposure-limits.type';
import { exposureServices } from './exposure-context';

@Resolver()
export class GroupLimitResolver {
  @Mutation(() => GroupLimitType, {
    description:
      "Sets the unified limit of memberId's group from validFrom; the limit in force then ends " +
      'and its sub-limits carry over (they must fit the new limit). Audited.',
  })
  setGroupLimit(
    @Ctx() ctx: RequestContext,
    @Arg('memberId', () => ID) memberId: string,
    @Arg('limit', () => DecimalScalar) limit: string,
    @Arg('currency', () => String) currency: string,
    @Arg('validFrom', () => DateScalar) validFrom: string,
  ): Promise<GroupLimitView> {
    return exposureServices(ctx).limits.setGroupLimit(
      { memberId, limit, currency, validFrom },
      ctx.actor,
    );
  }

  @Mutation(() => GroupLimitType, {
    description:
      'Replaces the member sub-limits of the group limit in force on asOf (default today) for ' +
      "groupMemberId's group. Each, and their sum, must fit the group limit. Audited.",
  })
  setSubLimits(
    @Ctx() ctx: RequestContext,
    @Arg('groupMemberId', () => ID) groupMemberId: string,
    @Arg('subLimits', () => [SubLimitInput]) subLimits: SubLimitInput[],
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
  ): Promise<GroupLimitView> {
    return exposureServices(ctx).limits.setSubLimits(
      groupMemberId,
      subLimits.map(({ memberId, limit, currency }) => ({ memberId, limit, currency })),
      asOf ?? null,
      ctx.actor,
    );
  }
}
