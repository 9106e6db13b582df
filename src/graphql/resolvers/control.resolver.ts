import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { compactGraph } from '../../domain/control/compact-graph';
import { guaranteeCircles } from '../../domain/control/guarantee-circles';
import type { ControlFact, ControlStep, GuaranteeCircle } from '../../domain/control/types';
import type { Party } from '../../domain/model';
import type { IntegratedStake } from '../../domain/ownership';
import type { GroupView } from '../../services/group-view';
import type { RequestContext } from '../context';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { EntityType } from '../types/entity.type';
import {
  ControlFactType,
  ControlStepType,
  GroupEventType,
  GroupType,
  GuaranteeCircleType,
  UltimateOwnerType,
} from '../types/group.type';

const AS_OF = { nullable: true, description: 'Defaults to today.' } as const;
const entities = async (ctx: RequestContext, ids: string[]): Promise<Party[]> =>
  (await ctx.loaders.entity.loadMany(ids)).filter(
    (p): p is Party => p !== null && !(p instanceof Error),
  );

@Resolver(() => EntityType)
export class EntityControlResolver {
  @FieldResolver(() => GroupType, { description: 'The group this entity is in on a date.' })
  group(
    @Root() e: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): GroupView {
    return ctx.groupQueries.groupOf(e.id, asOf);
  }

  @FieldResolver(() => [ControlFactType], { description: 'Who controls this entity, and why.' })
  controllers(
    @Root() e: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): ControlFact[] {
    return ctx.groupQueries.controlFactsOf(e.id, 'controllers', asOf);
  }

  @FieldResolver(() => [ControlFactType], { description: 'What this entity controls, and why.' })
  controlled(
    @Root() e: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): ControlFact[] {
    return ctx.groupQueries.controlFactsOf(e.id, 'controlled', asOf);
  }

  @FieldResolver(() => [UltimateOwnerType], {
    description:
      'Beneficial owners by integrated (look-through) equity ownership, at or above minPercent.',
  })
  ultimateOwners(
    @Root() e: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
    @Arg('minPercent', () => DecimalScalar, { defaultValue: '25' }) minPercent: string,
  ): IntegratedStake[] {
    return ctx.groupQueries.ultimateOwners(e.id, asOf, minPercent);
  }
}

@Resolver(() => ControlFactType)
export class ControlFactResolver {
  @FieldResolver(() => EntityType) controller(@Root() f: ControlFact, @Ctx() ctx: RequestContext) {
    return ctx.loaders.entity.load(f.controllerId);
  }
  @FieldResolver(() => EntityType) controlled(@Root() f: ControlFact, @Ctx() ctx: RequestContext) {
    return ctx.loaders.entity.load(f.controlledId);
  }
  @FieldResolver(() => [EntityType], { description: 'R3 pool members; R2/R4/R5 intermediaries.' })
  pool(@Root() f: ControlFact, @Ctx() ctx: RequestContext) {
    return entities(ctx, f.poolIds);
  }
}

@Resolver(() => ControlStepType)
export class ControlStepResolver {
  @FieldResolver(() => EntityType) from(@Root() s: ControlStep, @Ctx() ctx: RequestContext) {
    return ctx.loaders.entity.load(s.fromId);
  }
  @FieldResolver(() => EntityType) to(@Root() s: ControlStep, @Ctx() ctx: RequestContext) {
    return ctx.loaders.entity.load(s.toId);
  }
  @FieldResolver(() => [EntityType], { description: 'R3 pool members; R2/R4/R5 intermediaries.' })
  pool(@Root() s: ControlStep, @Ctx() ctx: RequestContext) {
    return entities(ctx, s.poolIds);
  }
}

@Resolver(() => UltimateOwnerType)
export class UltimateOwnerResolver {
  @FieldResolver(() => EntityType) holder(@Root() o: IntegratedStake, @Ctx() ctx: RequestContext) {
    return ctx.loaders.entity.load(o.holderId);
  }
}

@Resolver(() => GuaranteeCircleType)
export class GuaranteeCircleResolver {
  @Query(() => [GuaranteeCircleType], {
    description: 'Guarantee circles (担保圈) on a date: a risk flag, never a group link.',
  })
  guaranteeCircles(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): GuaranteeCircle[] {
    const graph = ctx.app.groups.store.guaranteeGraph();
    return guaranteeCircles(compactGraph(graph, ctx.groupQueries.resolveDate(asOf)));
  }

  @FieldResolver(() => [EntityType]) members(
    @Root() c: GuaranteeCircle,
    @Ctx() ctx: RequestContext,
  ) {
    return entities(ctx, c.memberIds);
  }

  @Query(() => [GroupEventType], { description: 'Group changes recorded on or after a date.' })
  groupEvents(
    @Ctx() ctx: RequestContext,
    @Arg('since', () => DateScalar, { nullable: true }) since: string | null,
  ) {
    return ctx.groupQueries.events(null, since ?? null);
  }
}
