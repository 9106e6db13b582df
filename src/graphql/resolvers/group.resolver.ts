import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import type { GroupChart } from '../../domain/chart/types';
import type { ControlFact, ControlStep } from '../../domain/control/types';
import type { Party } from '../../domain/model';
import {
  groupCursor,
  type GroupListOrder,
} from '../../persistence/repositories/group-read.repository';
import type { GroupView } from '../../services/group-view';
import type { RequestContext } from '../context';
import { DateScalar } from '../scalars/date.scalar';
import { EntityConnection } from '../types/connection.type';
import { EntityType } from '../types/entity.type';
import {
  ControlFactType,
  ControlStepType,
  GroupConnection,
  GroupEventType,
  GroupType,
} from '../types/group.type';
import { GroupStructureType } from '../types/group-structure.type';
import { checkedPageSize, pageOfIds } from '../../services/paging';

const GroupOrderEnum = { MEMBER_COUNT: 'MEMBER_COUNT', NAME: 'NAME', ID: 'ID' } as const;
registerEnumType(GroupOrderEnum, { name: 'GroupOrder' });

const AS_OF = { nullable: true, description: 'Defaults to today.' } as const;

@Resolver(() => GroupType)
export class GroupResolver {
  @Query(() => GroupType, {
    description:
      'The group an entity is in on a date; an entity linked to nobody is a group of one.',
  })
  groupOf(
    @Ctx() ctx: RequestContext,
    @Arg('entityId', () => ID) entityId: string,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): GroupView {
    return ctx.groupQueries.groupOf(entityId, asOf);
  }

  @Query(() => GroupType, { nullable: true, description: 'A current group by id, on a date.' })
  group(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): GroupView | null {
    return ctx.groupQueries.group(id, asOf);
  }

  @Query(() => GroupConnection, { description: "Today's groups, a page at a time." })
  async groups(
    @Ctx() ctx: RequestContext,
    @Arg('minMembers', () => Int, { defaultValue: 2 }) minMembers: number,
    @Arg('nameContains', () => String, { nullable: true }) nameContains: string | null,
    @Arg('orderBy', () => GroupOrderEnum, { defaultValue: 'MEMBER_COUNT' }) orderBy: GroupListOrder,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<GroupConnection> {
    const page = await ctx.groupQueries.listGroups({
      minMembers,
      nameContains: nameContains ?? null,
      orderBy,
      first: checkedPageSize(first),
      after: after ?? null,
    });
    const edges = page.rows.map((node) => ({ cursor: groupCursor(orderBy, node), node }));
    return {
      edges,
      hasNextPage: page.hasNextPage,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    };
  }

  @FieldResolver(() => String, { description: "The primary head's name." })
  async name(@Root() g: GroupView, @Ctx() ctx: RequestContext): Promise<string> {
    return (await ctx.loaders.entity.load(g.headIds[0]))?.name ?? g.id;
  }

  @FieldResolver(() => [EntityType], {
    description: 'Members nobody outside their own control cycle controls; primary head first.',
  })
  async heads(@Root() g: GroupView, @Ctx() ctx: RequestContext): Promise<Party[]> {
    return present(await ctx.loaders.entity.loadMany(g.headIds));
  }

  @FieldResolver(() => Int)
  memberCount(@Root() g: GroupView): number {
    return g.memberIds.length;
  }

  @FieldResolver(() => EntityConnection, { description: 'Members ordered by id.' })
  async members(
    @Root() g: GroupView,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<EntityConnection> {
    const page = pageOfIds(g.memberIds, checkedPageSize(first), after ?? null);
    const nodes = present(await ctx.loaders.entity.loadMany(page.ids));
    return {
      edges: nodes.map((node, i) => ({ cursor: page.cursors[i], node })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    };
  }

  @FieldResolver(() => [ControlFactType], {
    description: 'Every control fact among the members on this date, with its evidence.',
  })
  controlFacts(@Root() g: GroupView, @Ctx() ctx: RequestContext): ControlFact[] {
    return ctx.groupQueries.controlFacts(g);
  }

  @FieldResolver(() => [ControlStepType], {
    description: 'Why an entity is in this group: the chain from a head to it, step by step.',
  })
  explain(
    @Root() g: GroupView,
    @Ctx() ctx: RequestContext,
    @Arg('entityId', () => ID) entityId: string,
  ): ControlStep[] {
    return ctx.groupQueries.explain(g, entityId);
  }

  @FieldResolver(() => GroupStructureType, {
    description:
      "The structure chart on this view's date: members, the outside parties their facts name, " +
      'control facts with evidence, and a deterministic layered layout to draw.',
  })
  structure(@Root() g: GroupView, @Ctx() ctx: RequestContext): GroupChart {
    return ctx.groupQueries.structure(g);
  }

  @FieldResolver(() => String, {
    description: 'The same structure chart as GEXF 1.3 (Gephi and other graph tools).',
  })
  structureGexf(@Root() g: GroupView, @Ctx() ctx: RequestContext): string {
    return ctx.groupQueries.structureGexf(g);
  }

  @FieldResolver(() => [GroupEventType], { description: 'Merges, splits, joins and leaves.' })
  events(@Root() g: GroupView, @Ctx() ctx: RequestContext) {
    return ctx.groupQueries.events(g.id, null);
  }
}

function present<T>(values: (T | Error | null)[]): T[] {
  return values.filter((v): v is T => v !== null && !(v instanceof Error));
}
