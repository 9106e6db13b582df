import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import {
  ControlLinkResolver,
  FacilityResolver,
  FamilyTieResolver,
  GuaranteeResolver,
  RoleResolver,
  ShareholdingResolver,
} from './resolvers/edges.resolver';
import { EntityResolver } from './resolvers/entity.resolver';
import {
  ControlFactResolver,
  ControlStepResolver,
  EntityControlResolver,
  GuaranteeCircleResolver,
  UltimateOwnerResolver,
} from './resolvers/control.resolver';
import { GroupResolver } from './resolvers/group.resolver';
import { GraphWriteResolver } from './resolvers/graph-write.resolver';
import {
  ClientExposureResolver,
  EntityExposureResolver,
  GroupExposureChecksResolver,
  GroupExposureResolver,
  PortfolioResolver,
} from './resolvers/exposure.resolver';
import { GroupLimitResolver } from './resolvers/exposure-limits.resolver';
import { ExposureWhatIfResolver } from './resolvers/exposure-what-if.resolver';
import { PolicyResolver } from './resolvers/policy.resolver';

export const RESOLVERS = [
  EntityResolver,
  ShareholdingResolver,
  RoleResolver,
  FamilyTieResolver,
  ControlLinkResolver,
  GuaranteeResolver,
  FacilityResolver,
  GroupResolver,
  EntityControlResolver,
  ControlFactResolver,
  ControlStepResolver,
  UltimateOwnerResolver,
  GuaranteeCircleResolver,
  GraphWriteResolver,
  GroupExposureResolver,
  GroupExposureChecksResolver,
  EntityExposureResolver,
  ClientExposureResolver,
  PortfolioResolver,
  ExposureWhatIfResolver,
  GroupLimitResolver,
  PolicyResolver,
] as const;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    // Scalars are named on every field; nothing is inferred from reflected types.
    validate: false,
  });
}

/** The SDL as checked in at schema/schema.graphql. */
export async function printSdl(): Promise<string> {
  return `${printSchema(await createSchema())}\n`;
}
