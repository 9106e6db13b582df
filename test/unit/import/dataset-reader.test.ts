import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataset } from '../../../src/import/dataset-reader';
import { formatProblem } from '../../../src/import/import-problem';

const ENTITIES = 'id,kind,name\nA,COMPANY,Alpha\nP,PERSON,Pat\n';

describe('readDataset', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'read-dataset-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const read = async (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return readDataset(dir);
  };
  const problemsOf = async (files: Record<string, string>) =>
    (await read(files)).problems.map(formatProblem);

  it('reads the example dataset without a problem', async () => {
    const result = await readDataset(join(__dirname, '../../fixtures/datasets/example'));
    expect(result.problems).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.dataset.entities).toHaveLength(25);
    expect(result.dataset.shareholdings.find((s) => s.id === 'SH-1')).toEqual({
      id: 'SH-1',
      holderId: 'P-ZHANG',
      companyId: 'C-HXH',
      votingPct: '70',
      equityPct: '70',
      validFrom: '2015-03-01',
      validTo: null,
      source: 'registry',
    });
    expect(result.dataset.fxRates.map((r) => r.rate)).toEqual(['7.2', '7.1', '1']);
  });

  it('takes columns in any order, leaves out optional ones, reads empty cells as not given', async () => {
    const { dataset, problems } = await read({
      'entities.csv': 'name,customer,id,kind,country\nAlpha,TRUE,A,COMPANY,\n',
    });
    expect(problems).toEqual([]);
    expect(dataset.entities).toEqual([
      {
        id: 'A',
        kind: 'COMPANY',
        name: 'Alpha',
        ownership: null,
        country: null,
        uscc: null,
        lei: null,
        industry: null,
        boardSeats: null,
        customer: true,
        portfolio: null,
      },
    ]);
  });

  it('keeps the file line of each record across quoted line breaks, blank lines, CRLF and a BOM', async () => {
    const { dataset, lines, problems } = await read({
      'entities.csv':
        '\uFEFFid,kind,name\nA,COMPANY,"two\nlines"\n\n   \nB,COMPANY,"say ""hi"", twice"\r\n',
    });
    expect(dataset.entities.map((e) => [e.id, e.name])).toEqual([
      ['A', 'two\nlines'],
      ['B', 'say "hi", twice'],
    ]);
    expect(lines.entities).toEqual([2, 6]);
    expect(problems).toEqual([]);
  });

  it.each([
    [
      'an unknown column',
      { 'entities.csv': 'id,kind,name,colour\nA,COMPANY,Alpha,red\n' },
      [
        'entities.csv:1: colour: unknown column (expected id, kind, name, ownership, country, uscc, lei, industry, board_seats, customer, portfolio)',
      ],
    ],
    [
      'a repeated column',
      { 'entities.csv': 'id,kind,name,name\nA,COMPANY,Alpha,B\n' },
      ['entities.csv:1: name: repeated column'],
    ],
    [
      'a missing required column',
      { 'entities.csv': 'id,name\nA,Alpha\n' },
      ['entities.csv:1: kind: missing column'],
    ],
    [
      'a row with too few cells',
      { 'entities.csv': 'id,kind,name\nA,COMPANY\n' },
      ['entities.csv:2: -: expected 3 cells, found 2'],
    ],
    [
      'a bad boolean',
      { 'entities.csv': 'id,kind,name,customer\nA,COMPANY,Alpha,yes\n' },
      ['entities.csv:2: customer: "yes" is not true or false'],
    ],
    [
      'a bad whole number',
      { 'entities.csv': 'id,kind,name,board_seats\nA,COMPANY,Alpha,5.5\n' },
      ['entities.csv:2: board_seats: "5.5" is not a whole number'],
    ],
    [
      'an unknown file',
      { 'entities.csv': ENTITIES, 'owners.csv': 'a\n1\n' },
      ['owners.csv:1: -: unknown file'],
    ],
    [
      'no entities.csv',
      { 'roles.csv': 'id,holder,company,role\n' },
      ['entities.csv:1: -: missing file'],
    ],
  ])('reports %s', async (_case, files, expected) => {
    expect(await problemsOf(files)).toEqual(expected);
  });

  it('reports malformed CSV with its line and marks the dataset incomplete', async () => {
    const result = await read({
      'entities.csv': 'id,kind,name\nA,COMPANY,Alpha\nB,COMPANY,"open\n',
    });
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^entities\.csv:\d+: -: malformed CSV: /),
    ]);
    expect(result.complete).toBe(false);
  });

  it('defaults equity_pct to voting_pct and writes decimals canonically', async () => {
    const { dataset } = await read({
      'entities.csv': ENTITIES,
      'shareholdings.csv':
        'id,holder,company,voting_pct,equity_pct\nS1,P,A,051.500,\nS2,P,A,10,7.0\n',
    });
    expect(dataset.shareholdings.map((s) => [s.votingPct, s.equityPct])).toEqual([
      ['51.5', '51.5'],
      ['10', '7'],
    ]);
  });
});
