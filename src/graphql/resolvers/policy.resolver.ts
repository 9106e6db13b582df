import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Capital } from '../../domain/model';
import { policyOutput, type PolicyOutput } from '../../services/policy/policy-view';
import type { RequestContext } from '../context';
import { DateScalar } from '../scalars/date.scalar';
import { CapitalInput, PolicyInput } from '../types/policy-inputs.type';
import { CapitalType, PolicyType } from '../types/policy.type';
import { exposureServices } from './exposure-context';

@Resolver()
export class PolicyResolver {
  @Query(() => PolicyType, { description: 'The policy in force on asOf (default today).' })
  async policy(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
  ): Promise<PolicyOutput> {
    return policyOutput(await exposureServices(ctx).policy.policyOn(asOf));
  }

  @Mutation(() => PolicyType, {
    description:
      'Records a policy version in force from validFrom: the given fields over the version in ' +
      'force then. A past validFrom needs a note. Audited.',
  })
  async setPolicy(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PolicyInput) input: PolicyInput,
    @Arg('validFrom', () => DateScalar) validFrom: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
  ): Promise<PolicyOutput> {
    const view = await exposureServices(ctx).policy.setPolicy(
      input,
      validFrom,
      ctx.actor,
      note ?? null,
    );
    return policyOutput(view);
  }

  @Mutation(() => CapitalType, {
    description:
      "Records the bank's capital base from a date (replacing that date's row). Audited.",
  })
  recordCapital(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CapitalInput) input: CapitalInput,
  ): Promise<Capital> {
    const { asOf, tier1Capital, netCapital, currency } = input;
    return exposureServices(ctx).policy.recordCapital(
      { asOf, tier1Capital, netCapital, currency },
      ctx.actor,
    );
  }
}
