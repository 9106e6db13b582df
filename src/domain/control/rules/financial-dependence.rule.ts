/**
 * R8 financial dependence: central treasury, unified financing, long-term funds occupation
 * or related-party transfers between x and y. Analyst-asserted links; they join groups and
 * count as control for heads in the direction given, but are not single control for R2
 * pooling.
 * Source: seed 集团客户认定标准 (二)4–7 and (一)4.
 */
import { RawFact, RuleContext } from '../raw-fact';
import { linkFacts } from './consolidation.rule';

export const FINANCIAL_DEPENDENCE_LINKS: ReadonlySet<string> = new Set([
  'CENTRAL_TREASURY',
  'UNIFIED_FINANCING',
  'FUNDS_OCCUPATION',
  'RELATED_PARTY_TRANSFER',
]);

export function financialDependenceFacts(ctx: RuleContext): RawFact[] {
  return linkFacts(ctx, 'R8', FINANCIAL_DEPENDENCE_LINKS);
}
