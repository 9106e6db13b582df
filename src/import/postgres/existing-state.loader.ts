/**
 * What `validateDataset` needs to know of the database, restricted to what the dataset
 * mentions: which of its references name stored entities or facilities, the stored stakes
 * in the companies it holds stakes in, and which stored entities hold its USCCs and LEIs.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { Dataset, Shareholding } from '../../domain/model';
import type { ExistingState } from '../dataset-validator';
import { DATASET_KEYS, type DatasetKey, FORMATS, type RecordOf } from '../interchange-format';

const CHUNK = 10_000;

export async function loadExistingState(db: Knex, dataset: Dataset): Promise<ExistingState> {
  const defined = new Set(dataset.entities.map((e) => e.id));
  const referenced = new Set<string>();
  for (const key of DATASET_KEYS) {
    const refs = FORMATS[key].entityRefs as ReadonlyArray<
      readonly [string, (r: RecordOf<DatasetKey>) => string | null]
    >;
    for (const record of dataset[key] as RecordOf<DatasetKey>[]) {
      for (const [, get] of refs) {
        const id = get(record);
        if (id && !defined.has(id)) referenced.add(id);
      }
    }
  }
  const facilities = new Set(dataset.facilities.map((f) => f.id));
  const drawnOn = [...new Set(dataset.drawings.map((d) => d.facilityId))].filter(
    (id) => !facilities.has(id),
  );
  const companies = [...new Set(dataset.shareholdings.map((s) => s.companyId))];
  const usccs = dataset.entities.map((e) => e.uscc).filter((c): c is string => !!c);
  const leis = dataset.entities.map((e) => e.lei).filter((c): c is string => !!c);

  const partyIds = await ids(db, 'select id from party where id = any(?)', [...referenced]);
  const facilityIds = await ids(db, 'select id from facility where id = any(?)', drawnOn);
  let shareholdings: Shareholding[] = [];
  for (const chunk of chunks(companies)) {
    const { rows } = await db.raw<{ rows: Shareholding[] }>(STAKES_SQL, [chunk]);
    shareholdings = shareholdings.concat(rows);
  }
  return {
    partyIds,
    facilityIds,
    shareholdings,
    usccOwners: await owners(db, 'uscc', usccs),
    leiOwners: await owners(db, 'lei', leis),
  };
}

const STAKES_SQL = `select id, holder_id as "holderId", company_id as "companyId",
  voting_pct::text as "votingPct", equity_pct::text as "equityPct",
  to_char(valid_from, 'YYYY-MM-DD') as "validFrom", to_char(valid_to, 'YYYY-MM-DD') as "validTo",
  source
from shareholding where company_id = any(?)`;

async function ids(db: Knex, sql: string, wanted: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunks(wanted)) {
    const { rows } = await db.raw<{ rows: { id: string }[] }>(sql, [chunk]);
    for (const r of rows) found.add(r.id);
  }
  return found;
}

async function owners(
  db: Knex,
  column: 'uscc' | 'lei',
  codes: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const chunk of chunks(codes)) {
    const sql = `select id, ${column} as code from party where ${column} = any(?)`;
    const { rows } = await db.raw<{ rows: { id: string; code: string }[] }>(sql, [chunk]);
    for (const r of rows) found.set(r.code, r.id);
  }
  return found;
}

function* chunks<T>(list: readonly T[]): Iterable<T[]> {
  for (let i = 0; i < list.length; i += CHUNK) yield list.slice(i, i + CHUNK);
}
