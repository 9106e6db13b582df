import { DATASET_KEYS, FORMATS } from '../../../src/import/interchange-format';
import { stagingDdl, upsertSql } from '../../../src/import/postgres/bulk-upsert';
import { TABLES } from '../../../src/import/postgres/table-specs';

describe('table specs', () => {
  it.each(DATASET_KEYS)('map every column of %s in the README order', (key) => {
    expect(TABLES[key].columns.map((c) => c.file)).toEqual(FORMATS[key].columns);
  });

  it('stages rows in a temporary table of the column types, dropped at the latest on commit', () => {
    expect(stagingDdl(TABLES.drawings)).toBe(
      'create temporary table import_stage_drawing (facility_id text, as_of date, drawn numeric) on commit drop',
    );
  });

  it('upserts from the staging table, updating only rows that changed', () => {
    const sql = upsertSql(TABLES.drawings);
    expect(sql).toContain('select facility_id, as_of, drawn from import_stage_drawing');
    expect(sql).toContain('on conflict (facility_id, as_of) do update set drawn = excluded.drawn');
    expect(sql).toContain('where (cur.drawn) is distinct from (excluded.drawn)');
    expect(upsertSql(TABLES.entities)).toContain('version = cur.version + 1, updated_at = now()');
  });
});
