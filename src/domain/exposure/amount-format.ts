/**
 * Figures in committee messages: rounded by the one presentation rule, thousands grouped
 * by spaces ("7 000 000 000") as in the bank's credit papers.
 */
import { Decimal, roundForPresentation } from '../money/decimal';

export function formatAmount(value: Decimal): string {
  const [whole, fraction] = roundForPresentation(value, 'amount').split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

export function formatPercent(value: Decimal): string {
  return `${roundForPresentation(value, 'percent')} %`;
}
