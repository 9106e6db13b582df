/**
 * The compact graph of one date from columns (see control-columns): the same CompactGraph
 * `compactGraph` makes from records, with no string looked up. Entities are renumbered in
 * id order through one integer map; each row's validity is two array reads (a date code
 * is compared with the date once per distinct date); records are built only when a later
 * reader asks for them (evidence, sentences, guarantee circles).
 */
import { ValidationError } from '../errors';
import { IdIndex } from '../graph/id-index';
import { float64, int32, uint8 } from '../graph/typed-arena';
import { buildBoardData } from './compact-board';
import {
  CompactGraph,
  DESIGNATION_CODE,
  FAMILY_CODE,
  KIND_CODE,
  LINK_CODE,
  NO_CODE,
} from './compact-graph';
import { buildHoldings } from './compact-holdings';
import { CodedColumn, ControlColumns, EdgeColumns, NO_SEATS } from './control-columns';
import { entityOrder } from './entity-order';
import { scalePct } from './percent-scale';
import { Problems, ROLE_CODE, RowEnds } from './row-resolution';

/** The compact graph, and the input number of each of its entity indices. */
export function compactColumns(
  input: ControlColumns,
  asOf: string,
): { graph: CompactGraph; numberOf: Int32Array } {
  const e = input.entities;
  const order = entityOrder(e.dead, e.ids);
  const n = order.length;
  const indexOf = new Int32Array(e.count).fill(-1);
  const kind = uint8(n);
  const privateCompany = uint8(n);
  const kindOf = codeMap(e.kind, KIND_CODE as Readonly<Record<string, number>>);
  const ownershipOf = codeMap(e.ownership, { PRIVATE: 1 });
  for (let x = 0; x < n; x++) {
    const i = order[x];
    indexOf[i] = x;
    kind[x] = kindOf[e.kind.code[i]];
    privateCompany[x] =
      kind[x] === KIND_CODE.COMPANY && ownershipOf[e.ownership.code[i]] === 1 ? 1 : 0;
  }

  const rows = new RowReader(input, asOf, indexOf);
  const shares = rows.keep('shareholding', input.shareholdings);
  const roles = rows.keep('role', input.roles);
  rows.appointerProblems(roles.rowOf);
  const links = rows.keep('link', input.links);
  const family = rows.keep('family tie', input.familyTies);
  const guarantees = rows.keep('guarantee', input.guarantees);
  const designations = rows.keep('designation', input.designations);
  if (rows.problems.length > 0) throw ValidationError.of(rows.problems);

  const votingPct = scaledColumn(input.shareholdings.votingPct, shares.rowOf);
  const roleCode = mapped(roles.rowOf, input.roles.role, ROLE_CODE);
  const appointer = int32(roles.rowOf.length);
  roles.rowOf.forEach((r, k) => {
    const by = input.roles.appointedBy[r];
    appointer[k] = by < 0 ? -1 : indexOf[by];
  });
  const seats = e.boardSeats;
  const records = <T>(rows: Int32Array, record: (row: number) => T) => {
    let built: T[] | undefined;
    return () => (built ??= Array.from(rows, record));
  };
  const shareRecords = records(shares.rowOf, (r) => input.shareholdings.record(r));
  const roleRecords = records(roles.rowOf, (r) => input.roles.record(r));
  const linkRecords = records(links.rowOf, (r) => input.links.record(r));
  const familyRecords = records(family.rowOf, (r) => input.familyTies.record(r));
  const guaranteeRecords = records(guarantees.rowOf, (r) => input.guarantees.record(r));
  const designationRecords = records(designations.rowOf, (r) => input.designations.record(r));
  // Records are getters, built at the first read (evidence, sentences, circles) and kept.
  // The id index is built when first read (explanations, sentences): a whole-bank pass in
  // the worker reads no id but in messages (see id-column).
  let index: IdIndex | undefined;
  const g: CompactGraph = {
    asOf,
    get index() {
      return (index ??= IdIndex.ofSortedUnique(Array.from(order, (i) => e.ids.idOf(i))));
    },
    n,
    party: (x) => e.record(order[x]),
    kind,
    privateCompany,
    get shares() {
      return shareRecords();
    },
    shareEnds: shares.ends,
    holdings: buildHoldings(n, shares.ends, votingPct),
    get roles() {
      return roleRecords();
    },
    roleEnds: roles.ends,
    roleCode,
    board: buildBoardData(
      n,
      (y) => (seats[order[y]] === NO_SEATS ? null : seats[order[y]]),
      roles.ends,
      roleCode,
      appointer,
    ),
    get links() {
      return linkRecords();
    },
    linkEnds: links.ends,
    linkType: mapped(links.rowOf, input.links.type, LINK_CODE),
    get family() {
      return familyRecords();
    },
    familyEnds: family.ends,
    familyRelation: mapped(family.rowOf, input.familyTies.relation, FAMILY_CODE),
    familyId: (r: number) => input.familyTies.id(family.rowOf[r]),
    get guarantees() {
      return guaranteeRecords();
    },
    guaranteeEnds: guarantees.ends,
    get designations() {
      return designationRecords();
    },
    designationEnds: designations.ends,
    designationKind: mapped(designations.rowOf, input.designations.kind, DESIGNATION_CODE),
  };
  return { graph: g, numberOf: order };
}

interface KeptRows {
  /** Input row of each kept row. */
  rowOf: Int32Array;
  ends: RowEnds;
}

/** Keeps the rows live and valid on the date whose ends are two different entities. */
class RowReader {
  readonly problems: Problems = [];
  /** Per date code: 1 when a row starting then has started by the date. */
  private readonly started: Uint8Array;
  /** Per date code: 1 when a row ending then still holds on the date. */
  private readonly running: Uint8Array;

  constructor(
    private readonly input: ControlColumns,
    asOf: string,
    private readonly indexOf: Int32Array,
  ) {
    const dates = input.dates;
    this.started = new Uint8Array(dates.length);
    this.running = new Uint8Array(dates.length);
    for (let c = 0; c < dates.length; c++) {
      this.started[c] = dates[c] <= asOf ? 1 : 0;
      this.running[c] = asOf < dates[c] ? 1 : 0;
    }
  }

  keep<T>(file: string, t: EdgeColumns<T>): KeptRows {
    const { dead, from, to, validFrom, validTo } = t;
    const { indexOf, started, running } = this;
    const rowOf = int32(t.count);
    const keptFrom = int32(t.count);
    const keptTo = int32(t.count);
    let kept = 0;
    for (let r = 0; r < t.count; r++) {
      if (dead[r] === 1) continue;
      const vf = validFrom[r];
      const vt = validTo[r];
      if ((vf >= 0 && started[vf] === 0) || (vt >= 0 && running[vt] === 0)) continue;
      const a = from[r] < 0 ? -1 : indexOf[from[r]];
      const b = to[r] < 0 ? -1 : indexOf[to[r]];
      if (a === -1 || b === -1) {
        this.unknown(file, t.id(r), a === -1 ? from[r] : to[r]);
        continue;
      }
      // A row from an entity to itself carries no control; validation rejects it upstream.
      if (a === b) continue;
      rowOf[kept] = r;
      keptFrom[kept] = a;
      keptTo[kept++] = b;
    }
    return {
      rowOf: rowOf.subarray(0, kept),
      ends: { from: keptFrom.subarray(0, kept), to: keptTo.subarray(0, kept) },
    };
  }

  /** Roles' appointers unknown on the date, after every row's own ends (as compactGraph). */
  appointerProblems(kept: Int32Array): void {
    const by = this.input.roles.appointedBy;
    for (const r of kept) {
      if (by[r] >= 0 && this.indexOf[by[r]] === -1)
        this.unknown('role', this.input.roles.id(r), by[r]);
    }
  }

  private unknown(file: string, id: string, entity: number): void {
    const ref = entity < 0 ? 'null' : this.input.entities.ids.idOf(entity);
    this.problems.push(`control graph: ${file} ${id} references unknown entity "${ref}"`);
  }
}

/** The code in `codes` of each value of a coded column (NO_CODE for values not listed). */
function codeMap(column: CodedColumn, codes: Readonly<Record<string, number>>): Uint8Array {
  const out = new Uint8Array(column.values.length);
  column.values.forEach((v, c) => (out[c] = codes[v] ?? NO_CODE));
  return out;
}

/** The kept rows' values of a coded column, recoded against `codes`. */
function mapped(
  rowOf: Int32Array,
  column: CodedColumn,
  codes: Readonly<Record<string, number>>,
): Uint8Array {
  const map = codeMap(column, codes);
  const out = uint8(rowOf.length);
  for (let k = 0; k < rowOf.length; k++) out[k] = map[column.code[rowOf[k]]];
  return out;
}

/** Each kept row's percentage scaled (percent-scale), each distinct value read once. */
function scaledColumn(column: CodedColumn, rowOf: Int32Array): Float64Array {
  const scaled = new Float64Array(column.values.length).fill(-1);
  const out = float64(rowOf.length);
  for (let k = 0; k < rowOf.length; k++) {
    const c = column.code[rowOf[k]];
    if (scaled[c] < 0) scaled[c] = scalePct(column.values[c]);
    out[k] = scaled[c];
  }
  return out;
}
