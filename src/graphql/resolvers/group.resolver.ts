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
import { partiesOf } from '../loaders';
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
import { checkedPageSize, encodeCursor, pageOfIds } from '../../services/paging';

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
  name(@Root() g: GroupView, @Ctx() ctx: RequestContext): string | Promise<string> {
    const nameOf = (heads: Party[]) => heads[0]?.name ?? g.id;
    const heads = partiesOf(ctx.loaders, g.headIds.slice(0, 1));
    return Array.isArray(heads) ? nameOf(heads) : heads.then(nameOf);
  }

  @FieldResolver(() => [EntityType], {
    description: 'Members nobody outside their own control cycle controls; primary head first.',
  })
  heads(@Root() g: GroupView, @Ctx() ctx: RequestContext): Party[] | Promise<Party[]> {
    return partiesOf(ctx.loaders, g.headIds);
  }

  @FieldResolver(() => Int)
  memberCount(@Root() g: GroupView): number {
    return g.memberIds.length;
  }

  @FieldResolver(() => EntityConnection, { description: 'Members ordered by id.' })
  members(
    @Root() g: GroupView,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): EntityConnection | Promise<EntityConnection> {
    const page = pageOfIds(g.memberIds, checkedPageSize(first), after ?? null);
    const connection = (nodes: Party[]): EntityConnection => ({
      // Each cursor is encoded only if the query asks for it.
      edges: nodes.map((node) => ({
        node,
        get cursor() {
          return encodeCursor(node.id);
        },
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    });
    const nodes = partiesOf(ctx.loaders, page.ids);
    return Array.isArray(nodes) ? connection(nodes) : nodes.then(connection);
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
