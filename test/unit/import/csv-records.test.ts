import fc from 'fast-check';
import { CsvParser, CsvSyntaxError } from '../../../src/import/csv-records';

/** Parses `text` cut into pieces at the given offsets, as a file stream would deliver it. */
function parse(text: string, cuts: number[] = []): { cells: string[]; line: number }[] {
  const parser = new CsvParser();
  const out = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(...parser.push(text.slice(from, cut)));
    from = cut;
  }
  out.push(...parser.push(text.slice(from)), ...parser.end());
  return out;
}

const syntaxError = (text: string): CsvSyntaxError => {
  try {
    parse(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return err;
    throw err;
  }
  throw new Error('no syntax error');
};

describe('CsvParser', () => {
  it('reads cells, quotes, doubled quotes, quoted line breaks, CRLF and blank lines', () => {
    expect(parse('id,name\nA,"two\nlines"\n\nB,"say ""hi"", twice"\r\nC,x\ry\n')).toEqual([
      { cells: ['id', 'name'], line: 1 },
      { cells: ['A', 'two\nlines'], line: 2 },
      { cells: [''], line: 4 },
      { cells: ['B', 'say "hi", twice'], line: 5 },
      { cells: ['C', 'x\ry'], line: 6 },
    ]);
  });

  it('reads a last record without a line break, and empty cells', () => {
    expect(parse('a,,\n,b,""')).toEqual([
      { cells: ['a', '', ''], line: 1 },
      { cells: ['', 'b', ''], line: 2 },
    ]);
  });

  it.each([
    ['a quote still open at the end', 'a,b\n"open\n', 2],
    ['a quote inside an unquoted cell', 'a,b\nx,y"z\n', 2],
    ['text after a closing quote', 'a,b\n"x"y,z\n', 2],
    ['a quote error after a quoted line break', 'a\n"x\ny"z\n', 3],
  ])('reports %s with its line', (_case, text, line) => {
    expect(syntaxError(text).line).toBe(line);
  });

  it('gives the same records however the text is cut into pieces', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z ]{0,4}$/),
      fc.stringMatching(/^[a-z,"\n\r ]{0,4}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    const text = fc
      .tuple(fc.array(row, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
      .map(([rows, eol]) => rows.join(eol) + eol);
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 5 }), (csv, cuts) => {
        const whole = parse(csv);
        expect(
          parse(
            csv,
            cuts.map((c) => c % (csv.length + 1)),
          ),
        ).toEqual(whole);
      }),
    );
  });
});
