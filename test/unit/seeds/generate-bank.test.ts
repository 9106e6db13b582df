import { generateBank, DEFAULT_AS_OF } from '../../../seeds/synthetic/generate-bank';
import { planBank } from '../../../seeds/synthetic/group-sizes';

const edgesOf = (d: ReturnType<typeof generateBank>) =>
  d.shareholdings.length +
  d.roles.length +
  d.familyTies.length +
  d.links.length +
  d.guarantees.length;

describe('generateBank: determinism', () => {
  const a = generateBank({ entities: 5_000, seed: 42 });

  it('gives deep-equal and byte-identical output for the same entities and seed', () => {
    const b = generateBank({ entities: 5_000, seed: 42 });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives a different bank for a different seed', () => {
    const other = generateBank({ entities: 5_000, seed: 43 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(a));
    expect(other.shareholdings.slice(0, 50)).not.toEqual(a.shareholdings.slice(0, 50));
  });

  it('moves every date with as-of but keeps the structure', () => {
    const later = generateBank({ entities: 5_000, seed: 42, asOf: '2027-09-30' });
    expect(later.entities.map((e) => e.id)).toEqual(a.entities.map((e) => e.id));
    expect(later.drawings.some((w) => w.asOf === '2027-09-30')).toBe(true);
    expect(a.drawings.some((w) => w.asOf === DEFAULT_AS_OF)).toBe(true);
  });
});

describe('generateBank: size', () => {
  it.each([100, 1_000, 10_000, 50_000])('%i entities: within ±5 %, about 3 edges each', (n) => {
    const d = generateBank({ entities: n, seed: 7 });
    expect(Math.abs(d.entities.length - n)).toBeLessThanOrEqual(n * 0.05);
    const perEntity = edgesOf(d) / d.entities.length;
    expect(perEntity).toBeGreaterThan(2.5);
    expect(perEntity).toBeLessThan(3.5);
  });

  it.each([1_000, 10_000, 50_000])(
    '%i entities: ~30 %% persons, ~70 %% companies, a few state bodies and institutions',
    (n) => {
      const d = generateBank({ entities: n, seed: 3 });
      const count = (kind: string) => d.entities.filter((e) => e.kind === kind).length;
      expect(count('PERSON') / n).toBeGreaterThan(0.27);
      expect(count('PERSON') / n).toBeLessThan(0.33);
      expect(count('COMPANY') / n).toBeGreaterThan(0.67);
      expect(count('STATE')).toBe(planBank(n).states);
      expect(count('INSTITUTION')).toBe(planBank(n).institutions);
    },
  );

  it('lends to about a fifth of the companies', () => {
    const d = generateBank({ entities: 20_000, seed: 5 });
    const companies = d.entities.filter((e) => e.kind === 'COMPANY');
    const borrowers = new Set(d.facilities.map((f) => f.borrowerId));
    expect(borrowers.size / companies.length).toBeGreaterThan(0.17);
    expect(borrowers.size / companies.length).toBeLessThan(0.23);
    expect(companies.filter((c) => c.customer).length).toBe(borrowers.size);
  });
});

describe('generateBank: options', () => {
  it.each([
    ['too few entities', { entities: 10, seed: 1 }],
    ['a fractional count', { entities: 1000.5, seed: 1 }],
    ['a negative seed', { entities: 1000, seed: -1 }],
    ['a fractional seed', { entities: 1000, seed: 0.5 }],
    ['an impossible as-of', { entities: 1000, seed: 1, asOf: '2026-02-30' }],
  ])('rejects %s', (_case, options) => {
    expect(() => generateBank(options)).toThrow(RangeError);
  });
});
