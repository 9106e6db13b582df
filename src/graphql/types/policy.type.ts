import { Field, Int, ObjectType } from 'type-graphql';
import type { Capital, Product } from '../../domain/model';
import type { LimitCheckDefinition } from '../../domain/policy';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { ProductEnum } from './enums';
import { CapitalBaseEnum, LimitScopeEnum, MeasureEnum } from './exposure-enums.type';
import { ControlRuleEnum } from './group.type';

@ObjectType('ControlPolicy', {
  simpleResolvers: true,
  description: 'Control-rule thresholds (DESIGN §3).',
})
export class ControlPolicyType {
  @Field(() => DecimalScalar, { description: 'Control needs strictly more than this percent.' })
  majorityThresholdPct!: string;
  @Field(() => Int, { description: 'R5: chairman / general manager / CFO appointments needed.' })
  keyExecutivesRequired!: number;
  @Field(() => Int) linealKinshipMaxDistance!: number;
  @Field(() => Int) collateralKinshipMaxDistance!: number;
  @Field(() => Boolean, { description: 'E1: state control alone joins no group.' })
  stateExemption!: boolean;
  @Field(() => Boolean) poolFamilies!: boolean;
  @Field(() => Boolean) poolActingInConcert!: boolean;
  @Field(() => [ControlRuleEnum]) disabledRules!: string[];
}

@ObjectType('ProductCcf', {
  simpleResolvers: true,
  description: 'Credit conversion factor of a product, percent.',
})
export class ProductCcfType {
  @Field(() => ProductEnum) product!: Product;
  @Field(() => DecimalScalar) ccfPct!: string;
}

@ObjectType('LimitCheckDefinition', {
  simpleResolvers: true,
  description: 'scope × measure × capital base × limit %.',
})
export class LimitCheckDefinitionType implements LimitCheckDefinition {
  @Field(() => String) name!: string;
  @Field(() => LimitScopeEnum) scope!: 'CLIENT' | 'GROUP';
  @Field(() => MeasureEnum) measure!: LimitCheckDefinition['measure'];
  @Field(() => CapitalBaseEnum) capitalBase!: LimitCheckDefinition['capitalBase'];
  @Field(() => DecimalScalar) limitPct!: string;
  @Field(() => String) source!: string;
}

@ObjectType('ExposurePolicy', {
  simpleResolvers: true,
  description: 'CCFs, limit checks and thresholds (DESIGN §4).',
})
export class ExposurePolicyType {
  @Field(() => String) reportingCurrency!: string;
  @Field(() => [ProductCcfType]) productCcf!: ProductCcfType[];
  @Field(() => DecimalScalar) committedUndrawnCcfPct!: string;
  @Field(() => DecimalScalar) cancellableUndrawnCcfPct!: string;
  @Field(() => DecimalScalar) uncommittedUndrawnCcfPct!: string;
  @Field(() => DecimalScalar, { description: 'Large-exposure floor of off-balance CCFs.' })
  offBalanceCcfFloorPct!: string;
  @Field(() => [ProductEnum]) loanProducts!: Product[];
  @Field(() => [LimitCheckDefinitionType]) limitChecks!: LimitCheckDefinition[];
  @Field(() => [DecimalScalar], { description: 'WARN at these percentages of a limit.' })
  warnLevelsPct!: string[];
  @Field(() => DecimalScalar, { description: 'Large exposure: net ≥ this percent of Tier 1.' })
  largeExposureThresholdPct!: string;
}

@ObjectType('Capital', {
  simpleResolvers: true,
  description: "The bank's capital base from a date.",
})
export class CapitalType implements Capital {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => DecimalScalar, { description: '一级资本净额.' }) tier1Capital!: string;
  @Field(() => DecimalScalar, { description: '资本净额.' }) netCapital!: string;
  @Field(() => String) currency!: string;
}

@ObjectType('Policy', { simpleResolvers: true, description: 'The policy in force on a date.' })
export class PolicyType {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Null: the built-in default.' })
  validFrom!: string | null;
  @Field(() => String, { nullable: true }) recordedBy!: string | null;
  @Field(() => ControlPolicyType) control!: ControlPolicyType;
  @Field(() => ExposurePolicyType) exposure!: ExposurePolicyType;
  @Field(() => CapitalType, { nullable: true, description: 'The capital row in force.' })
  capital!: Capital | null;
}
