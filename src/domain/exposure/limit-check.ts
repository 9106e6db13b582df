/**
 * Concentration limit checks (CBIRC 2018 《商业银行大额风险暴露管理办法》 Art. 7–8;
 * Commercial Bank Law Art. 39; CBRC 集团客户授信 guideline Art. 12): a measure of a client
 * or group as a share of a capital base, against the policy's limit. BREACH strictly above
 * the limit; WARN at or above the policy's two warning levels (share of the limit used).
 * Comparisons are done by cross-multiplication so no division rounds a borderline case.
 */
import { dec, Decimal, HUNDRED, percentOf } from '../money/decimal';
import {
  CapitalBase,
  ExposurePolicy,
  LimitCheckDefinition,
  Measure,
} from '../policy/exposure-policy';
import { formatAmount, formatPercent } from './amount-format';
import { capitalFor, CapitalOnDate } from './capital-base';
import { MeasuredFigures } from './client-exposure';

export type CheckStatus = 'PASS' | 'WARN' | 'BREACH';

export interface LimitCheckResult {
  rule: string;
  source: string;
  scope: LimitCheckDefinition['scope'];
  /** The client checked; null for a group-scope check. */
  subjectId: string | null;
  measure: Measure;
  capitalBase: CapitalBase;
  currency: string;
  value: Decimal;
  capital: Decimal;
  /** value as a percentage of capital. */
  valuePct: Decimal;
  limitPct: Decimal;
  /** The limit as an amount: capital × limitPct. */
  limit: Decimal;
  /** value as a percentage of the limit amount. */
  utilisation: Decimal;
  status: CheckStatus;
  warnLevel: 0 | 1 | 2;
  message: string;
}

export interface CheckSubject {
  id: string | null;
  name: string;
  figures: MeasuredFigures;
}

const MEASURE_WORDS: Record<Measure, string> = {
  NET_EXPOSURE: 'net exposure',
  LOAN_BALANCE: 'loan balance',
  CREDIT_BALANCE: 'credit balance',
};

const CAPITAL_WORDS: Record<CapitalBase, string> = {
  TIER1: 'Tier 1 capital',
  NET_CAPITAL: 'net capital',
};

export function measureOf(figures: MeasuredFigures, measure: Measure): Decimal {
  if (measure === 'NET_EXPOSURE') return figures.netExposure;
  return measure === 'LOAN_BALANCE' ? figures.loanBalance : figures.creditBalance;
}

function statusOf(value: Decimal, limit: Decimal, warnLevelsPct: [string, string]) {
  if (value.greaterThan(limit)) return { status: 'BREACH' as const, warnLevel: 0 as const };
  const used = value.times(HUNDRED);
  if (used.greaterThanOrEqualTo(limit.times(dec(warnLevelsPct[1])))) {
    return { status: 'WARN' as const, warnLevel: 2 as const };
  }
  if (used.greaterThanOrEqualTo(limit.times(dec(warnLevelsPct[0])))) {
    return { status: 'WARN' as const, warnLevel: 1 as const };
  }
  return { status: 'PASS' as const, warnLevel: 0 as const };
}

export function evaluateLimitCheck(
  definition: LimitCheckDefinition,
  subject: CheckSubject,
  capital: CapitalOnDate,
  policy: ExposurePolicy,
): LimitCheckResult {
  const value = measureOf(subject.figures, definition.measure);
  const base = capitalFor(capital, definition.capitalBase);
  const limitPct = dec(definition.limitPct);
  // Exact: capital × pct / 100 only shifts the decimal point.
  const limit = base.times(limitPct).dividedBy(HUNDRED);
  const { status, warnLevel } = statusOf(value, limit, policy.warnLevelsPct);
  const valuePct = percentOf(value, base);
  const utilisation = percentOf(value, limit);
  const currency = policy.reportingCurrency;
  const head =
    `${subject.name}: ${MEASURE_WORDS[definition.measure]} ${formatAmount(value)} ${currency}` +
    ` is ${formatPercent(valuePct)} of ${CAPITAL_WORDS[definition.capitalBase]}`;
  const tail =
    status === 'BREACH'
      ? `, above the ${formatPercent(limitPct)} limit`
      : status === 'WARN'
        ? `, ${formatPercent(utilisation)} of the ${formatPercent(limitPct)} limit` +
          ` (warning level ${warnLevel})`
        : `, within the ${formatPercent(limitPct)} limit (${formatPercent(utilisation)} used)`;
  return {
    rule: definition.name,
    source: definition.source,
    scope: definition.scope,
    subjectId: subject.id,
    measure: definition.measure,
    capitalBase: definition.capitalBase,
    currency,
    value,
    capital: base,
    valuePct,
    limitPct,
    limit,
    utilisation,
    status,
    warnLevel,
    message: head + tail,
  };
}
