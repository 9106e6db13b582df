/**
 * Exposure policy: credit conversion factors, the concentration limit checks and the
 * large-exposure threshold. Defaults follow CBIRC 2018 《商业银行大额风险暴露管理办法》
 * (Art. 7–8 limits, CCF table, 10 % CCF floor, 2.5 % large-exposure definition), the
 * Commercial Bank Law Art. 39 and the CBRC 集团客户授信业务风险管理指引 Art. 12.
 * Every figure is a decimal string so a bank can tune it without float drift.
 */
import { dec, Decimal } from '../money/decimal';
import { Product, PRODUCTS } from '../model';

export type Measure = 'NET_EXPOSURE' | 'LOAN_BALANCE' | 'CREDIT_BALANCE';
export type CapitalBase = 'TIER1' | 'NET_CAPITAL';

export interface LimitCheckDefinition {
  name: string;
  scope: 'CLIENT' | 'GROUP';
  measure: Measure;
  capitalBase: CapitalBase;
  limitPct: string;
  source: string;
}

export interface ExposurePolicy {
  reportingCurrency: string;
  productCcfPct: Record<Product, string>;
  committedUndrawnCcfPct: string;
  cancellableUndrawnCcfPct: string;
  uncommittedUndrawnCcfPct: string;
  offBalanceCcfFloorPct: string;
  loanProducts: Product[];
  limitChecks: LimitCheckDefinition[];
  warnLevelsPct: [string, string];
  largeExposureThresholdPct: string;
}

/** Booked on the balance sheet: the drawn amount is the exposure, CCF 100 %. */
export const ON_BALANCE_PRODUCTS: readonly Product[] = [
  'TERM_LOAN',
  'REVOLVING_LOAN',
  'OVERDRAFT',
  'BOND_HOLDING',
];

export function isOnBalance(product: Product): boolean {
  return ON_BALANCE_PRODUCTS.includes(product);
}

export const DEFAULT_EXPOSURE_POLICY: ExposurePolicy = {
  reportingCurrency: 'CNY',
  productCcfPct: {
    TERM_LOAN: '100',
    REVOLVING_LOAN: '100',
    OVERDRAFT: '100',
    BOND_HOLDING: '100',
    FINANCIAL_GUARANTEE: '100',
    BANK_ACCEPTANCE: '100',
    STANDBY_LC: '100',
    // Bid bonds are booked as performance guarantees: both are transaction-related 50 %.
    PERFORMANCE_GUARANTEE: '50',
    TRADE_LC: '20',
    OTHER: '100',
  },
  committedUndrawnCcfPct: '40',
  cancellableUndrawnCcfPct: '10',
  uncommittedUndrawnCcfPct: '0',
  offBalanceCcfFloorPct: '10',
  loanProducts: ['TERM_LOAN', 'REVOLVING_LOAN', 'OVERDRAFT'],
  limitChecks: [
    {
      name: 'SINGLE_CLIENT_EXPOSURE',
      scope: 'CLIENT',
      measure: 'NET_EXPOSURE',
      capitalBase: 'TIER1',
      limitPct: '15',
      source: 'CBIRC 2018 大额风险暴露 Art. 7',
    },
    {
      name: 'SINGLE_CLIENT_LOANS',
      scope: 'CLIENT',
      measure: 'LOAN_BALANCE',
      capitalBase: 'NET_CAPITAL',
      limitPct: '10',
      source: 'CBIRC 2018 Art. 7; Commercial Bank Law Art. 39',
    },
    {
      name: 'CONNECTED_GROUP_EXPOSURE',
      scope: 'GROUP',
      measure: 'NET_EXPOSURE',
      capitalBase: 'TIER1',
      limitPct: '20',
      source: 'CBIRC 2018 Art. 8',
    },
    {
      name: 'GROUP_CREDIT_BALANCE',
      scope: 'GROUP',
      measure: 'CREDIT_BALANCE',
      capitalBase: 'NET_CAPITAL',
      limitPct: '15',
      source: 'CBRC 集团客户授信 guideline Art. 12',
    },
  ],
  warnLevelsPct: ['80', '90'],
  largeExposureThresholdPct: '2.5',
};

const MEASURES: readonly Measure[] = ['NET_EXPOSURE', 'LOAN_BALANCE', 'CREDIT_BALANCE'];
const CAPITAL_BASES: readonly CapitalBase[] = ['TIER1', 'NET_CAPITAL'];

function parse(text: unknown): Decimal | null {
  if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text)) return null;
  return dec(text);
}

/** Problems with a percentage field: must be a plain decimal within (or at) the bounds. */
function checkPct(problems: string[], field: string, text: unknown, positive = false): void {
  const value = parse(text);
  if (value === null) {
    problems.push(`exposure policy: ${field} must be a decimal percentage, got "${String(text)}"`);
  } else if (value.greaterThan(100) || (positive && value.isZero())) {
    problems.push(`exposure policy: ${field} must be ${positive ? 'above 0 and ' : ''}at most 100`);
  }
}

/** Every problem with the policy, each naming the field; [] when the policy is usable. */
export function validateExposurePolicy(p: ExposurePolicy): string[] {
  const problems: string[] = [];
  if (!/^[A-Z]{3}$/.test(p.reportingCurrency)) {
    problems.push(`exposure policy: reportingCurrency must be an ISO 4217 code`);
  }
  for (const product of PRODUCTS) {
    checkPct(problems, `productCcfPct.${product}`, p.productCcfPct[product]);
    // Drawn on-balance amounts are the exposure itself; a lower factor would hide loans.
    if (isOnBalance(product) && parse(p.productCcfPct[product])?.equals(100) === false) {
      problems.push(
        `exposure policy: productCcfPct.${product} is on balance sheet and must be 100`,
      );
    }
  }
  checkPct(problems, 'committedUndrawnCcfPct', p.committedUndrawnCcfPct);
  checkPct(problems, 'cancellableUndrawnCcfPct', p.cancellableUndrawnCcfPct);
  checkPct(problems, 'uncommittedUndrawnCcfPct', p.uncommittedUndrawnCcfPct);
  checkPct(problems, 'offBalanceCcfFloorPct', p.offBalanceCcfFloorPct);
  checkPct(problems, 'largeExposureThresholdPct', p.largeExposureThresholdPct, true);
  for (const product of p.loanProducts) {
    if (!PRODUCTS.includes(product)) {
      problems.push(`exposure policy: loanProducts has unknown product "${product}"`);
    }
  }
  if (new Set(p.loanProducts).size !== p.loanProducts.length) {
    problems.push('exposure policy: loanProducts lists a product twice');
  }
  const [warn1, warn2] = p.warnLevelsPct;
  checkPct(problems, 'warnLevelsPct[0]', warn1, true);
  checkPct(problems, 'warnLevelsPct[1]', warn2, true);
  const w1 = parse(warn1);
  const w2 = parse(warn2);
  if (w1 && w2 && !w1.lessThan(w2)) {
    problems.push('exposure policy: warnLevelsPct must be increasing (first below second)');
  }
  const names = new Set<string>();
  p.limitChecks.forEach((check, i) => {
    const at = `limitChecks[${i}]`;
    if (check.name.trim() === '') problems.push(`exposure policy: ${at}.name is empty`);
    if (names.has(check.name)) problems.push(`exposure policy: ${at}.name "${check.name}" repeats`);
    names.add(check.name);
    if (check.scope !== 'CLIENT' && check.scope !== 'GROUP') {
      problems.push(`exposure policy: ${at}.scope must be CLIENT or GROUP`);
    }
    if (!MEASURES.includes(check.measure)) {
      problems.push(`exposure policy: ${at}.measure "${check.measure}" is unknown`);
    }
    if (!CAPITAL_BASES.includes(check.capitalBase)) {
      problems.push(`exposure policy: ${at}.capitalBase "${check.capitalBase}" is unknown`);
    }
    checkPct(problems, `${at}.limitPct`, check.limitPct, true);
    if (check.source.trim() === '') problems.push(`exposure policy: ${at}.source is empty`);
  });
  return problems;
}
