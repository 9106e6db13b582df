import { Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { RULE_CODES } from '../../domain/control/types';
import { GROUP_EVENT_TYPES } from '../../domain/groups';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { EntityConnection } from './connection.type';
import { EntityType } from './entity.type';

export const ControlRuleEnum = Object.fromEntries(RULE_CODES.map((r) => [r, r]));
registerEnumType(ControlRuleEnum, {
  name: 'ControlRule',
  description:
    'R1 direct majority, R2 indirect majority, R3 pooled control (family / acting in concert), ' +
    'R4 board majority, R5 key executives, R6 consolidation, R7 declared control, ' +
    'R8 financial dependence, R9 family of controllers, R10 private-company identity, ' +
    'R11 manual designation (DESIGN §3).',
});
export const GroupEventTypeEnum = Object.fromEntries(GROUP_EVENT_TYPES.map((t) => [t, t]));
registerEnumType(GroupEventTypeEnum, { name: 'GroupEventType' });

@ObjectType('Evidence', {
  simpleResolvers: true,
  description: 'A source row a control fact rests on.',
})
export class EvidenceType {
  @Field(() => String, { description: 'SHAREHOLDING, ROLE, FAMILY, LINK or DESIGNATION.' })
  kind!: string;
  @Field(() => ID, { description: 'The row id, e.g. the shareholding id.' }) id!: string;
  @Field(() => ID) fromId!: string;
  @Field(() => ID) toId!: string;
  @Field(() => String, { description: 'Role, relation or link type; SHAREHOLDING.' }) type!: string;
  @Field(() => DecimalScalar, { nullable: true }) votingPct!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) equityPct!: string | null;
  @Field(() => DateScalar, { nullable: true }) validFrom!: string | null;
  @Field(() => DateScalar, { nullable: true }) validTo!: string | null;
  @Field(() => String, { nullable: true }) source!: string | null;
}

@InterfaceType('ControlReasoning', {
  description: 'Why one entity controls or is tied to another: the rule and its evidence.',
})
export abstract class ControlReasoning {
  @Field(() => ControlRuleEnum) rule!: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'R2/R3: the pooled percentage that crossed the threshold.',
  })
  pooledPct!: string | null;
  @Field(() => [EvidenceType]) evidence!: EvidenceType[];
  @Field(() => String, { description: 'One sentence a credit committee can read.' })
  description!: string;
  poolIds!: string[];
}

@ObjectType('ControlFact', {
  simpleResolvers: true,
  implements: ControlReasoning,
  description: 'controller controls controlled, by one rule.',
})
export class ControlFactType extends ControlReasoning {
  controllerId!: string;
  controlledId!: string;
  @Field(() => Boolean, { description: 'False for R9/R10/R11 links: they join, nobody controls.' })
  directed!: boolean;
  @Field(() => Boolean, {
    description: 'False when the fact does not join groups (state exemption E1, R11 sever).',
  })
  joinsGroup!: boolean;
}

@ObjectType('ControlStep', {
  simpleResolvers: true,
  implements: ControlReasoning,
  description: 'One step of the chain from a head to a member.',
})
export class ControlStepType extends ControlReasoning {
  fromId!: string;
  toId!: string;
}

@ObjectType('GroupEvent', {
  simpleResolvers: true,
  description: 'A change of a group: merge, split, join, leave…',
})
export class GroupEventType {
  @Field(() => GroupEventTypeEnum) type!: string;
  @Field(() => ID) groupId!: string;
  @Field(() => [ID]) relatedGroupIds!: string[];
  @Field(() => [ID]) entityIds!: string[];
  @Field(() => DateScalar) date!: string;
  @Field(() => String, { nullable: true, description: 'The change that triggered it.' })
  cause!: string | null;
}

@ObjectType('Group', {
  simpleResolvers: true,
  description:
    'A group customer (集团客户): entities under common control, limited and approved as one.',
})
export class GroupType {
  @Field(() => ID, { description: 'Stable while the group lives; the largest survives a merge.' })
  id!: string;
  @Field(() => DateScalar, { description: 'The date this view of the group holds on.' })
  asOf!: string;
  memberIds!: string[];
  headIds!: string[];
}

@ObjectType('GroupConnection', { simpleResolvers: true })
export class GroupConnection {
  @Field(() => [GroupEdge]) edges!: GroupEdge[];
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('GroupSummary', {
  simpleResolvers: true,
  description: "A current group, as listed (today's groups).",
})
export class GroupSummaryType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) memberCount!: number;
  primaryHeadId!: string;
}

@ObjectType('GroupEdge', { simpleResolvers: true })
export class GroupEdge {
  @Field(() => String) cursor!: string;
  @Field(() => GroupSummaryType) node!: GroupSummaryType;
}

@ObjectType('UltimateOwner', {
  simpleResolvers: true,
  description: 'Integrated (look-through) ownership of a holder.',
})
export class UltimateOwnerType {
  holderId!: string;
  @Field(() => DecimalScalar, { description: 'Percent of the equity, over every holding path.' })
  pct!: string;
  @Field(() => Boolean, { description: 'Also holds a direct stake.' }) direct!: boolean;
  @Field(() => Int, { description: 'Number of distinct holding paths.' }) paths!: number;
}

@ObjectType('GuaranteeCircle', {
  simpleResolvers: true,
  description: 'Entities guaranteeing each other in a cycle.',
})
export class GuaranteeCircleType {
  memberIds!: string[];
  @Field(() => [ID]) guaranteeIds!: string[];
}

export { EntityConnection, EntityType };
