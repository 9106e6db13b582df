/**
 * One bad cell, row or header of a dataset, printed `file:line: column: reason` so an
 * operator can open the file at the line. Line numbers are the file's own (header = 1).
 */
import { ValidationError } from '../domain/errors';

export interface ImportProblem {
  file: string;
  line: number;
  column: string;
  reason: string;
}

/** A problem of one record, before it is placed in a file (the API reports these as is). */
export interface FieldProblem {
  column: string;
  reason: string;
}

/** Marks a problem that concerns a whole row or file rather than one column. */
export const WHOLE_ROW = '-';

export function formatProblem(p: ImportProblem): string {
  return `${p.file}:${p.line}: ${p.column}: ${p.reason}`;
}

/**
 * File order of the format, then line, then column; one problem per cell (the first found),
 * so a cell that is both malformed and out of range is reported once.
 */
export function normaliseProblems(
  problems: readonly ImportProblem[],
  fileOrder: readonly string[],
): ImportProblem[] {
  const rank = (file: string): number => {
    const i = fileOrder.indexOf(file);
    return i < 0 ? fileOrder.length : i;
  };
  const seen = new Set<string>();
  const unique: ImportProblem[] = [];
  for (const p of problems) {
    const key = `${p.file}\u0000${p.line}\u0000${p.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(p);
  }
  return unique.sort(
    (a, b) =>
      rank(a.file) - rank(b.file) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      (a.column < b.column ? -1 : a.column > b.column ? 1 : 0),
  );
}

/** A dataset refused as a whole; `problems` lists every bad row. */
export class DatasetRejectedError extends ValidationError {
  constructor(readonly problems: readonly ImportProblem[]) {
    super(`The dataset has ${problems.length} problem(s); nothing was imported.`, {
      problems: problems.map(formatProblem),
    });
  }
}
