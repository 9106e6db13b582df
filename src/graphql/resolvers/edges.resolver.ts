import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type {
  ControlLink,
  Facility,
  FamilyTie,
  Guarantee,
  Role,
  Shareholding,
} from '../../domain/model';
import type { RequestContext } from '../context';
import {
  ControlLinkType,
  FamilyTieType,
  GuaranteeType,
  RoleAssignmentType,
  ShareholdingType,
} from '../types/edges.type';
import { EntityType } from '../types/entity.type';
import { FacilityType } from '../types/facility.type';

/** Ends of every edge, resolved through the request's entity loader (one query per request). */
const entity = (ctx: RequestContext, id: string) => ctx.loaders.entity.load(id);
const optionalEntity = (ctx: RequestContext, id: string | null) =>
  id === null ? null : ctx.loaders.entity.load(id);

@Resolver(() => ShareholdingType)
export class ShareholdingResolver {
  @FieldResolver(() => EntityType) holder(@Root() s: Shareholding, @Ctx() ctx: RequestContext) {
    return entity(ctx, s.holderId);
  }
  @FieldResolver(() => EntityType) company(@Root() s: Shareholding, @Ctx() ctx: RequestContext) {
    return entity(ctx, s.companyId);
  }
}

@Resolver(() => RoleAssignmentType)
export class RoleResolver {
  @FieldResolver(() => EntityType) holder(@Root() r: Role, @Ctx() ctx: RequestContext) {
    return entity(ctx, r.holderId);
  }
  @FieldResolver(() => EntityType) company(@Root() r: Role, @Ctx() ctx: RequestContext) {
    return entity(ctx, r.companyId);
  }
  @FieldResolver(() => EntityType, {
    nullable: true,
    description: 'The party that appointed or exclusively nominated the holder.',
  })
  appointedBy(@Root() r: Role, @Ctx() ctx: RequestContext) {
    return optionalEntity(ctx, r.appointedById);
  }
}

@Resolver(() => FamilyTieType)
export class FamilyTieResolver {
  @FieldResolver(() => EntityType) personA(@Root() f: FamilyTie, @Ctx() ctx: RequestContext) {
    return entity(ctx, f.personAId);
  }
  @FieldResolver(() => EntityType) personB(@Root() f: FamilyTie, @Ctx() ctx: RequestContext) {
    return entity(ctx, f.personBId);
  }
}

@Resolver(() => ControlLinkType)
export class ControlLinkResolver {
  @FieldResolver(() => EntityType) from(@Root() l: ControlLink, @Ctx() ctx: RequestContext) {
    return entity(ctx, l.fromId);
  }
  @FieldResolver(() => EntityType) to(@Root() l: ControlLink, @Ctx() ctx: RequestContext) {
    return entity(ctx, l.toId);
  }
}

@Resolver(() => GuaranteeType)
export class GuaranteeResolver {
  @FieldResolver(() => EntityType) guarantor(@Root() g: Guarantee, @Ctx() ctx: RequestContext) {
    return entity(ctx, g.guarantorId);
  }
  @FieldResolver(() => EntityType) borrower(@Root() g: Guarantee, @Ctx() ctx: RequestContext) {
    return entity(ctx, g.borrowerId);
  }
}

@Resolver(() => FacilityType)
export class FacilityResolver {
  @FieldResolver(() => EntityType) borrower(@Root() f: Facility, @Ctx() ctx: RequestContext) {
    return entity(ctx, f.borrowerId);
  }
  @FieldResolver(() => EntityType, { nullable: true, description: 'Third-party guarantor (CRM).' })
  guarantor(@Root() f: Facility, @Ctx() ctx: RequestContext) {
    return optionalEntity(ctx, f.guarantorId);
  }
}
