/**
 * Rows whose key (id, or natural key) an earlier row of the same file already has, with the
 * index of that first row. One hash operation per row: at a million rows per file the
 * look-ups, not the rules, are what validation spends its time on.
 */
import type { DatasetReferences } from './dataset-references';
import { type DatasetKey, FORMATS, type FileFormat, type RecordOf } from './interchange-format';

/** Index of a repeated row → index of the first row with its key. */
export type Duplicates = ReadonlyMap<number, number>;

export function duplicateKeys(
  key: DatasetKey,
  records: readonly RecordOf<DatasetKey>[],
  refs: DatasetReferences,
): Duplicates {
  const format = FORMATS[key] as FileFormat<RecordOf<DatasetKey>>;
  const keys = records.map((r) => format.keyOf(r));
  // Entity and facility ids are indexed already, first rows included.
  const indexed =
    key === 'entities' ? refs.entities : key === 'facilities' ? refs.facilities : null;
  const found = new Map<number, number>();
  if (indexed) {
    keys.forEach((k, i) => {
      const first = k === '' ? i : (indexed.get(k) ?? i);
      if (first !== i) found.set(i, first);
    });
    return found;
  }
  const seen = new Set<string>();
  const repeated: number[] = [];
  keys.forEach((k, i) => {
    if (k === '') return;
    const size = seen.size;
    if (seen.add(k).size === size) repeated.push(i);
  });
  if (repeated.length === 0) return found;
  const first = new Map<string, number>();
  keys.forEach((k, i) => {
    if (!first.has(k)) first.set(k, i);
  });
  for (const i of repeated) found.set(i, first.get(keys[i]) ?? i);
  return found;
}
