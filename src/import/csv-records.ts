/**
 * RFC 4180 records of a CSV text that arrives in pieces, with the file line each record
 * starts on: `"` quotes a cell and `""` is a quote inside one, a quoted cell may span lines,
 * CRLF and LF both end a record (a lone CR is data), rows may differ in width. A quote inside
 * an unquoted cell, anything but a separator after a closing quote, and a quote still open
 * at the end are malformed. Written for speed on files of millions of rows: the scan jumps
 * between separators and a cell is a slice of the text it came in.
 */

export interface CsvRecord {
  cells: string[];
  /** The file line the record starts on (1 for the first). */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Records from pieces of text (e.g. a file read as UTF-8), one batch per piece. */
export async function* csvRecords(pieces: AsyncIterable<string>): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser();
  let first = true;
  for await (const piece of pieces) {
    const text = first && piece.charCodeAt(0) === 0xfeff ? piece.slice(1) : piece;
    first = false;
    const batch = parser.push(text);
    if (batch.length > 0) yield batch;
  }
  const rest = parser.end();
  if (rest.length > 0) yield rest;
}

/** The incremental parser: text in, complete records out; the unfinished tail is kept. */
export class CsvParser {
  private tail = '';
  private line = 1;

  push(text: string): CsvRecord[] {
    return this.parse(this.tail + text, false);
  }

  end(): CsvRecord[] {
    const records = this.parse(this.tail, true);
    this.tail = '';
    return records;
  }

  private parse(text: string, final: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    let at = 0;
    while (at < text.length) {
      const next = this.record(text, at, final, records);
      if (next < 0) break;
      at = next;
    }
    this.tail = at < text.length ? text.slice(at) : '';
    return records;
  }

  /**
   * Reads the record at `start` into `records`; returns where the next one starts, or -1
   * when the text ends before the record does (and more text may come).
   */
  private record(text: string, start: number, final: boolean, records: CsvRecord[]): number {
    const cells: string[] = [];
    const line = this.line;
    let newlines = 0;
    let at = start;
    const len = text.length;
    for (;;) {
      if (at < len && text.charCodeAt(at) === QUOTE) {
        let value = '';
        let from = at + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0 || (quote + 1 === len && !final)) {
            if (!final) return -1;
            throw new CsvSyntaxError(
              `Quote Not Closed: the parsing is finished with an opening quote at line ${line}`,
              line,
            );
          }
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          value += text.slice(from, quote);
          at = quote + 1;
          break;
        }
        newlines += countLf(value);
        cells.push(value);
        const c = at < len ? text.charCodeAt(at) : -1;
        if (c === COMMA) {
          at++;
          continue;
        }
        if (c === LF) return this.finish(records, cells, line, newlines, at + 1);
        if (c === CR && at + 1 < len && text.charCodeAt(at + 1) === LF) {
          return this.finish(records, cells, line, newlines, at + 2);
        }
        if (c === CR && at + 1 === len && !final) return -1;
        if (c === -1) {
          if (!final) return -1;
          return this.finish(records, cells, line, newlines, at);
        }
        throw new CsvSyntaxError(
          `Invalid Closing Quote: got "${text[at]}" at line ${line + newlines} instead of delimiter, record delimiter or end of file`,
          line + newlines,
        );
      }
      let end = at;
      let c = -1;
      while (end < len) {
        c = text.charCodeAt(end);
        if (c === COMMA || c === LF || c === QUOTE) break;
        end++;
      }
      if (end === len) {
        if (!final) return -1;
        cells.push(text.slice(at, end));
        return this.finish(records, cells, line, newlines, end);
      }
      if (c === QUOTE) {
        throw new CsvSyntaxError(
          `Invalid Opening Quote: a quote is found on field ${cells.length + 1} at line ${line + newlines}, value is ${JSON.stringify(text.slice(at, end))}`,
          line + newlines,
        );
      }
      if (c === COMMA) {
        cells.push(text.slice(at, end));
        at = end + 1;
        continue;
      }
      // A line feed: CRLF ends the record as well, without its CR.
      const cellEnd = end > at && text.charCodeAt(end - 1) === CR ? end - 1 : end;
      cells.push(text.slice(at, cellEnd));
      return this.finish(records, cells, line, newlines, end + 1);
    }
  }

  private finish(
    records: CsvRecord[],
    cells: string[],
    line: number,
    newlines: number,
    next: number,
  ): number {
    records.push({ cells, line });
    this.line = line + newlines + 1;
    return next;
  }
}

function countLf(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
