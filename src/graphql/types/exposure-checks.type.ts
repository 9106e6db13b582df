import { Field, Int, ObjectType } from 'type-graphql';
import type { LimitCheckView } from '../../services/exposure/exposure-views';
import type { MemberCheckPage } from '../../services/exposure/member-check-page';
import { PageInfo } from './connection.type';
import { LimitCheckType } from './exposure.type';

@ObjectType('LimitCheckEdge', { simpleResolvers: true })
export class LimitCheckEdge {
  @Field(() => String) cursor!: string;
  @Field(() => LimitCheckType) node!: LimitCheckView;
}

@ObjectType('LimitCheckConnection', {
  simpleResolvers: true,
  description: "A page of a group's member checks, by member id then rule.",
})
export class LimitCheckConnection implements MemberCheckPage {
  @Field(() => [LimitCheckEdge]) edges!: LimitCheckEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Checks matching the filter, over every page.' })
  totalCount!: number;
}
