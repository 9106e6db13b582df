import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CHART_EDGE_KINDS, CHART_NODE_ROLES } from '../../domain/chart/types';
import type { ChartEdgeKind, ChartNodeRole } from '../../domain/chart/types';
import type { RuleCode } from '../../domain/control/types';
import type { EntityKind } from '../../domain/model';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { EntityKindEnum } from './enums';
import { ControlRuleEnum, EvidenceType } from './group.type';

const StructureNodeRoleEnum = Object.fromEntries(CHART_NODE_ROLES.map((r) => [r, r]));
registerEnumType(StructureNodeRoleEnum, {
  name: 'StructureNodeRole',
  description:
    'HEAD and MEMBER are in the group; OUTSIDE is no member but is named by a fact or its ' +
    'evidence: a state owner (E1), a director an R4 fact counts, a relative an R9 chain passes.',
});
const StructureEdgeKindEnum = Object.fromEntries(CHART_EDGE_KINDS.map((k) => [k, k]));
registerEnumType(StructureEdgeKindEnum, {
  name: 'StructureEdgeKind',
  description:
    'CONTROL: a directed fact that joins (R1–R8); LINK: an undirected one that joins (R9–R11); ' +
    'NOT_JOINING: kept from joining by the state exemption E1 or an R11 sever.',
});

@ObjectType('StructureNode', {
  simpleResolvers: true,
  description: 'A party on the structure chart, laid out.',
})
export class StructureNodeType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => EntityKindEnum, { nullable: true }) entityKind!: EntityKind | null;
  @Field(() => StructureNodeRoleEnum) role!: ChartNodeRole;
  @Field(() => Boolean) isHead!: boolean;
  @Field(() => Int, { description: '0 at the top: heads, or an outside owner above them.' })
  layer!: number;
  @Field(() => Float, { description: 'Centred position within the layer, 1 between neighbours.' })
  x!: number;
  @Field(() => Float, { description: 'The layer, growing downwards, 1 between layers.' })
  y!: number;
}

@ObjectType('StructureEdge', {
  simpleResolvers: true,
  description: 'A control fact on the structure chart.',
})
export class StructureEdgeType {
  @Field(() => ID, { description: 'Rule, controller and controlled, e.g. R1:P-ZHANG>C-HXH.' })
  id!: string;
  @Field(() => ID, { description: 'The controller (either end for a LINK).' }) from!: string;
  @Field(() => ID, { description: 'The controlled (the other end for a LINK).' }) to!: string;
  @Field(() => ControlRuleEnum) rule!: RuleCode;
  @Field(() => StructureEdgeKindEnum) kind!: ChartEdgeKind;
  @Field(() => Boolean) directed!: boolean;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'R2/R3: the pooled percentage that crossed the threshold.',
  })
  pooledPct!: string | null;
  @Field(() => [ID], { description: 'R3 pool members; R2, R4, R5 intermediaries used.' })
  poolIds!: string[];
  @Field(() => [ID], { description: 'Ids of the source rows the fact rests on.' })
  evidenceIds!: string[];
  @Field(() => [EvidenceType]) evidence!: EvidenceType[];
  @Field(() => String, { description: 'One sentence a credit committee can read.' })
  description!: string;
}

@ObjectType('GroupStructure', {
  simpleResolvers: true,
  description:
    "A group's structure chart: parties as nodes with a layered layout (heads on top, each " +
    'entity below all its controllers, control cycles on one layer), control facts as edges. ' +
    'The same group on the same date always gives the same layout.',
})
export class GroupStructureType {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Int) layerCount!: number;
  @Field(() => Int, { description: 'Nodes in the widest layer.' }) width!: number;
  @Field(() => [StructureNodeType], { description: 'Top layer first, left to right.' })
  nodes!: StructureNodeType[];
  @Field(() => [StructureEdgeType], { description: 'By controller, controlled, then rule.' })
  edges!: StructureEdgeType[];
}
