import {
  Arg,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  FieldResolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import type { Party } from '../../domain/model';
import { EDGE_KINDS, type EdgeKind } from '../../services/graph-write/edge-kinds';
import type { WriteResult } from '../../services/graph-write/graph-write.service';
import type { GroupView } from '../../services/group-view';
import type { RequestContext } from '../context';
import {
  ControlLinkInput,
  DesignationInput,
  EntityInput,
  FamilyTieInput,
  GuaranteeInput,
  RoleInput,
  ShareholdingInput,
} from '../inputs/graph.inputs';
import { DateScalar } from '../scalars/date.scalar';
import { GroupEventType, GroupType } from '../types/group.type';

const EdgeKindEnum = Object.fromEntries(EDGE_KINDS.map((k) => [k, k]));
registerEnumType(EdgeKindEnum, { name: 'EdgeKind' });

@ObjectType('WriteResult', { description: 'What a steward write did, groups included.' })
export class WriteResultType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The row version now; pass it as expectedVersion next time.' })
  version!: number;
  @Field(() => [GroupEventType], { description: 'Merges, splits, joins, leaves it caused.' })
  events!: WriteResult['events'];
  groupIds!: string[];
}

const EXPECTED_VERSION = {
  nullable: true,
  description: 'Optimistic lock: the version you read; CONFLICT if it changed since.',
} as const;

/** Steward writes. Each is validated, audited and transactional; groups follow at once. */
@Resolver(() => WriteResultType)
export class GraphWriteResolver {
  @FieldResolver(() => [GroupType], { description: "Today's groups of the touched entities." })
  groups(@Root() r: WriteResult, @Ctx() ctx: RequestContext): GroupView[] {
    return r.groupIds.map((id) => ctx.groupQueries.group(id)).filter((g): g is GroupView => !!g);
  }

  @Mutation(() => WriteResultType, { description: 'Create or update an entity.' })
  saveEntity(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => EntityInput) input: EntityInput,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    const party: Party = {
      id: input.id,
      kind: input.kind,
      name: input.name,
      ownership: input.ownership ?? null,
      country: input.country ?? null,
      uscc: input.uscc ?? null,
      lei: input.lei ?? null,
      industry: input.industry ?? null,
      boardSeats: input.boardSeats ?? null,
      customer: input.customer,
      portfolio: input.portfolio ?? null,
    };
    return ctx.writes.putEntity(party, expectedVersion ?? null);
  }

  @Mutation(() => WriteResultType, { description: 'Create or update a shareholding.' })
  saveShareholding(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ShareholdingInput) input: ShareholdingInput,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    const record = {
      ...dated(input),
      holderId: input.holderId,
      companyId: input.companyId,
      votingPct: input.votingPct,
      equityPct: input.equityPct ?? input.votingPct,
      source: input.source ?? null,
    };
    return ctx.writes.putEdge('SHAREHOLDING', record, expectedVersion ?? null);
  }

  @Mutation(() => WriteResultType, { description: 'Create or update a role (board, management).' })
  saveRole(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RoleInput) input: RoleInput,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    const record = {
      ...dated(input),
      holderId: input.holderId,
      companyId: input.companyId,
      role: input.role,
      appointedById: input.appointedById ?? null,
      source: input.source ?? null,
    };
    return ctx.writes.putEdge('ROLE', record, expectedVersion ?? null);
  }

  @Mutation(() => WriteResultType, { description: 'Create or update a family tie.' })
  saveFamilyTie(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => FamilyTieInput) input: FamilyTieInput,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    const record = {
      ...dated(input),
      personAId: input.personAId,
      personBId: input.personBId,
      relation: input.relation,
      source: input.source ?? null,
    };
    return ctx.writes.putEdge('FAMILY_TIE', record, expectedVersion ?? null);
  }

  @Mutation(() => WriteResultType, { description: 'Create or update an agreement or link.' })
  saveControlLink(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ControlLinkInput) input: ControlLinkInput,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    const record = {
      ...dated(input),
      fromId: input.fromId,
      toId: input.toId,
      type: input.type,
      source: input.source ?? null,
      reason: input.reason ?? null,
    };
    return ctx.writes.putEdge('CONTROL_LINK', record, expectedVersion ?? null);
  }

  @Mutation(() => WriteResultType, { description: 'Create or update a third-party guarantee.' })
  saveGuarantee(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => GuaranteeInput) input: GuaranteeInput,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    const record = {
      ...dated(input),
      guarantorId: input.guarantorId,
      borrowerId: input.borrowerId,
      amount: input.amount,
      currency: input.currency,
    };
    return ctx.writes.putEdge('GUARANTEE', record, expectedVersion ?? null);
  }

  @Mutation(() => WriteResultType, { description: 'R11: record an analyst designation.' })
  saveDesignation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DesignationInput) input: DesignationInput,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    const record = {
      ...dated(input),
      kind: input.kind,
      entityId: input.entityId,
      targetId: input.targetId,
      reason: input.reason,
      approvedBy: input.approvedBy,
    };
    return ctx.writes.putEdge('DESIGNATION', record, expectedVersion ?? null);
  }

  @Mutation(() => WriteResultType, {
    description: 'End an edge: it no longer holds from validTo (exclusive). History is kept.',
  })
  endEdge(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => EdgeKindEnum) kind: EdgeKind,
    @Arg('id', () => ID) id: string,
    @Arg('validTo', () => DateScalar) validTo: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    return ctx.writes.endEdge(kind, id, validTo, expectedVersion ?? null);
  }
}

function dated(input: { id: string; validFrom?: string | null; validTo?: string | null }) {
  return { id: input.id, validFrom: input.validFrom ?? null, validTo: input.validTo ?? null };
}
