/**
 * The interchange format (../shared/formats/README.md) as data: per file its name, columns
 * in the README's order, the columns a row cannot do without, the key that identifies a
 * row, the entity references, and the parser, formatter and validator of its records.
 */
import type { Dataset } from '../domain/model';
import type { FieldProblem } from './import-problem';
import type { RowCells } from './row-cells';
import * as fmt from './row-formatters';
import * as parse from './row-parsers';
import * as check from './record-validators';

export interface FileFormat<T> {
  file: string;
  columns: readonly string[];
  required: readonly string[];
  /** The columns whose values identify a row within the file (its id or natural key). */
  key: readonly string[];
  keyOf(record: T): string;
  /** Columns that name an entity id, with how to read them from the record. */
  entityRefs: ReadonlyArray<readonly [column: string, get: (record: T) => string | null]>;
  parse(cells: RowCells): T;
  format(record: T): fmt.CsvRow;
  validate(record: T): FieldProblem[];
}

export type DatasetKey = keyof Dataset;
export type RecordOf<K extends DatasetKey> = Dataset[K][number];
export type DatasetFormats = { [K in DatasetKey]: FileFormat<RecordOf<K>> };

const VALIDITY = ['valid_from', 'valid_to'] as const;
const byId = { key: ['id'], keyOf: (r: { id: string }) => r.id } as const;

export const FORMATS: DatasetFormats = {
  entities: {
    file: 'entities.csv',
    columns: ['id', 'kind', 'name', 'ownership', 'country', 'uscc', 'lei', 'industry'].concat([
      'board_seats',
      'customer',
      'portfolio',
    ]),
    required: ['id', 'kind', 'name'],
    ...byId,
    entityRefs: [],
    parse: parse.parseParty,
    format: fmt.formatParty,
    validate: check.validateParty,
  },
  shareholdings: {
    file: 'shareholdings.csv',
    columns: ['id', 'holder', 'company', 'voting_pct', 'equity_pct', ...VALIDITY, 'source'],
    required: ['id', 'holder', 'company', 'voting_pct'],
    ...byId,
    entityRefs: [
      ['holder', (r) => r.holderId],
      ['company', (r) => r.companyId],
    ],
    parse: parse.parseShareholding,
    format: fmt.formatShareholding,
    validate: check.validateShareholding,
  },
  roles: {
    file: 'roles.csv',
    columns: ['id', 'holder', 'company', 'role', 'appointed_by', ...VALIDITY, 'source'],
    required: ['id', 'holder', 'company', 'role'],
    ...byId,
    entityRefs: [
      ['holder', (r) => r.holderId],
      ['company', (r) => r.companyId],
      ['appointed_by', (r) => r.appointedById],
    ],
    parse: parse.parseRole,
    format: fmt.formatRole,
    validate: check.validateRole,
  },
  familyTies: {
    file: 'family.csv',
    columns: ['id', 'person_a', 'person_b', 'relation', ...VALIDITY, 'source'],
    required: ['id', 'person_a', 'person_b', 'relation'],
    ...byId,
    entityRefs: [
      ['person_a', (r) => r.personAId],
      ['person_b', (r) => r.personBId],
    ],
    parse: parse.parseFamilyTie,
    format: fmt.formatFamilyTie,
    validate: check.validateFamilyTie,
  },
  links: {
    file: 'links.csv',
    columns: ['id', 'from', 'to', 'type', ...VALIDITY, 'source', 'reason'],
    required: ['id', 'from', 'to', 'type'],
    ...byId,
    entityRefs: [
      ['from', (r) => r.fromId],
      ['to', (r) => r.toId],
    ],
    parse: parse.parseControlLink,
    format: fmt.formatControlLink,
    validate: check.validateControlLink,
  },
  guarantees: {
    file: 'guarantees.csv',
    columns: ['id', 'guarantor', 'borrower', 'amount', 'currency', ...VALIDITY],
    required: ['id', 'guarantor', 'borrower', 'amount', 'currency'],
    ...byId,
    entityRefs: [
      ['guarantor', (r) => r.guarantorId],
      ['borrower', (r) => r.borrowerId],
    ],
    parse: parse.parseGuarantee,
    format: fmt.formatGuarantee,
    validate: check.validateGuarantee,
  },
  facilities: {
    file: 'facilities.csv',
    columns: ['id', 'borrower', 'product', 'limit', 'currency', 'committed', 'cancellable'].concat([
      'start',
      'maturity',
      'cash_margin',
      'guarantor',
      'guaranteed_amount',
    ]),
    required: ['id', 'borrower', 'product', 'limit', 'currency'],
    ...byId,
    entityRefs: [
      ['borrower', (r) => r.borrowerId],
      ['guarantor', (r) => r.guarantorId],
    ],
    parse: parse.parseFacility,
    format: fmt.formatFacility,
    validate: check.validateFacility,
  },
  drawings: {
    file: 'drawings.csv',
    columns: ['facility', 'as_of', 'drawn'],
    required: ['facility', 'as_of', 'drawn'],
    key: ['facility', 'as_of'],
    keyOf: (r) => `${r.facilityId},${r.asOf}`,
    entityRefs: [],
    parse: parse.parseDrawing,
    format: fmt.formatDrawing,
    validate: check.validateDrawing,
  },
  fxRates: {
    file: 'fx_rates.csv',
    columns: ['currency', 'as_of', 'rate'],
    required: ['currency', 'as_of', 'rate'],
    key: ['currency', 'as_of'],
    keyOf: (r) => `${r.currency},${r.asOf}`,
    entityRefs: [],
    parse: parse.parseFxRate,
    format: fmt.formatFxRate,
    validate: check.validateFxRate,
  },
  capital: {
    file: 'capital.csv',
    columns: ['as_of', 'tier1_capital', 'net_capital', 'currency'],
    required: ['as_of', 'tier1_capital', 'net_capital', 'currency'],
    key: ['as_of'],
    keyOf: (r) => r.asOf,
    entityRefs: [],
    parse: parse.parseCapital,
    format: fmt.formatCapital,
    validate: check.validateCapital,
  },
  groupLimits: {
    file: 'group_limits.csv',
    columns: ['id', 'member', 'limit', 'currency', ...VALIDITY],
    required: ['id', 'member', 'limit', 'currency'],
    ...byId,
    entityRefs: [['member', (r) => r.memberId]],
    parse: parse.parseGroupLimit,
    format: fmt.formatGroupLimit,
    validate: check.validateGroupLimit,
  },
};

/** The files in the README's order, which is also a safe load order (entities first). */
export const DATASET_KEYS = Object.keys(FORMATS) as DatasetKey[];
export const FILE_ORDER: readonly string[] = DATASET_KEYS.map((k) => FORMATS[k].file);

/** Line numbers of each record in its file (header = 1), parallel to the dataset's arrays. */
export type DatasetLines = { [K in DatasetKey]: number[] };

export function lineOf(lines: DatasetLines | undefined, key: DatasetKey, index: number): number {
  return lines?.[key][index] ?? index + 2;
}
