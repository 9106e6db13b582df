/**
 * The value rules of the interchange format (../shared/formats/README.md, "General rules")
 * and DESIGN.md §7 "Validation", as one collector of problems per record. Every check takes
 * the raw value of a plain record, so the API's mutations can run the same checks on their
 * input as the bulk import runs on a CSV row.
 */
import type { Validity } from '../domain/model';
import { type DecimalRange, decimalTextInRange, isDecimalText } from './decimal-text';
import type { FieldProblem } from './import-problem';

export { isDecimalText };
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURRENCY = /^[A-Z]{3}$/;
const COUNTRY = /^[A-Z]{2}$/;
export const MAX_ID_LENGTH = 64;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day written `YYYY-MM-DD` (2024-02-30 is not one). */
export function isIsoDateText(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0);
}

const RANGE_TEXT: Record<DecimalRange, string> = {
  percent: 'percentage out of range (0 < p ≤ 100)',
  'non-negative': 'must not be negative',
  positive: 'must be greater than 0',
};

/** Collects the problems of one record, column by column. */
export class FieldChecks {
  readonly problems: FieldProblem[] = [];

  add(column: string, reason: string | null): void {
    if (reason !== null) this.problems.push({ column, reason });
  }

  /** A present, non-empty value; returns whether it was there. */
  required(column: string, value: string | null | undefined): value is string {
    if (value === null || value === undefined || value === '') {
      this.add(column, 'missing value');
      return false;
    }
    return true;
  }

  /** An identifier: this record's own `id` or a reference to another record's. */
  id(column: string, value: string | null | undefined, required = true): void {
    if (!required && (value === null || value === undefined || value === '')) return;
    if (!this.required(column, value)) return;
    if (value.length > MAX_ID_LENGTH) this.add(column, `longer than ${MAX_ID_LENGTH} characters`);
  }

  oneOf(column: string, value: string | null, allowed: readonly string[], required = true): void {
    if (value === null || value === '') {
      if (required) this.add(column, 'missing value');
      return;
    }
    if (!allowed.includes(value)) {
      this.add(column, `"${value}" is not one of ${allowed.join(', ')}`);
    }
  }

  decimal(column: string, value: string | null, range: DecimalRange, required = true): void {
    if (value === null || value === '') {
      if (required) this.add(column, 'missing value');
      return;
    }
    if (!isDecimalText(value)) {
      this.add(column, `"${value}" is not a decimal (digits with an optional "." part)`);
      return;
    }
    if (!decimalTextInRange(value, range)) this.add(column, `${value}: ${RANGE_TEXT[range]}`);
  }

  date(column: string, value: string | null, required = false): boolean {
    if (value === null || value === '') {
      if (required) this.add(column, 'missing value');
      return !required;
    }
    if (!isIsoDateText(value)) {
      this.add(column, `"${value}" is not a date (YYYY-MM-DD)`);
      return false;
    }
    return true;
  }

  /** Two optional dates where the second, when both are given, comes strictly later. */
  ordered(fromColumn: string, from: string | null, toColumn: string, to: string | null): void {
    const fromOk = this.date(fromColumn, from);
    const toOk = this.date(toColumn, to);
    if (fromOk && toOk && from && to && !(from < to)) {
      this.add(toColumn, `${toColumn} ${to} is not after ${fromColumn} ${from}`);
    }
  }

  validity(v: Validity): void {
    this.ordered('valid_from', v.validFrom, 'valid_to', v.validTo);
  }

  currency(column: string, value: string | null): void {
    if (!this.required(column, value)) return;
    if (!CURRENCY.test(value)) this.add(column, `"${value}" is not an ISO 4217 code (e.g. CNY)`);
  }

  country(column: string, value: string | null): void {
    if (value === null || value === '') return;
    if (!COUNTRY.test(value)) {
      this.add(column, `"${value}" is not an ISO 3166-1 alpha-2 code (e.g. CN)`);
    }
  }

  distinct(column: string, a: string, b: string, what: string): void {
    if (a !== '' && a === b) this.add(column, `${what}: both ends are "${a}"`);
  }
}
