import { DATASET_KEYS, FORMATS } from '../../../src/import/interchange-format';
import { upsertSql } from '../../../src/import/postgres/bulk-upsert';
import { TABLES } from '../../../src/import/postgres/table-specs';

describe('table specs', () => {
  it.each(DATASET_KEYS)('map every column of %s in the README order', (key) => {
    expect(TABLES[key].columns.map((c) => c.file)).toEqual(FORMATS[key].columns);
  });

  it('upserts one array per column, updating only rows that changed', () => {
    const sql = upsertSql(TABLES.drawings);
    expect(sql).toContain('select * from unnest(?::text[], ?::date[], ?::numeric[])');
    expect(sql).toContain('on conflict (facility_id, as_of) do update set drawn = excluded.drawn');
    expect(sql).toContain('where (cur.drawn) is distinct from (excluded.drawn)');
    expect(upsertSql(TABLES.entities)).toContain('version = cur.version + 1, updated_at = now()');
  });
});
