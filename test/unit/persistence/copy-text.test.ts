import fc from 'fast-check';
import {
  CopyTextRows,
  type CopyCell,
  type InternedText,
} from '../../../src/persistence/repositories/copy-text';

/** PostgreSQL's COPY text spelling of one cell (what the server writes). */
function copyCell(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/[\\\t\n\r\b\f\v]/g, (c) => {
    const escapes: Record<string, string> = {
      '\\': '\\\\',
      '\t': '\\t',
      '\n': '\\n',
      '\r': '\\r',
      '\b': '\\b',
      '\f': '\\f',
      '\v': '\\v',
    };
    return escapes[c];
  });
}

const copyText = (rows: (string | null)[][]) =>
  rows.map((row) => row.map(copyCell).join('\t') + '\n').join('');

const textOf = (cell: CopyCell) => (cell === null || typeof cell === 'string' ? cell : cell.text);

/** Parses `bytes` fed in chunks cut at `cuts`; cells as text. */
function parse(bytes: Buffer, width: number, cuts: number[] = [], interned: number[] = []) {
  const rows: (string | null)[][] = [];
  const parser = new CopyTextRows(width, (cells) => rows.push(cells.map(textOf)), interned);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(bytes.subarray(at, cut));
    at = cut;
  }
  parser.push(bytes.subarray(at));
  parser.end();
  return rows;
}

describe('COPY text rows', () => {
  const tricky: (string | null)[][] = [
    ['C-1', '长江控股(深圳)有限公司 Changjiang "Holdings" Ltd.', null],
    ['C-2', 'tab\there, newline\nthere, back\\slash, cr\r', ''],
    ['C-3', '\\N', 'it\'s "quoted"'],
    ['C-4', '😀 emoji, Ünïcödé', '\b\f\v'],
  ];

  it('reads nulls, empty cells, escapes, quotes and unicode as the server wrote them', () => {
    expect(parse(Buffer.from(copyText(tricky)), 3)).toEqual(tricky);
  });

  it('gives the same rows wherever the chunks end, mid-character too', () => {
    const bytes = Buffer.from(copyText(tricky));
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(parse(bytes, 3, [cut])).toEqual(tricky);
      expect(parse(bytes, 3, [cut], [1, 2])).toEqual(tricky);
    }
  });

  it('decodes octal and hex escapes to bytes', () => {
    expect(parse(Buffer.from('\\101\\x42\\x4\\7z\tq\\n\n'), 2)).toEqual([['AB\x04\x07z', 'q\n']]);
  });

  it('hands each distinct value of an interned column as one object', () => {
    const seen: InternedText[] = [];
    const parser = new CopyTextRows(2, (cells) => seen.push(cells[1] as InternedText), [1]);
    parser.push(Buffer.from('a\t2020-01-01\nb\t2021-05-06\nc\t2020-01-01\nd\t中\ne\t中\n'));
    expect(seen.map((v) => v.text)).toEqual(['2020-01-01', '2021-05-06', '2020-01-01', '中', '中']);
    expect(seen[2]).toBe(seen[0]);
    expect(seen[4]).toBe(seen[3]);
    expect(seen[1]).not.toBe(seen[0]);
  });

  it('refuses rows of the wrong width and data that stops mid-row', () => {
    expect(() => parse(Buffer.from('a\tb\tc\n'), 2)).toThrow(/more than 2/);
    expect(() => parse(Buffer.from('a\n'), 2)).toThrow(/1 cells/);
    expect(() => parse(Buffer.from('a\tb'), 2)).toThrow(/mid-row/);
  });

  it('round-trips any cells, any chunking', () => {
    const char = fc.constantFrom(
      'a',
      'N',
      'é',
      '中',
      '😀',
      '\\',
      '\t',
      '\n',
      '\r',
      '\b',
      '\v',
      ' ',
    );
    const cell = fc.option(fc.string({ unit: char, maxLength: 12 }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell), { maxLength: 8 }),
        fc.array(fc.nat(400), { maxLength: 4 }),
        fc.boolean(),
        (rows, cuts, interning) => {
          const bytes = Buffer.from(copyText(rows));
          const within = cuts.map((c) => c % (bytes.length + 1));
          expect(parse(bytes, 3, within, interning ? [0, 2] : [])).toEqual(rows);
        },
      ),
    );
  });
});
