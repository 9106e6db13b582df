/**
 * Not a test: times a bulk import of 100 000 entities and 300 000 edges (180 000
 * shareholdings, 120 000 roles) written through `writeDataset` into a temp folder.
 * Run against a scratch database (it writes rows):
 *   createdb -h 127.0.0.1 -U postgres scratch_timing
 *   npx tsc --outDir /tmp/timing-build -p tsconfig.json && \
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch_timing LOG_LEVEL=warn \
 *     node /tmp/timing-build/test/integration/import/bulk-timing.script.js
 *   dropdb -h 127.0.0.1 -U postgres scratch_timing
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usccCheckCharacter, USCC_CHARSET } from '../../../src/domain/identifiers/uscc';
import { type Dataset, emptyDataset, type Party } from '../../../src/domain/model';
import { readDataset } from '../../../src/import/dataset-reader';
import { writeDataset } from '../../../src/import/dataset-writer';
import { withMigratedDatabase } from '../../../src/import/postgres/command-session';
import { importDataset } from '../../../src/import/postgres/import-dataset';

const PERSONS = 40_000;
const COMPANIES = 60_000;

function syntheticBank(): Dataset {
  const data = emptyDataset();
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = (n: number) => Math.floor(random() * n);
  const uscc = (i: number) => {
    const body = `91310000${i.toString(31).toUpperCase().padStart(9, '0')}`
      .split('')
      .map((c) => USCC_CHARSET[parseInt(c, 31)] ?? c)
      .join('');
    return body + usccCheckCharacter(body);
  };
  const party = (id: string, kind: Party['kind'], i: number): Party => ({
    id,
    kind,
    name: `${kind} ${i}`,
    ownership: kind === 'COMPANY' ? 'PRIVATE' : null,
    country: 'CN',
    uscc: kind === 'COMPANY' ? uscc(i) : null,
    lei: null,
    industry: kind === 'COMPANY' ? 'C31' : null,
    boardSeats: kind === 'COMPANY' ? 5 : null,
    customer: kind === 'COMPANY' && i % 3 === 0,
    portfolio: kind === 'COMPANY' ? `RM-${i % 50}` : null,
  });
  for (let i = 0; i < PERSONS; i++) data.entities.push(party(`P-${i}`, 'PERSON', i));
  for (let i = 0; i < COMPANIES; i++) data.entities.push(party(`C-${i}`, 'COMPANY', i));
  const holder = (company: number) => {
    if (random() < 0.5) return `P-${pick(PERSONS)}`;
    const other = pick(COMPANIES - 1);
    return `C-${other >= company ? other + 1 : other}`;
  };
  for (let c = 0; c < COMPANIES; c++) {
    for (let k = 0; k < 3; k++) {
      const pct = (1 + pick(3200) / 100).toString();
      data.shareholdings.push({
        id: `SH-${c}-${k}`,
        holderId: holder(c),
        companyId: `C-${c}`,
        votingPct: pct,
        equityPct: pct,
        validFrom: `20${10 + pick(15)}-01-01`,
        validTo: null,
        source: 'synthetic',
      });
    }
    for (let k = 0; k < 2; k++) {
      data.roles.push({
        id: `RO-${c}-${k}`,
        holderId: `P-${pick(PERSONS)}`,
        companyId: `C-${c}`,
        role: k === 0 ? 'CHAIRMAN' : 'DIRECTOR',
        appointedById: random() < 0.3 ? holder(c) : null,
        validFrom: '2020-01-01',
        validTo: null,
        source: 'synthetic',
      });
    }
  }
  return data;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bulk-timing-'));
  try {
    const data = syntheticBank();
    const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      const result = await work();
      process.stdout.write(`${label.padEnd(36)} ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      return result;
    };
    await time('writeDataset (400 000 rows)', () => writeDataset(dir, data));
    const read = await time('readDataset', () => readDataset(dir));
    if (read.problems.length > 0) throw new Error(`${read.problems.length} problems reading`);
    await withMigratedDatabase(async (orm, log) => {
      const first = await time('importDataset (fresh database)', () =>
        importDataset(orm, read.dataset, { actor: 'timing', lines: read.lines, log }),
      );
      process.stdout.write(`${JSON.stringify(first.files.map((f) => [f.file, f.inserted]))}\n`);
      await time('importDataset again (all unchanged)', () =>
        importDataset(orm, read.dataset, { actor: 'timing', lines: read.lines, log }),
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
