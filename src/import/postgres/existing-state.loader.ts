/**
 * What `validateDataset` needs to know of the database, restricted to what the dataset
 * mentions: which of its references name stored entities or facilities, the stored stakes
 * in the companies it holds stakes in, and which stored entities hold its USCCs and LEIs.
 * Also what an API write validates against (src/services/graph-write), one row at a time.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { Dataset, Party, Shareholding } from '../../domain/model';
import type { ExistingState } from '../dataset-validator';
import { datasetReferences } from '../dataset-references';

const CHUNK = 10_000;

/**
 * `assumeStored`: for a write of a few rows into a bank, ask about every reference in one
 * statement, without first checking which tables hold rows (an API write's validation is
 * one round trip to PostgreSQL, however many kinds of reference its row has).
 */
export async function loadExistingState(
  db: Knex,
  dataset: Dataset,
  options: { assumeStored?: boolean } = {},
): Promise<ExistingState> {
  if (options.assumeStored) return existingStateInOneQuery(db, dataset);
  // Into an empty database (the first load of a bank) there is nothing to ask about, and the
  // references are worked out later, during validation, while PostgreSQL writes.
  const stored = await nonEmptyTables(db);
  const refs = () => datasetReferences(dataset);
  const partyIds = stored.party
    ? await ids(db, 'select id from party where id = any(?)', [...refs().outsideEntities])
    : new Set<string>();
  const facilityIds = stored.facility
    ? await ids(db, 'select id from facility where id = any(?)', [...refs().outsideFacilities])
    : new Set<string>();
  const shareholdings = stored.shareholding ? await storedStakes(db, dataset) : [];
  const codes = (column: 'uscc' | 'lei') =>
    stored.party ? owners(db, column, dataset.entities) : new Map<string, string>();
  return {
    partyIds,
    facilityIds,
    shareholdings,
    usccOwners: await codes('uscc'),
    leiOwners: await codes('lei'),
  };
}

/**
 * Everything at once for a write of a few rows: one statement, one round trip, where the
 * bulk path asks one question at a time in chunks. No table is assumed empty.
 */
async function existingStateInOneQuery(db: Knex, dataset: Dataset): Promise<ExistingState> {
  const refs = datasetReferences(dataset);
  const companies = [...new Set(dataset.shareholdings.map((s) => s.companyId))];
  const codes = (column: 'uscc' | 'lei') =>
    dataset.entities.map((e) => e[column]).filter((c): c is string => !!c);
  const { rows } = await db.raw<{
    rows: {
      parties: string[];
      facilities: string[];
      stakes: Shareholding[];
      usccs: [string, string][];
      leis: [string, string][];
    }[];
  }>(
    `select
       (select coalesce(json_agg(id), '[]') from party where id = any(?)) as parties,
       (select coalesce(json_agg(id), '[]') from facility where id = any(?)) as facilities,
       (select coalesce(json_agg(s), '[]') from (${STAKES_SQL}) s) as stakes,
       (select coalesce(json_agg(json_build_array(rtrim(uscc), id)), '[]')
          from party where uscc = any(?::bpchar[])) as usccs,
       (select coalesce(json_agg(json_build_array(rtrim(lei), id)), '[]')
          from party where lei = any(?::bpchar[])) as leis`,
    [
      [...refs.outsideEntities],
      [...refs.outsideFacilities],
      companies,
      codes('uscc'),
      codes('lei'),
    ],
  );
  const [found] = rows;
  return {
    partyIds: new Set(found.parties),
    facilityIds: new Set(found.facilities),
    shareholdings: found.stakes,
    usccOwners: new Map(found.usccs),
    leiOwners: new Map(found.leis),
  };
}

async function nonEmptyTables(
  db: Knex,
): Promise<{ party: boolean; shareholding: boolean; facility: boolean }> {
  const { rows } = await db.raw<{
    rows: { party: boolean; shareholding: boolean; facility: boolean }[];
  }>(
    `select exists (select 1 from party) as party,
            exists (select 1 from shareholding) as shareholding,
            exists (select 1 from facility) as facility`,
  );
  return rows[0];
}

const STAKES_SQL = `select id, holder_id as "holderId", company_id as "companyId",
  voting_pct::text as "votingPct", equity_pct::text as "equityPct",
  to_char(valid_from, 'YYYY-MM-DD') as "validFrom", to_char(valid_to, 'YYYY-MM-DD') as "validTo",
  source
from shareholding where company_id = any(?)`;

async function storedStakes(db: Knex, dataset: Dataset): Promise<Shareholding[]> {
  let stakes: Shareholding[] = [];
  for (const chunk of chunks([...new Set(dataset.shareholdings.map((s) => s.companyId))])) {
    const { rows } = await db.raw<{ rows: Shareholding[] }>(STAKES_SQL, [chunk]);
    stakes = stakes.concat(rows);
  }
  return stakes;
}

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
  entities: readonly Party[],
): Promise<Map<string, string>> {
  const codes = entities.map((e) => e[column]).filter((c): c is string => !!c);
  const found = new Map<string, string>();
  for (const chunk of chunks(codes)) {
    // char(n) columns: comparing with char(n)[] lets the unique index answer.
    const sql = `select id, rtrim(${column}) as code from party where ${column} = any(?::bpchar[])`;
    const { rows } = await db.raw<{ rows: { id: string; code: string }[] }>(sql, [chunk]);
    for (const r of rows) found.set(r.code, r.id);
  }
  return found;
}

function* chunks<T>(list: readonly T[]): Iterable<T[]> {
  for (let i = 0; i < list.length; i += CHUNK) yield list.slice(i, i + CHUNK);
}
