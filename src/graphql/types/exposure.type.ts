import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { CheckStatus } from '../../domain/exposure';
import type { Product } from '../../domain/model';
import type {
  ExposureFiguresView,
  FacilityExposureView,
  LimitCheckView,
  MemberExposureView,
  SubstitutionView,
} from '../../services/exposure/exposure-views';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { ProductEnum } from './enums';
import {
  CapitalBaseEnum,
  CheckStatusEnum,
  LimitScopeEnum,
  MeasureEnum,
  UndrawnBasisEnum,
} from './exposure-enums.type';

const AMOUNT = 'In the reporting currency.';

@ObjectType('LimitCheck', {
  simpleResolvers: true,
  description: 'One concentration check of a client or a group against the policy (DESIGN §4).',
})
export class LimitCheckType implements LimitCheckView {
  @Field(() => String, { description: "The check's name, e.g. SINGLE_CLIENT_EXPOSURE." })
  rule!: string;
  @Field(() => String, { description: 'Its regulatory source.' }) source!: string;
  @Field(() => LimitScopeEnum) scope!: 'CLIENT' | 'GROUP';
  @Field(() => ID, { nullable: true, description: 'The client checked; null for a group check.' })
  subjectId!: string | null;
  @Field(() => MeasureEnum) measure!: LimitCheckView['measure'];
  @Field(() => CapitalBaseEnum) capitalBase!: LimitCheckView['capitalBase'];
  @Field(() => String) currency!: string;
  @Field(() => DecimalScalar, { description: `The measured amount. ${AMOUNT}` }) value!: string;
  @Field(() => DecimalScalar, { description: `The capital base amount. ${AMOUNT}` })
  capital!: string;
  @Field(() => DecimalScalar, { description: 'value as a percentage of the capital base.' })
  valuePct!: string;
  @Field(() => DecimalScalar, { description: 'The limit, percent of the capital base.' })
  limitPct!: string;
  @Field(() => DecimalScalar, { description: `The limit as an amount. ${AMOUNT}` }) limit!: string;
  @Field(() => DecimalScalar, { description: 'value as a percentage of the limit.' })
  utilisation!: string;
  @Field(() => CheckStatusEnum) status!: CheckStatus;
  @Field(() => Int, { description: '1 or 2 for WARN (the warning level reached), else 0.' })
  warnLevel!: number;
  @Field(() => String, { description: 'One sentence for the credit committee.' })
  message!: string;
}

@ObjectType('FacilityExposure', {
  simpleResolvers: true,
  description: "How one facility's exposure is reached.",
})
export class FacilityExposureType implements FacilityExposureView {
  @Field(() => ID) facilityId!: string;
  @Field(() => ID) borrowerId!: string;
  @Field(() => ProductEnum) product!: Product;
  @Field(() => String, { description: "The facility's own currency." }) currency!: string;
  @Field(() => DecimalScalar, { description: 'Reporting-currency units per unit of currency.' })
  fxRate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The drawing row used, if any.' })
  drawingAsOf!: string | null;
  @Field(() => DecimalScalar) approvedLimit!: string;
  @Field(() => DecimalScalar) drawn!: string;
  @Field(() => DecimalScalar) undrawn!: string;
  @Field(() => DecimalScalar, { description: 'CCF on the drawn amount, percent.' })
  drawnCcfPct!: string;
  @Field(() => Boolean, { description: 'True when the 10 % large-exposure floor applied.' })
  drawnCcfFloored!: boolean;
  @Field(() => UndrawnBasisEnum) undrawnBasis!: FacilityExposureView['undrawnBasis'];
  @Field(() => DecimalScalar, { description: 'CCF on the undrawn amount, percent.' })
  undrawnCcfPct!: string;
  @Field(() => DecimalScalar) grossExposure!: string;
  @Field(() => DecimalScalar, { description: 'Cash margin (保证金) applied.' }) cashMargin!: string;
  @Field(() => DecimalScalar, { description: 'Moved to the guarantor by substitution.' })
  substituted!: string;
  @Field(() => ID, { nullable: true }) guarantorId!: string | null;
  @Field(() => DecimalScalar) netExposure!: string;
  @Field(() => DecimalScalar) loanBalance!: string;
  @Field(() => DecimalScalar) creditBalance!: string;
}

@ObjectType('Substitution', {
  simpleResolvers: true,
  description: 'Exposure moved onto a guarantor.',
})
export class SubstitutionType implements SubstitutionView {
  @Field(() => ID) facilityId!: string;
  @Field(() => ID) borrowerId!: string;
  @Field(() => ID) guarantorId!: string;
  @Field(() => DecimalScalar) amount!: string;
}

@InterfaceType('ExposureFigures', {
  description: `Exposure totals. ${AMOUNT} Percentages: "4.7188" is 4.7188 %.`,
})
export abstract class ExposureFigures implements ExposureFiguresView {
  @Field(() => DecimalScalar) approvedLimits!: string;
  @Field(() => DecimalScalar) drawn!: string;
  @Field(() => DecimalScalar) grossExposure!: string;
  @Field(() => DecimalScalar, { description: 'After cash margin and guarantee substitution.' })
  netExposure!: string;
  @Field(() => DecimalScalar) cashMargin!: string;
  @Field(() => DecimalScalar, { description: 'Moved in as guarantor.' }) substitutedIn!: string;
  @Field(() => DecimalScalar, { description: 'Moved out to guarantors.' }) substitutedOut!: string;
  @Field(() => DecimalScalar) loanBalance!: string;
  @Field(() => DecimalScalar) creditBalance!: string;
  @Field(() => DecimalScalar, { description: 'Net exposure, percent of Tier 1 capital.' })
  shareOfTier1!: string;
}

@ObjectType('MemberExposure', { simpleResolvers: true, implements: ExposureFigures })
export class MemberExposureType extends ExposureFigures implements MemberExposureView {
  @Field(() => ID) entityId!: string;
  @Field(() => String) name!: string;
  @Field(() => DecimalScalar, { nullable: true, description: `Member sub-limit. ${AMOUNT}` })
  subLimit!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Sub-limit less net exposure.' })
  subLimitHeadroom!: string | null;
  @Field(() => [ID]) facilityIds!: string[];
  @Field(() => [LimitCheckType], { description: "This member's single-client checks." })
  checks!: LimitCheckView[];
}
