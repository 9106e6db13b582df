/**
 * Invariants of the exposure math on random books: mitigation only lowers exposure, a group
 * is the sum of its members, and substitution moves exposure without creating or losing it.
 */
import fc from 'fast-check';
import {
  clientExposure,
  FacilityExposure,
  facilityExposuresOn,
  groupExposure,
} from '../../../src/domain/exposure';
import { Capital, Facility, FxRate, PRODUCTS } from '../../../src/domain/model';
import { Decimal, sum } from '../../../src/domain/money/decimal';
import { DEFAULT_EXPOSURE_POLICY } from '../../../src/domain/policy/exposure-policy';
import { aDrawing, aFacility } from './builders';

const policy = DEFAULT_EXPOSURE_POLICY;
const asOf = '2026-09-30';
const CLIENTS = ['C-0', 'C-1', 'C-2', 'C-3', 'C-4', 'C-5'];
const fxRates: FxRate[] = [{ currency: 'USD', asOf: '2026-01-01', rate: '7.1234' }];
const capital: Capital[] = [
  { asOf, tier1Capital: '50000000000', netCapital: '62000000000', currency: 'CNY' },
];

const amount = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 11n }), fc.integer({ min: 0, max: 99 }))
  .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`);

const facilityArb = fc.record({
  borrowerId: fc.constantFrom(...CLIENTS),
  product: fc.constantFrom(...PRODUCTS),
  limit: amount,
  drawn: fc.option(amount, { nil: null }),
  currency: fc.constantFrom('CNY', 'USD'),
  committed: fc.boolean(),
  cancellable: fc.boolean(),
  cashMargin: fc.option(amount, { nil: null }),
  guarantorId: fc.option(fc.constantFrom(...CLIENTS), { nil: null }),
  guaranteedAmount: fc.option(amount, { nil: null }),
});

type FacilityDraft = Omit<Facility, 'id' | 'start' | 'maturity'> & { drawn: string | null };

function book(drafts: FacilityDraft[]): FacilityExposure[] {
  const facilities = drafts.map(({ drawn: _drawn, ...d }, i) => aFacility(`F-${i}`, d));
  const drawings = drafts.flatMap((d, i) =>
    d.drawn === null ? [] : [aDrawing(`F-${i}`, '2026-01-01', d.drawn)],
  );
  return facilityExposuresOn({ facilities, drawings, fxRates, asOf, policy });
}

const bookArb = fc.array(facilityArb, { maxLength: 12 }).map(book);

function groupOf(memberIds: string[], exposures: FacilityExposure[]) {
  return groupExposure({
    memberIds,
    facilityExposures: exposures,
    capital,
    groupLimit: null,
    policy,
    asOf,
    fxRates,
  });
}

const TOTALS = [
  'approvedLimits',
  'drawn',
  'grossExposure',
  'cashMargin',
  'substitutedOut',
  'substitutedIn',
  'netExposure',
  'loanBalance',
  'creditBalance',
] as const;

describe('exposure invariants', () => {
  it('keeps 0 <= net <= gross and net = gross - margin - substituted', () => {
    fc.assert(
      fc.property(bookArb, (exposures) =>
        exposures.every(
          (e) =>
            e.net.greaterThanOrEqualTo(0) &&
            e.net.lessThanOrEqualTo(e.gross) &&
            e.net.equals(e.gross.minus(e.cashMargin).minus(e.substituted)),
        ),
      ),
    );
  });

  it('makes group totals the sum of the member breakdowns', () => {
    const membersArb = fc.subarray(CLIENTS, { minLength: 1 });
    fc.assert(
      fc.property(bookArb, membersArb, (exposures, memberIds) => {
        const g = groupOf(memberIds, exposures);
        for (const key of TOTALS) {
          const parts = sum(g.members.map((m) => m[key]));
          if (!parts.equals(g[key])) return false;
        }
        const net = g.grossExposure.minus(g.cashMargin).minus(g.substitutedOut);
        return net.plus(g.substitutedIn).equals(g.netExposure);
      }),
    );
  });

  it('moves substituted exposure between clients, never creating or losing it', () => {
    const partitionArb = fc.array(fc.integer({ min: 0, max: 2 }), {
      minLength: CLIENTS.length,
      maxLength: CLIENTS.length,
    });
    fc.assert(
      fc.property(bookArb, partitionArb, (exposures, groupOfClient) => {
        const afterMargin = sum(exposures.map((e) => e.gross.minus(e.cashMargin)));
        const byClient = sum(CLIENTS.map((c) => clientExposure(c, exposures).netExposure));
        const groups = [0, 1, 2]
          .map((k) => CLIENTS.filter((_c, i) => groupOfClient[i] === k))
          .filter((members) => members.length > 0);
        const byGroup: Decimal = sum(groups.map((m) => groupOf(m, exposures).netExposure));
        return byClient.equals(afterMargin) && byGroup.equals(afterMargin);
      }),
    );
  });
});
