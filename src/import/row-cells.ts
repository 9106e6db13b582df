/**
 * Typed access to the cells of one CSV row by column name. Only conversions that cannot
 * carry a bad value on (booleans, whole numbers) report here; every other value goes into
 * the record as written and the record validators judge it, so a CSV row and an API input
 * meet the same rules.
 */
import { canonicalDecimalText } from './decimal-text';
import type { FieldProblem } from './import-problem';

export class RowCells {
  /** Null while the row has none: most rows of a large file never need the array. */
  problems: FieldProblem[] | null = null;

  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly cells: readonly string[],
  ) {}

  /** The trimmed cell; an empty cell or a column the file leaves out is "not given". */
  text(column: string): string | null {
    const at = this.index.get(column);
    if (at === undefined) return null;
    const value = this.cells[at]?.trim() ?? '';
    return value === '' ? null : value;
  }

  /** A cell the record cannot do without: '' when missing, which its validator reports. */
  required(column: string): string {
    return this.text(column) ?? '';
  }

  /** Well-formed decimals in canonical form (`70.0` → `70`); anything else as written. */
  decimal(column: string): string | null {
    const value = this.text(column);
    return value === null ? null : canonicalDecimalText(value);
  }

  requiredDecimal(column: string): string {
    return this.decimal(column) ?? '';
  }

  /** `true` / `false` in any letter case; an empty cell is false. */
  boolean(column: string): boolean {
    const value = this.text(column);
    if (value === null) return false;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower !== 'false') this.report(column, `"${value}" is not true or false`);
    return false;
  }

  integer(column: string): number | null {
    const value = this.text(column);
    if (value === null) return null;
    if (!/^-?\d{1,9}$/.test(value)) {
      this.report(column, `"${value}" is not a whole number`);
      return null;
    }
    return Number(value);
  }

  private report(column: string, reason: string): void {
    (this.problems ??= []).push({ column, reason });
  }
}
