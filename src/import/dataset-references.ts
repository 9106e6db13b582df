/**
 * The ids a dataset defines and the references it makes that it does not define itself:
 * the stored-state loader asks the database about the latter, and validation needs to look
 * at references row by row only when one of them is found nowhere. Worked out once per
 * dataset (a bulk import has millions of references, each a hash look-up) and kept while the
 * dataset object lives; a dataset is not changed once read.
 */
import type { Dataset } from '../domain/model';
import { DATASET_KEYS, type DatasetKey, FORMATS, type RecordOf } from './interchange-format';

export interface DatasetReferences {
  /** Entity id → index of its first record in entities.csv. */
  entities: ReadonlyMap<string, number>;
  /** Facility id → index of its first record in facilities.csv. */
  facilities: ReadonlyMap<string, number>;
  /** Entity ids referred to but not defined by the dataset. */
  outsideEntities: ReadonlySet<string>;
  /** Facility ids drawn on but not defined by the dataset. */
  outsideFacilities: ReadonlySet<string>;
}

const computed = new WeakMap<Dataset, DatasetReferences>();

export function datasetReferences(dataset: Dataset): DatasetReferences {
  let refs = computed.get(dataset);
  if (!refs) computed.set(dataset, (refs = compute(dataset)));
  return refs;
}

function compute(dataset: Dataset): DatasetReferences {
  const entities = firstIndexes(dataset.entities.map((e) => e.id));
  const facilities = firstIndexes(dataset.facilities.map((f) => f.id));
  const outsideEntities = new Set<string>();
  for (const key of DATASET_KEYS) {
    const getters = FORMATS[key].entityRefs.map(([, get]) => get) as ReadonlyArray<
      (r: RecordOf<DatasetKey>) => string | null
    >;
    if (getters.length === 0) continue;
    const records = dataset[key] as RecordOf<DatasetKey>[];
    // Consecutive rows often name the same entity (a company's holders, its officers).
    const last: (string | null)[] = getters.map(() => null);
    for (let i = 0; i < records.length; i++) {
      for (let g = 0; g < getters.length; g++) {
        const id = getters[g](records[i]);
        if (!id || id === last[g]) continue;
        last[g] = id;
        if (!entities.has(id)) outsideEntities.add(id);
      }
    }
  }
  const outsideFacilities = new Set<string>();
  for (const d of dataset.drawings) {
    if (d.facilityId && !facilities.has(d.facilityId)) outsideFacilities.add(d.facilityId);
  }
  return { entities, facilities, outsideEntities, outsideFacilities };
}

function firstIndexes(ids: readonly string[]): Map<string, number> {
  const first = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) if (!first.has(ids[i])) first.set(ids[i], i);
  return first;
}
