import type {
  CodedColumn,
  ControlColumns,
  EdgeColumns,
  EntityColumns,
} from '../../domain/control/control-columns';
import { packedIdColumn } from '../../domain/control/id-column';
import type { Party } from '../../domain/model';
import { Dictionary } from '../graph-columns';
import type { GraphColumns } from '../graph-store';
import { RowTable, TABLE_FIELDS, type EntityNumbers, type TableName } from '../graph-tables';

/**
 * The engine's columnar input (domain/control/control-columns) over a store's columns, as
 * they are: ends are already entity numbers, coded fields already codes. Records are built
 * from the columns only for the rows a reader of the facts asks for.
 */
export function controlColumnsOf(columns: GraphColumns): ControlColumns {
  const dates = new Dictionary(columns.dates);
  const ids = packedIdColumn(columns.ids);
  const entities: EntityNumbers = {
    numberOf: () => {
      throw new Error('control columns: read-only');
    },
    idOf: (i) => ids.idOf(i),
  };
  const table = (name: TableName) => {
    const rows = new RowTable(TABLE_FIELDS[name], entities, dates, columns.tables[name]);
    const at = (field: string) => {
      const i = rows.fields.findIndex((f) => f.name === field);
      if (i < 0) throw new Error(`control columns: ${name} has no ${field}`);
      return i;
    };
    const ints = (field: string) => rows.ints[at(field)]!;
    // Ends and integers are always 32-bit (graph-tables); codes and dates may be narrower.
    const int32s = (field: string): Int32Array => {
      const column = ints(field);
      if (!(column instanceof Int32Array))
        throw new Error(`control columns: ${field} is not 32-bit`);
      return column;
    };
    const coded = (field: string): CodedColumn => ({
      code: ints(field),
      values: rows.codes[at(field)]!.values,
    });
    const edges = <T>(from: string, to: string): EdgeColumns<T> => ({
      count: rows.length,
      dead: rows.dead,
      from: int32s(from),
      to: int32s(to),
      validFrom: ints('validFrom'),
      validTo: ints('validTo'),
      id: (r) => rows.keyOf(r),
      record: (r) => rows.record(r) as T,
    });
    return { rows, ints, int32s, coded, edges };
  };

  const parties = table('entities');
  const entityColumns: EntityColumns = {
    count: parties.rows.length,
    dead: parties.rows.dead,
    ids,
    kind: parties.coded('kind'),
    ownership: parties.coded('ownership'),
    boardSeats: parties.int32s('boardSeats'),
    record: (i) => parties.rows.record(i) as unknown as Party,
  };
  const shareholdings = table('shareholdings');
  const roles = table('roles');
  const family = table('familyTies');
  const links = table('links');
  const designations = table('designations');
  return {
    entities: entityColumns,
    dates: columns.dates,
    shareholdings: {
      ...shareholdings.edges('holderId', 'companyId'),
      votingPct: shareholdings.coded('votingPct'),
    },
    roles: {
      ...roles.edges('holderId', 'companyId'),
      role: roles.coded('role'),
      appointedBy: roles.int32s('appointedById'),
    },
    familyTies: {
      ...family.edges('personAId', 'personBId'),
      relation: family.coded('relation'),
    },
    links: { ...links.edges('fromId', 'toId'), type: links.coded('type') },
    guarantees: table('guarantees').edges('guarantorId', 'borrowerId'),
    designations: {
      ...designations.edges('entityId', 'targetId'),
      kind: designations.coded('kind'),
    },
  };
}
