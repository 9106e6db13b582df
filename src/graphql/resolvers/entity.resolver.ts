import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  InputType,
  Int,
  Field,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { EntityKind, Party } from '../../domain/model';
import type { RequestContext } from '../context';
import { DateScalar } from '../scalars/date.scalar';
import { EntityConnection } from '../types/connection.type';
import {
  ControlLinkType,
  FamilyTieType,
  GuaranteeType,
  RoleAssignmentType,
  ShareholdingType,
} from '../types/edges.type';
import { EntityType } from '../types/entity.type';
import { EntityKindEnum } from '../types/enums';
import { FacilityType } from '../types/facility.type';
import { encodeCursor } from '../../services/paging';

@InputType('EntityFilter')
class EntityFilter {
  @Field(() => EntityKindEnum, { nullable: true }) kind?: EntityKind;
  @Field(() => String, { nullable: true }) nameContains?: string;
  @Field(() => Boolean, { nullable: true }) customer?: boolean;
  @Field(() => String, { nullable: true }) portfolio?: string;
}

const AS_OF = {
  nullable: true,
  description: 'Only rows valid on this date; omitted: every row, past and present.',
} as const;

@Resolver(() => EntityType)
export class EntityResolver {
  @Query(() => EntityType, { description: 'One entity by its id; NOT_FOUND if unknown.' })
  entity(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Party> {
    return ctx.reads.party(id);
  }

  @Query(() => EntityConnection, { description: 'Entities ordered by id, a page at a time.' })
  async entities(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => EntityFilter, { nullable: true }) filter: EntityFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<EntityConnection> {
    const page = await ctx.reads.listParties(filter ?? {}, first, after ?? null);
    return {
      edges: page.nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @FieldResolver(() => [ShareholdingType], { description: 'Who holds stakes in this company.' })
  shareholders(
    @Root() e: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ) {
    return ctx.loaders.shareholders.load({ id: e.id, asOf: asOf ?? null });
  }

  @FieldResolver(() => [ShareholdingType], { description: 'Stakes this entity holds.' })
  holdings(
    @Root() e: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ) {
    return ctx.loaders.holdings.load({ id: e.id, asOf: asOf ?? null });
  }

  @FieldResolver(() => [RoleAssignmentType], {
    description: "Positions in this company's board and management.",
  })
  officers(
    @Root() e: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ) {
    return ctx.loaders.officers.load({ id: e.id, asOf: asOf ?? null });
  }

  @FieldResolver(() => [RoleAssignmentType], {
    description: 'Positions this entity holds elsewhere.',
  })
  roles(
    @Root() e: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ) {
    return ctx.loaders.positions.load({ id: e.id, asOf: asOf ?? null });
  }

  @FieldResolver(() => [FamilyTieType])
  familyTies(
    @Root() e: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ) {
    return ctx.loaders.familyTies.load({ id: e.id, asOf: asOf ?? null });
  }

  @FieldResolver(() => [ControlLinkType], { description: 'Links from or to this entity.' })
  links(
    @Root() e: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ) {
    return ctx.loaders.links.load({ id: e.id, asOf: asOf ?? null });
  }

  @FieldResolver(() => [GuaranteeType], { description: 'Guarantees given or received.' })
  guarantees(
    @Root() e: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ) {
    return ctx.loaders.guarantees.load({ id: e.id, asOf: asOf ?? null });
  }

  @FieldResolver(() => [FacilityType], { description: 'Credit facilities with this borrower.' })
  facilities(@Root() e: Party, @Ctx() ctx: RequestContext) {
    return ctx.loaders.facilities.load({ id: e.id, asOf: null });
  }
}
