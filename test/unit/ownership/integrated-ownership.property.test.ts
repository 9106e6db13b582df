import fc from 'fast-check';
import type { Shareholding } from '../../../src/domain/model';
import { Decimal, sum } from '../../../src/domain/money/decimal';
import { integratedOwnership, ultimateOwners } from '../../../src/domain/ownership';
import { aParty, aShareholding } from './builders';

const ON = '2024-06-30';
const COMPANIES = ['C0', 'C1', 'C2', 'C3', 'C4', 'C5'];
const PERSONS = ['P0', 'P1', 'P2'];
const parties = [
  ...COMPANIES.map((id) => aParty(id)),
  ...PERSONS.map((id) => aParty(id, 'PERSON')),
];

/** Splits 100 % into positive two-decimal parts in proportion to `weights`. */
function percents(weights: number[]): string[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const parts = weights.slice(1).map((w) => Math.floor((10_000 * w) / total));
  return [10_000 - parts.reduce((a, b) => a + b, 0), ...parts].map((p) => (p / 100).toFixed(2));
}

/**
 * Each company's holders sum to 100 %. Acyclic: company i is held only by later companies
 * and persons. Cyclic: by any other company, always with a person among them, so every
 * chain leaks to a person and the system stays solvable.
 */
function holdings(cyclic: boolean) {
  const holdersOf = (i: number) => [
    ...COMPANIES.filter((_, j) => (cyclic ? j !== i : j > i)),
    ...PERSONS,
  ];
  return fc
    .tuple(
      ...COMPANIES.map((_, i) =>
        fc.record({
          holders: fc.uniqueArray(fc.constantFrom(...holdersOf(i)), { minLength: 1, maxLength: 3 }),
          person: fc.constantFrom(...PERSONS),
          weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 4, maxLength: 4 }),
        }),
      ),
    )
    .map((companies) =>
      companies.flatMap(({ holders, person, weights }, i) => {
        const all =
          cyclic && !holders.some((h) => PERSONS.includes(h)) ? [...holders, person] : holders;
        const pcts = percents(weights.slice(0, all.length));
        return all.map((h, k) => aShareholding(h, COMPANIES[i], pcts[k]));
      }),
    );
}

/** Oracle: enumerate every holding path literally and add up the products. */
function pathSums(
  rows: Shareholding[],
  target: string,
): Map<string, { total: Decimal; paths: number }> {
  const result = new Map<string, { total: Decimal; paths: number }>();
  const walk = (company: string, product: Decimal) => {
    for (const r of rows.filter((row) => row.companyId === company)) {
      const p = product.times(r.equityPct).dividedBy(100);
      const seen = result.get(r.holderId) ?? { total: new Decimal(0), paths: 0 };
      result.set(r.holderId, { total: seen.total.plus(p), paths: seen.paths + 1 });
      walk(r.holderId, p);
    }
  };
  walk(target, new Decimal(100));
  return result;
}

const round6 = (d: Decimal) => d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();

describe('integratedOwnership properties', () => {
  it('acyclic: equals the sum over all paths of the product of stakes', () => {
    fc.assert(
      fc.property(holdings(false), (rows) => {
        const expected = pathSums(rows, 'C0');
        const actual = integratedOwnership(rows, 'C0', ON);
        expect(actual.map((s) => s.holderId).sort()).toEqual([...expected.keys()].sort());
        for (const s of actual) {
          const oracle = expected.get(s.holderId);
          expect([s.pct, s.paths]).toEqual([round6(oracle!.total), oracle!.paths]);
        }
      }),
    );
  });

  it.each([
    ['acyclic', false],
    ['with cross-holdings', true],
  ])('%s, holders summing to 100 %%: the ultimate owners sum to 100 %%', (_case, cyclic) => {
    fc.assert(
      fc.property(holdings(cyclic), (rows) => {
        const owners = ultimateOwners(parties, rows, 'C0', ON, '0');
        for (const o of owners) expect(PERSONS).toContain(o.holderId);
        // Each figure is rounded to 6 places on its own: at most half a unit off each.
        const error = sum(owners.map((o) => o.pct))
          .minus(100)
          .abs();
        expect(error.lessThanOrEqualTo(new Decimal('0.0000005').times(owners.length))).toBe(true);
      }),
    );
  });
});
