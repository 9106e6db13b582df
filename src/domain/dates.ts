import { ValidationError } from './errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Accepts only real calendar dates in `YYYY-MM-DD` form (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function parseIsoDate(value: string): string {
  if (!isIsoDate(value)) {
    throw ValidationError.of([`"${value}" is not a date: use YYYY-MM-DD, e.g. 2026-09-30.`]);
  }
  return value;
}

/** Today's date in UTC, the default `asOf` of every query. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
