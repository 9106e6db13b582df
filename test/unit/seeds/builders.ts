/**
 * Fixtures for the seeds tests: small hand-made datasets that break one import rule each,
 * so the checks the generated bank is held to are shown to fail when they should.
 */
import {
  emptyDataset,
  type ControlLink,
  type Dataset,
  type Party,
  type Role,
  type RoleType,
  type Shareholding,
} from '../../../src/domain/model';

export function aCompany(id: string, overrides: Partial<Party> = {}): Party {
  return {
    id,
    kind: 'COMPANY',
    name: id,
    ownership: 'PRIVATE',
    country: 'CN',
    uscc: null,
    lei: null,
    industry: null,
    boardSeats: null,
    customer: false,
    portfolio: null,
    ...overrides,
  };
}

export function aPerson(id: string): Party {
  return aCompany(id, { kind: 'PERSON', ownership: null });
}

export function aShareholding(
  holderId: string,
  companyId: string,
  votingPct: string,
  overrides: Partial<Shareholding> = {},
): Shareholding {
  return {
    id: `SH-${holderId}-${companyId}-${votingPct}`,
    holderId,
    companyId,
    votingPct,
    equityPct: votingPct,
    validFrom: null,
    validTo: null,
    source: null,
    ...overrides,
  };
}

export function aRole(
  holderId: string,
  companyId: string,
  role: RoleType,
  overrides: Partial<Role> = {},
): Role {
  return {
    id: `RO-${holderId}-${companyId}-${role}-${overrides.validFrom ?? ''}`,
    holderId,
    companyId,
    role,
    appointedById: null,
    validFrom: null,
    validTo: null,
    source: null,
    ...overrides,
  };
}

export function aLink(
  fromId: string,
  toId: string,
  overrides: Partial<ControlLink> = {},
): ControlLink {
  return {
    id: `LK-${fromId}-${toId}`,
    fromId,
    toId,
    type: 'CONSOLIDATION',
    validFrom: null,
    validTo: null,
    source: null,
    reason: null,
    ...overrides,
  };
}

/** A valid little dataset: P-1 holds 60 % of C-1, which holds 100 % of C-2. */
export function aSmallBank(overrides: Partial<Dataset> = {}): Dataset {
  return {
    ...emptyDataset(),
    entities: [aPerson('P-1'), aPerson('P-2'), aCompany('C-1', { boardSeats: 3 }), aCompany('C-2')],
    shareholdings: [aShareholding('P-1', 'C-1', '60'), aShareholding('C-1', 'C-2', '100')],
    roles: [aRole('P-1', 'C-1', 'CHAIRMAN')],
    capital: [{ asOf: '2026-06-30', tier1Capital: '1000', netCapital: '1200', currency: 'CNY' }],
    ...overrides,
  };
}
