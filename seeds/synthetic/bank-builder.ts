/**
 * The mutable workspace of the generator: appends rows to a `Dataset` and keeps the
 * per-company budgets that make every row valid by construction (voting capital left,
 * board seats taken). Voting stakes are integer basis points (10 000 = 100 %) and become
 * decimal strings only on the row, so no float ever touches a percentage.
 */
import {
  emptyDataset,
  type Dataset,
  type EntityKind,
  type FamilyRelation,
  type LinkType,
  type OwnershipType,
  type Party,
  type RoleType,
} from '../../src/domain/model';
import type { Calendar } from './calendar';
import type { Rng } from './rng';

export const FULL = 10_000;

export type GroupKind =
  'FAMILY' | 'STATE' | 'CONCERT' | 'FOREIGN' | 'DISPERSED' | 'MUTUAL' | 'INSTITUTION';

/** A group as built (its companies are numbered `first..last`); derivation may differ by date. */
export interface GroupRecord {
  kind: GroupKind;
  first: number;
  last: number;
  members: number;
}

export interface CompanySpec {
  name: string;
  ownership: OwnershipType;
  country: string;
  industry: string;
  founded: number;
  uscc: string | null;
  lei: string | null;
  portfolio: string | null;
}

/** One occupant of a board seat; successive occupants of a seat never overlap in time. */
export interface SeatOccupant {
  holder: string;
  role: 'CHAIRMAN' | 'DIRECTOR';
  appointedBy: string | null;
  from: number | null;
  to: number | null;
}

const PCT: string[] = [];
/** Basis points as a decimal string: 3550 → "35.5", 10000 → "100". Shared string instances. */
export function pct(bp: number): string {
  if (!Number.isInteger(bp) || bp <= 0 || bp > FULL) throw new RangeError(`pct: bad stake ${bp}`);
  const frac = bp % 100;
  const tail = frac === 0 ? '' : `.${String(frac).padStart(2, '0')}`.replace(/0$/, '');
  return (PCT[bp] ??= `${(bp - frac) / 100}${tail}`);
}

export class BankBuilder {
  readonly data: Dataset = emptyDataset();
  /** Company number → its party row (numbers are 0-based; ids are `C-<n+1>`). */
  readonly companies: Party[] = [];
  /** Voting basis points not yet reserved by any stake slot. */
  readonly free: Int32Array;
  readonly founded: Int32Array;
  readonly seatsTaken: Uint8Array;
  /** The group company that controls it as built, or -1. */
  readonly parentOf: Int32Array;
  /** Index into `groups`, or -1 for companies outside any group. */
  readonly groupOf: Int32Array;
  readonly groups: GroupRecord[] = [];
  /** Persons with no family or concert ties: safe as minority holders and independent directors. */
  readonly investors: string[] = [];
  readonly states: string[] = [];
  readonly institutions: string[] = [];
  persons = 0;
  institutionsUsed = 0;
  private seq = { P: 0, S: 0, I: 0, SH: 0, RO: 0, FA: 0, LK: 0, GU: 0 };

  constructor(
    public rng: Rng,
    readonly cal: Calendar,
    readonly capacity: number,
  ) {
    this.free = new Int32Array(capacity);
    this.founded = new Int32Array(capacity);
    this.seatsTaken = new Uint8Array(capacity);
    this.parentOf = new Int32Array(capacity).fill(-1);
    this.groupOf = new Int32Array(capacity).fill(-1);
  }

  get entityCount(): number {
    return this.data.entities.length;
  }

  companyId(n: number): string {
    return this.companies[n].id;
  }

  addCompany(spec: CompanySpec, group = -1): number {
    const n = this.companies.length;
    if (n >= this.capacity) throw new RangeError('bank-builder: company capacity exceeded');
    const party = this.party(`C-${n + 1}`, 'COMPANY', spec.name, spec.ownership, spec.country);
    party.uscc = spec.uscc;
    party.lei = spec.lei;
    party.industry = spec.industry;
    party.portfolio = spec.portfolio;
    this.companies.push(party);
    this.free[n] = FULL;
    this.founded[n] = spec.founded;
    this.groupOf[n] = group;
    return n;
  }

  addPerson(name: string, country = 'CN'): string {
    this.persons++;
    return this.party(`P-${++this.seq.P}`, 'PERSON', name, null, country).id;
  }

  addBody(kind: 'STATE' | 'INSTITUTION', name: string): string {
    const id = kind === 'STATE' ? `S-${++this.seq.S}` : `I-${++this.seq.I}`;
    this.party(id, kind, name, null, 'CN');
    (kind === 'STATE' ? this.states : this.institutions).push(id);
    return id;
  }

  reserve(co: number, bp: number): void {
    if (bp > this.free[co]) throw new RangeError(`bank-builder: C-${co + 1} over 100 %`);
    this.free[co] -= bp;
  }

  /** Reserves `bp` and writes one stake row. */
  stake(
    holder: string,
    co: number,
    bp: number,
    from: number | null,
    to: number | null = null,
  ): void {
    this.reserve(co, bp);
    this.stakeRow(holder, co, bp, from, to);
  }

  /** A row inside an already reserved slot (an earlier or later holder of the same stake). */
  stakeRow(
    holder: string,
    co: number,
    bp: number,
    from: number | null,
    to: number | null,
    equityBp = bp,
  ): void {
    const votingPct = pct(bp);
    this.data.shareholdings.push({
      id: `SH-${++this.seq.SH}`,
      holderId: holder,
      companyId: this.companyId(co),
      votingPct,
      equityPct: equityBp === bp ? votingPct : pct(equityBp),
      validFrom: this.cal.isoOrNull(from),
      validTo: this.cal.isoOrNull(to),
      source: 'registry',
    });
  }

  role(
    holder: string,
    co: number,
    role: RoleType,
    appointedBy: string | null,
    from: number | null,
    to: number | null = null,
  ): void {
    this.data.roles.push({
      id: `RO-${++this.seq.RO}`,
      holderId: holder,
      companyId: this.companyId(co),
      role,
      appointedById: appointedBy,
      validFrom: this.cal.isoOrNull(from),
      validTo: this.cal.isoOrNull(to),
      source: appointedBy === null ? 'registry' : 'annual report',
    });
  }

  setBoard(co: number, seats: number): void {
    const party = this.companies[co];
    party.boardSeats = Math.max(party.boardSeats ?? 0, seats);
  }

  seatsLeft(co: number): number {
    return (this.companies[co].boardSeats ?? 0) - this.seatsTaken[co];
  }

  /** Takes one board seat and writes its occupants, one row each. */
  seat(co: number, occupants: readonly SeatOccupant[]): void {
    if (this.seatsLeft(co) <= 0) throw new RangeError(`bank-builder: C-${co + 1} board is full`);
    this.seatsTaken[co]++;
    for (const o of occupants) this.role(o.holder, co, o.role, o.appointedBy, o.from, o.to);
  }

  tie(
    a: string,
    b: string,
    relation: FamilyRelation,
    from: number | null,
    to: number | null = null,
  ): void {
    this.data.familyTies.push({
      id: `FA-${++this.seq.FA}`,
      personAId: a,
      personBId: b,
      relation,
      validFrom: this.cal.isoOrNull(from),
      validTo: this.cal.isoOrNull(to),
      source: 'civil registry',
    });
  }

  link(
    from: string,
    to: string,
    type: LinkType,
    since: number | null,
    until: number | null,
    source: string,
    reason: string | null = null,
  ): void {
    this.data.links.push({
      id: `LK-${++this.seq.LK}`,
      fromId: from,
      toId: to,
      type,
      validFrom: this.cal.isoOrNull(since),
      validTo: this.cal.isoOrNull(until),
      source,
      reason,
    });
  }

  guarantee(
    guarantor: number,
    borrower: number,
    amount: string,
    currency: string,
    from: number,
    to: number | null,
  ): void {
    this.data.guarantees.push({
      id: `GU-${++this.seq.GU}`,
      guarantorId: this.companyId(guarantor),
      borrowerId: this.companyId(borrower),
      amount,
      currency,
      validFrom: this.cal.iso(from),
      validTo: this.cal.isoOrNull(to),
    });
  }

  private party(
    id: string,
    kind: EntityKind,
    name: string,
    ownership: OwnershipType | null,
    country: string,
  ): Party {
    const party: Party = {
      id,
      kind,
      name,
      ownership,
      country,
      uscc: null,
      lei: null,
      industry: null,
      boardSeats: null,
      customer: false,
      portfolio: null,
    };
    this.data.entities.push(party);
    return party;
  }
}
