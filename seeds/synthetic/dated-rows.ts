/**
 * Appends dated rows to a `Dataset` with sequential ids (`SH-1`, `RO-1`, …) and ISO dates
 * from the calendar's day numbers. Stakes arrive as integer basis points and become decimal
 * strings only here.
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
import { pct } from './decimals';

export abstract class DatedRows {
  readonly data: Dataset = emptyDataset();
  private rowSeq = { SH: 0, RO: 0, FA: 0, LK: 0, GU: 0 };

  constructor(readonly cal: Calendar) {}

  abstract companyId(n: number): string;

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
      id: `SH-${++this.rowSeq.SH}`,
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
      id: `RO-${++this.rowSeq.RO}`,
      holderId: holder,
      companyId: this.companyId(co),
      role,
      appointedById: appointedBy,
      validFrom: this.cal.isoOrNull(from),
      validTo: this.cal.isoOrNull(to),
      source: appointedBy === null ? 'registry' : 'annual report',
    });
  }

  tie(
    a: string,
    b: string,
    relation: FamilyRelation,
    from: number | null,
    to: number | null = null,
  ): void {
    this.data.familyTies.push({
      id: `FA-${++this.rowSeq.FA}`,
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
      id: `LK-${++this.rowSeq.LK}`,
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
      id: `GU-${++this.rowSeq.GU}`,
      guarantorId: this.companyId(guarantor),
      borrowerId: this.companyId(borrower),
      amount,
      currency,
      validFrom: this.cal.iso(from),
      validTo: this.cal.isoOrNull(to),
    });
  }

  protected party(
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
