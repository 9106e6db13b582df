/**
 * The mutable workspace of the generator: creates parties and keeps the per-company budgets
 * that make every row valid by construction (voting capital left, board seats taken).
 * Voting stakes are integer basis points (10 000 = 100 %), so no float ever touches a
 * percentage.
 */
import type { OwnershipType, Party } from '../../src/domain/model';
import type { Calendar } from './calendar';
import { DatedRows } from './dated-rows';
import { FULL } from './decimals';
import type { Rng } from './rng';

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

export class BankBuilder extends DatedRows {
  /** Company number → its party row (numbers are 0-based; ids are `C-<n+1>`). */
  readonly companies: Party[] = [];
  /** Voting basis points not yet reserved by any stake slot. */
  readonly free: Int32Array;
  readonly founded: Int32Array;
  readonly seatsTaken: Uint8Array;
  /** The group company that controls it as built, or -1. */
  readonly parentOf: Int32Array;
  /**
   * When the group's staff (legal representative, board, managers) serve the company: from
   * its purchase by the group, until its sale out of the group; 0 means "no bound".
   */
  readonly staffFrom: Int32Array;
  readonly staffUntil: Int32Array;
  /** Index into `groups`, or -1 for companies outside any group. */
  readonly groupOf: Int32Array;
  readonly groups: GroupRecord[] = [];
  /** Persons with no family or concert ties: safe as minority holders and independent directors. */
  readonly investors: string[] = [];
  readonly states: string[] = [];
  readonly institutions: string[] = [];
  persons = 0;
  institutionsUsed = 0;
  private partySeq = { P: 0, S: 0, I: 0 };

  constructor(
    public rng: Rng,
    cal: Calendar,
    readonly capacity: number,
  ) {
    super(cal);
    this.free = new Int32Array(capacity);
    this.founded = new Int32Array(capacity);
    this.seatsTaken = new Uint8Array(capacity);
    this.parentOf = new Int32Array(capacity).fill(-1);
    this.staffFrom = new Int32Array(capacity);
    this.staffUntil = new Int32Array(capacity);
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
    return this.party(`P-${++this.partySeq.P}`, 'PERSON', name, null, country).id;
  }

  addBody(kind: 'STATE' | 'INSTITUTION', name: string): string {
    const id = kind === 'STATE' ? `S-${++this.partySeq.S}` : `I-${++this.partySeq.I}`;
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
}
