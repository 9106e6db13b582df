/**
 * Unified group limit and member sub-limits (集团统一授信, CBRC 集团客户授信业务风险管理指引):
 * one limit approved for the whole group, split into member sub-limits that must not
 * exceed it, one by one or in total.
 */
import { DecimalString, GroupLimit, IsoDate, isValidOn } from '../model';
import { dec, Decimal, sum } from '../money/decimal';
import { formatAmount } from './amount-format';
import { CurrencyConverter } from './fx-conversion';
import { compareStrings } from './ordering';

export interface SubLimit {
  memberId: string;
  limit: DecimalString;
  currency: string;
}

/**
 * The group's unified limit on `asOf`: a valid row naming one of the members. Should a
 * merger leave two, the most recently approved (latest validFrom, then id) governs.
 */
export function selectGroupLimit(
  groupLimits: readonly GroupLimit[],
  memberIds: readonly string[],
  asOf: IsoDate,
): GroupLimit | null {
  const members = new Set(memberIds);
  const valid = groupLimits
    .filter((g) => members.has(g.memberId) && isValidOn(g, asOf))
    .sort((a, b) => {
      const from = compareStrings(b.validFrom ?? '', a.validFrom ?? '');
      return from !== 0 ? from : compareStrings(a.id, b.id);
    });
  return valid[0] ?? null;
}

/**
 * Problems when a member's sub-limit, or their sum, exceeds the group limit; [] if fine.
 * Amounts in other currencies than the group limit's need `fx` (rates on the query date).
 */
export function validateSubLimits(
  groupLimit: GroupLimit,
  subLimits: readonly SubLimit[],
  fx?: CurrencyConverter,
): string[] {
  const problems: string[] = [];
  const ccy = groupLimit.currency;
  const groupAmount = dec(groupLimit.limit);
  const inGroupCurrency = (amount: Decimal, currency: string): Decimal | null => {
    if (currency === ccy) return amount;
    if (fx === undefined) return null;
    return fx.toReporting(amount, currency).dividedBy(fx.rate(ccy));
  };
  const seen = new Set<string>();
  const converted: Decimal[] = [];
  for (const s of [...subLimits].sort((a, b) => compareStrings(a.memberId, b.memberId))) {
    if (seen.has(s.memberId)) problems.push(`sub-limits: ${s.memberId} has more than one`);
    seen.add(s.memberId);
    const amount = inGroupCurrency(dec(s.limit), s.currency);
    if (amount === null) {
      problems.push(
        `sub-limits: ${s.memberId}'s sub-limit is in ${s.currency}, the group limit ` +
          `${groupLimit.id} in ${ccy}; FX rates are needed to compare them`,
      );
      continue;
    }
    converted.push(amount);
    if (amount.greaterThan(groupAmount)) {
      problems.push(
        `sub-limits: ${s.memberId}'s sub-limit ${formatAmount(dec(s.limit))} ${s.currency}` +
          ` exceeds the group limit ${groupLimit.id} of ${formatAmount(groupAmount)} ${ccy}`,
      );
    }
  }
  const total = sum(converted);
  if (total.greaterThan(groupAmount)) {
    problems.push(
      `sub-limits: members' sub-limits sum to ${formatAmount(total)} ${ccy}, above the` +
        ` group limit ${groupLimit.id} of ${formatAmount(groupAmount)} ${ccy}`,
    );
  }
  return problems;
}
