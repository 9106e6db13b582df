import { Field, InputType, Int } from 'type-graphql';
import type { Product } from '../../domain/model';
import type { LimitCheckDefinition, RuleCode } from '../../domain/policy';
import type { PolicyPatch } from '../../services/policy/policy-patch';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { ProductEnum } from './enums';
import { CapitalBaseEnum, LimitScopeEnum, MeasureEnum } from './exposure-enums.type';
import { ControlRuleEnum } from './group.type';

@InputType('ControlPolicyInput', { description: 'Omitted fields keep their value.' })
export class ControlPolicyInput {
  @Field(() => DecimalScalar, { nullable: true }) majorityThresholdPct?: string;
  @Field(() => Int, { nullable: true }) keyExecutivesRequired?: number;
  @Field(() => Int, { nullable: true }) linealKinshipMaxDistance?: number;
  @Field(() => Int, { nullable: true }) collateralKinshipMaxDistance?: number;
  @Field(() => Boolean, { nullable: true }) stateExemption?: boolean;
  @Field(() => Boolean, { nullable: true }) poolFamilies?: boolean;
  @Field(() => Boolean, { nullable: true }) poolActingInConcert?: boolean;
  @Field(() => [ControlRuleEnum], { nullable: true, description: 'Replaces the list.' })
  disabledRules?: RuleCode[];
}

@InputType('ProductCcfInput')
export class ProductCcfInput {
  @Field(() => ProductEnum) product!: Product;
  @Field(() => DecimalScalar) ccfPct!: string;
}

@InputType('LimitCheckDefinitionInput')
export class LimitCheckDefinitionInput implements LimitCheckDefinition {
  @Field(() => String) name!: string;
  @Field(() => LimitScopeEnum) scope!: 'CLIENT' | 'GROUP';
  @Field(() => MeasureEnum) measure!: LimitCheckDefinition['measure'];
  @Field(() => CapitalBaseEnum) capitalBase!: LimitCheckDefinition['capitalBase'];
  @Field(() => DecimalScalar) limitPct!: string;
  @Field(() => String) source!: string;
}

@InputType('ExposurePolicyInput', {
  description: 'Omitted fields keep their value; lists replace the old list, CCFs per product.',
})
export class ExposurePolicyInput {
  @Field(() => String, { nullable: true }) reportingCurrency?: string;
  @Field(() => [ProductCcfInput], { nullable: true }) productCcf?: ProductCcfInput[];
  @Field(() => DecimalScalar, { nullable: true }) committedUndrawnCcfPct?: string;
  @Field(() => DecimalScalar, { nullable: true }) cancellableUndrawnCcfPct?: string;
  @Field(() => DecimalScalar, { nullable: true }) uncommittedUndrawnCcfPct?: string;
  @Field(() => DecimalScalar, { nullable: true }) offBalanceCcfFloorPct?: string;
  @Field(() => [ProductEnum], { nullable: true }) loanProducts?: Product[];
  @Field(() => [LimitCheckDefinitionInput], { nullable: true })
  limitChecks?: LimitCheckDefinitionInput[];
  @Field(() => [DecimalScalar], { nullable: true }) warnLevelsPct?: string[];
  @Field(() => DecimalScalar, { nullable: true }) largeExposureThresholdPct?: string;
}

@InputType('PolicyInput')
export class PolicyInput implements PolicyPatch {
  @Field(() => ControlPolicyInput, { nullable: true }) control?: ControlPolicyInput;
  @Field(() => ExposurePolicyInput, { nullable: true }) exposure?: ExposurePolicyInput;
}

@InputType('CapitalInput')
export class CapitalInput {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => DecimalScalar) tier1Capital!: string;
  @Field(() => DecimalScalar) netCapital!: string;
  @Field(() => String) currency!: string;
}
