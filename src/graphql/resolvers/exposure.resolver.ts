import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { CheckStatus } from '../../domain/exposure';
import type { Party } from '../../domain/model';
import type { ClientExposureView, GroupExposureView } from '../../services/exposure/exposure-views';
import { memberCheckPage, type MemberCheckPage } from '../../services/exposure/member-check-page';
import type { LimitAlertView, TopGroupsOrder } from '../../services/exposure/portfolio.service';
import type { GroupView } from '../../services/group-view';
import type { RequestContext } from '../context';
import { DateScalar } from '../scalars/date.scalar';
import { EntityType } from '../types/entity.type';
import { LimitCheckConnection } from '../types/exposure-checks.type';
import { CheckStatusEnum, TopGroupsOrderEnum } from '../types/exposure-enums.type';
import {
  ClientExposureType,
  GroupExposureType,
  LimitAlertType,
} from '../types/exposure-result.type';
import { GroupType } from '../types/group.type';
import { exposureServices } from './exposure-context';

const AS_OF = { nullable: true, description: 'Defaults to today.' } as const;

@Resolver(() => GroupType)
export class GroupExposureResolver {
  @FieldResolver(() => GroupExposureType, {
    description: "This group's members measured on asOf (default: the group's own date).",
  })
  exposure(
    @Root() group: GroupView,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): GroupExposureView | Promise<GroupExposureView> {
    return exposureServices(ctx).exposure.groupExposure(group, asOf);
  }
}

@Resolver(() => GroupExposureType)
export class GroupExposureChecksResolver {
  @FieldResolver(() => LimitCheckConnection, {
    description:
      "Every member's single-client checks, by member id then rule, a page at a time; " +
      'minStatus WARN or BREACH keeps the checks at or above it.',
  })
  memberChecks(
    @Root() exposure: GroupExposureView,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('minStatus', () => CheckStatusEnum, { defaultValue: 'PASS' }) minStatus: CheckStatus,
  ): MemberCheckPage {
    return memberCheckPage(exposure.memberChecks, { first, after: after ?? null, minStatus });
  }
}

@Resolver(() => EntityType)
export class EntityExposureResolver {
  @FieldResolver(() => ClientExposureType, {
    description: 'This entity as a single client: its own exposure and checks.',
  })
  exposure(
    @Root() entity: Party,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): ClientExposureView | Promise<ClientExposureView> {
    return exposureServices(ctx).exposure.entityExposure(entity.id, asOf);
  }
}

@Resolver(() => ClientExposureType)
export class ClientExposureResolver {
  @FieldResolver(() => GroupExposureType, {
    description: "The exposure of the client's group on the same date.",
  })
  group(
    @Root() client: ClientExposureView,
    @Ctx() ctx: RequestContext,
  ): GroupExposureView | Promise<GroupExposureView> {
    const { exposure } = exposureServices(ctx);
    return exposure.groupExposure(exposure.groupOf(client.entityId, client.asOf));
  }
}

@Resolver()
export class PortfolioResolver {
  @Query(() => [GroupExposureType], {
    description: 'Groups whose net exposure is a large exposure (≥ 2.5 % of Tier 1 by default).',
  })
  largeExposures(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
  ): Promise<GroupExposureView[]> {
    return exposureServices(ctx).portfolio.largeExposures(asOf, first);
  }

  @Query(() => [GroupExposureType], { description: 'The largest groups that have facilities.' })
  topGroups(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
    @Arg('by', () => TopGroupsOrderEnum, { defaultValue: 'NET_EXPOSURE' }) by: TopGroupsOrder,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
  ): Promise<GroupExposureView[]> {
    return exposureServices(ctx).portfolio.topGroups(asOf, by, first);
  }

  @Query(() => [LimitAlertType], { description: 'Groups near or over a limit, worst first.' })
  limitAlerts(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
    @Arg('minStatus', () => CheckStatusEnum, { defaultValue: 'WARN' }) minStatus: CheckStatus,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
  ): Promise<LimitAlertView[]> {
    return exposureServices(ctx).portfolio.limitAlerts(asOf, minStatus, first);
  }
}
