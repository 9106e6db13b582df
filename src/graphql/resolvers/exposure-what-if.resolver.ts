import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import {
  simulateFacility,
  type FacilityWhatIfView,
} from '../../services/exposure/facility-what-if';
import {
  simulateRelationship,
  type RelationshipWhatIfView,
} from '../../services/exposure/relationship-what-if';
import type { RequestContext } from '../context';
import { DateScalar } from '../scalars/date.scalar';
import { FacilityProposalInput, RelationshipChangeInput } from '../types/exposure-inputs.type';
import { FacilityWhatIfType, RelationshipWhatIfType } from '../types/exposure-what-if.type';
import { exposureServices } from './exposure-context';

const AS_OF = { nullable: true, description: 'Defaults to today.' } as const;

/** What-ifs are queries: they read the books and the graph and write nothing. */
@Resolver()
export class ExposureWhatIfResolver {
  @Query(() => FacilityWhatIfType, {
    description: 'The affected groups before and after approving a facility; nothing is saved.',
  })
  simulateFacility(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => FacilityProposalInput) input: FacilityProposalInput,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): Promise<FacilityWhatIfView> {
    return simulateFacility(exposureServices(ctx).exposure, input, asOf);
  }

  @Query(() => RelationshipWhatIfType, {
    description:
      'Groups that would merge or split if an edge were added or ended; nothing is saved.',
  })
  simulateRelationship(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RelationshipChangeInput) input: RelationshipChangeInput,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: string | null,
  ): Promise<RelationshipWhatIfView> {
    return simulateRelationship(exposureServices(ctx).exposure, input, asOf);
  }
}
