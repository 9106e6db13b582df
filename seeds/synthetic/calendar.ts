import { isIsoDate } from '../../src/domain/dates';
import type { IsoDate } from '../../src/domain/model';
import type { Rng } from './rng';

const DAY_MS = 86_400_000;
const YEAR = 365;
/** Days kept as ready-made strings around the as-of date: one string per day, shared by rows. */
const BEFORE = 45 * YEAR;
const AFTER = 6 * YEAR;

/**
 * Dates as integer day numbers (days since 1970-01-01) relative to the bank's as-of date,
 * turned into `YYYY-MM-DD` only when a row is written. "Past" and "future" are relative to
 * as-of, so as-of queries before, at and after it see different graphs.
 */
export class Calendar {
  readonly asOf: number;
  private readonly first: number;
  private readonly names: string[];

  constructor(asOf: IsoDate) {
    if (!isIsoDate(asOf)) throw new RangeError(`calendar: as-of "${asOf}" is not YYYY-MM-DD`);
    this.asOf = Calendar.dayOf(asOf);
    this.first = this.asOf - BEFORE;
    this.names = new Array<string>(BEFORE + AFTER + 1);
  }

  static dayOf(iso: IsoDate): number {
    return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
  }

  iso(day: number): IsoDate {
    const i = day - this.first;
    if (i < 0 || i >= this.names.length) return isoOf(day);
    return (this.names[i] ??= isoOf(day));
  }

  /** `null` stays `null` ("always" / "still holds"). */
  isoOrNull(day: number | null): IsoDate | null {
    return day === null ? null : this.iso(day);
  }

  /** A day between `minYears` and `maxYears` before as-of. */
  yearsAgo(rng: Rng, minYears: number, maxYears: number): number {
    return this.asOf - rng.int(Math.round(minYears * YEAR), Math.round(maxYears * YEAR));
  }

  /** A day strictly after `from` and on or before as-of (or `from + 1` if none is left). */
  pastAfter(rng: Rng, from: number): number {
    return from + 1 + Math.floor(rng.float() * Math.max(1, this.asOf - from));
  }

  /** A day strictly after as-of, within `maxYears`. */
  future(rng: Rng, maxYears = 2): number {
    return this.asOf + rng.int(1, Math.round(maxYears * YEAR));
  }

  /** The same day `months` months earlier, clamped to the month's end (30 Sep → 30 Jun). */
  monthsBefore(day: number, months: number): number {
    const d = new Date(day * DAY_MS);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() - months;
    const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const isMonthEnd =
      d.getUTCDate() === new Date(Date.UTC(y, d.getUTCMonth() + 1, 0)).getUTCDate();
    const dom = isMonthEnd ? lastOfTarget : Math.min(d.getUTCDate(), lastOfTarget);
    return Math.round(Date.UTC(y, m, dom) / DAY_MS);
  }
}

function isoOf(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
