/**
 * Every rule of a dataset as a whole (interchange format, "General rules"; DESIGN.md §7):
 * each record's own rules, ids unique within a file, every reference naming an entity (or
 * facility) of the dataset or of the database, 统一社会信用代码 and LEI held by one entity
 * only, and a company's voting stakes ≤ 100 on every date counting the stored stakes the
 * dataset does not replace. Pure: what the database holds comes in as `ExistingState`.
 */
import type { Dataset, Shareholding } from '../domain/model';
import { type ImportProblem, normaliseProblems } from './import-problem';
import {
  DATASET_KEYS,
  type DatasetKey,
  type DatasetLines,
  FILE_ORDER,
  FORMATS,
  type FileFormat,
  lineOf,
  type RecordOf,
} from './interchange-format';
import { datasetReferences } from './dataset-references';
import { duplicateKeys } from './duplicate-keys';
import { type DatedStake, overSubscribedCompanies } from './stake-sums';

/**
 * What the database already holds, as far as the dataset's rules need it: the ids it may
 * refer to, the stored stakes in the companies it touches, who holds which USCC / LEI.
 * A loader may restrict each part to what the dataset mentions.
 */
export interface ExistingState {
  partyIds: ReadonlySet<string>;
  facilityIds: ReadonlySet<string>;
  shareholdings: readonly Shareholding[];
  /** USCC / LEI → id of the stored entity holding it. */
  usccOwners: ReadonlyMap<string, string>;
  leiOwners: ReadonlyMap<string, string>;
}

export const NOTHING_STORED: ExistingState = {
  partyIds: new Set(),
  facilityIds: new Set(),
  shareholdings: [],
  usccOwners: new Map(),
  leiOwners: new Map(),
};

export function validateDataset(
  dataset: Dataset,
  existing: ExistingState = NOTHING_STORED,
  lines?: DatasetLines,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const refs = datasetReferences(dataset);
  // Row-by-row reference checks are needed only for the ids found nowhere.
  const unknownParties = new Set(
    [...refs.outsideEntities].filter((id) => !existing.partyIds.has(id)),
  );
  const unknownFacilities = new Set(
    [...refs.outsideFacilities].filter((id) => !existing.facilityIds.has(id)),
  );
  for (const key of DATASET_KEYS) {
    const format = FORMATS[key] as FileFormat<RecordOf<DatasetKey>>;
    const records = dataset[key] as RecordOf<DatasetKey>[];
    const at = (i: number, column: string, reason: string): ImportProblem => ({
      file: format.file,
      line: lineOf(lines, key, i),
      column,
      reason,
    });
    const duplicates = duplicateKeys(key, records, refs);
    // A plain loop with no per-record allocation: this runs millions of times.
    for (let i = 0; i < records.length; i++) {
      for (const p of format.validate(records[i])) problems.push(at(i, p.column, p.reason));
      const first = duplicates.get(i);
      if (first !== undefined) {
        const id = format.keyOf(records[i]);
        const column = format.key[format.key.length - 1];
        const what = `duplicate ${format.key.join(',')} "${id}"`;
        problems.push(at(i, column, `${what} (first on line ${lineOf(lines, key, first)})`));
      }
    }
    if (unknownParties.size === 0) continue;
    for (const [column, get] of format.entityRefs) {
      records.forEach((record, i) => {
        const ref = get(record);
        if (ref && unknownParties.has(ref)) {
          problems.push(at(i, column, `unknown entity "${ref}"`));
        }
      });
    }
  }
  if (unknownFacilities.size > 0) {
    dataset.drawings.forEach((d, i) => {
      if (d.facilityId && unknownFacilities.has(d.facilityId)) {
        const line = lineOf(lines, 'drawings', i);
        const reason = `unknown facility "${d.facilityId}"`;
        problems.push({ file: 'drawings.csv', line, column: 'facility', reason });
      }
    });
  }
  // concat, not push(...): a bad million-row dataset must not overflow the argument stack.
  return normaliseProblems(
    problems.concat(
      identifierClashes(dataset, existing, lines),
      stakeSumProblems(dataset, existing, lines),
    ),
    FILE_ORDER,
  );
}

/** The party table keeps USCC and LEI unique: one entity per code. */
function identifierClashes(
  dataset: Dataset,
  existing: ExistingState,
  lines: DatasetLines | undefined,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const inDataset = (id: string) => datasetReferences(dataset).entities.has(id);
  for (const column of ['uscc', 'lei'] as const) {
    const stored = column === 'uscc' ? existing.usccOwners : existing.leiOwners;
    const firstLine = new Map<string, number>();
    dataset.entities.forEach((e, i) => {
      const code = e[column];
      if (!code) return;
      const line = lineOf(lines, 'entities', i);
      const first = firstLine.get(code);
      const owner = stored.get(code);
      if (first !== undefined) {
        problems.push({
          file: 'entities.csv',
          line,
          column,
          reason: `${code} is also given on line ${first}`,
        });
      } else if (owner !== undefined && owner !== e.id && !inDataset(owner)) {
        problems.push({
          file: 'entities.csv',
          line,
          column,
          reason: `${code} already belongs to entity "${owner}"`,
        });
      }
      if (first === undefined) firstLine.set(code, line);
    });
  }
  return problems;
}

function stakeSumProblems(
  dataset: Dataset,
  existing: ExistingState,
  lines: DatasetLines | undefined,
): ImportProblem[] {
  const stakes: DatedStake[] = dataset.shareholdings.map((stake, i) => ({
    stake,
    line: lineOf(lines, 'shareholdings', i),
  }));
  if (existing.shareholdings.length > 0) {
    const replaced = new Set(dataset.shareholdings.map((s) => s.id));
    for (const stake of existing.shareholdings) {
      if (!replaced.has(stake.id)) stakes.push({ stake, line: null });
    }
  }
  return overSubscribedCompanies(stakes).map((o) => ({
    file: 'shareholdings.csv',
    line: o.line,
    column: 'voting_pct',
    reason: `voting stakes in "${o.companyId}" sum to ${o.total} ${o.date === null ? 'before any dated stake' : `on ${o.date}`}, over 100`,
  }));
}
