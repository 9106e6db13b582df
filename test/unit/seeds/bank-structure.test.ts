/**
 * The structure the bank-scale issue asks of the synthetic bank: power-law groups with one
 * of the capped size, cycles, guarantee circles, state groups (E1), concert pairs (R3),
 * R2 sums, board control (R4), families over three generations, R10 shared representatives,
 * and graphs that differ by date.
 */
import { isValidOn, type Dataset } from '../../../src/domain/model';
import { DEFAULT_AS_OF, generateBank } from '../../../seeds/synthetic/generate-bank';
import { planBank } from '../../../seeds/synthetic/group-sizes';
import { basisPoints, componentsOn } from './group-oracle';
import {
  boardControlled,
  hasCycle,
  holdingsOn,
  pooledPair,
  sharedRepresentative,
  stateGroup,
  threeGenerations,
} from './structure-finders';

const asOf = DEFAULT_AS_OF;

describe('group sizes', () => {
  it.each([
    [20_000, 1_000],
    [200_000, 10_000],
  ])('%i entities: the largest group has about %i members', (entities, cap) => {
    expect(planBank(entities).cap).toBe(cap);
    const { sizes } = componentsOn(generateBank({ entities, seed: 2 }), asOf);
    expect(sizes[0]).toBeGreaterThan(cap * 0.9);
    expect(sizes[0]).toBeLessThan(cap * 1.15);
    // A state group of about half the cap comes second; the tail is much smaller.
    expect(sizes[1]).toBeGreaterThan(cap * 0.4);
    expect(sizes[2]).toBeLessThan(cap * 0.4);
  });

  it('keeps most entities in small groups or alone', () => {
    const bank = generateBank({ entities: 20_000, seed: 4 });
    const { sizes } = componentsOn(bank, asOf);
    const inSmall = sizes.filter((s) => s <= 10).reduce((a, b) => a + b, 0);
    expect(inSmall / bank.entities.length).toBeGreaterThan(0.6);
    expect(sizes.filter((s) => s === 1).length / bank.entities.length).toBeGreaterThan(0.3);
    // Power law: many pairs, fewer groups of 10+, fewer still of 100+.
    const count = (min: number) => sizes.filter((s) => s >= min).length;
    expect(count(2)).toBeGreaterThan(5 * count(10));
    expect(count(10)).toBeGreaterThan(3 * count(100));
    expect(count(100)).toBeGreaterThan(0);
  });
});

describe('control shapes', () => {
  const bank = generateBank({ entities: 20_000, seed: 9 });
  const linked = (type: string): [string, string][] =>
    bank.links.filter((l) => l.type === type && isValidOn(l, asOf)).map((l) => [l.fromId, l.toId]);

  it('has an ownership cycle (cross-holdings)', () => {
    expect(hasCycle(bank.shareholdings.map((s) => [s.holderId, s.companyId]))).toBe(true);
  });

  it('has a guarantee circle', () => {
    expect(hasCycle(bank.guarantees.map((g) => [g.guarantorId, g.borrowerId]))).toBe(true);
  });

  it('has a state group: a state body over a company over another', () => {
    expect(stateGroup(bank, asOf)).not.toBeNull();
  });

  it('has an acting-in-concert pair jointly above 50 %', () => {
    expect(pooledPair(bank, asOf, linked('ACTING_IN_CONCERT'))).not.toBeNull();
  });

  it('has relatives pooling a majority (R3)', () => {
    const relatives = bank.familyTies.map((f): [string, string] => [f.personAId, f.personBId]);
    expect(pooledPair(bank, asOf, relatives)).not.toBeNull();
  });

  it('has an indirect majority (R2): two group companies, each ≤ 50 %, above 50 % together', () => {
    const { uf, index } = componentsOn(bank, asOf);
    const witness = [...holdingsOn(bank, asOf)].find(([, rows]) => {
      const companies = rows.filter(
        (r) => r.holderId.startsWith('C-') && basisPoints(r.votingPct) <= 5000,
      );
      return companies.some((x) =>
        companies.some(
          (y) =>
            x !== y &&
            uf.find(index.get(x.holderId) as number) === uf.find(index.get(y.holderId) as number) &&
            basisPoints(x.votingPct) + basisPoints(y.votingPct) > 5000,
        ),
      );
    });
    expect(witness).toBeDefined();
  });

  it('has a company controlled through board appointments (R4)', () => {
    expect(boardControlled(bank, asOf)).not.toBeNull();
  });

  it('has families over three generations', () => {
    expect(threeGenerations(bank)).not.toBeNull();
  });

  it('has PRIVATE companies sharing a legal representative, controlled by no one (R10)', () => {
    expect(sharedRepresentative(bank, asOf)).not.toBeNull();
  });

  it.each(['CONSOLIDATION', 'CENTRAL_TREASURY', 'VOTING_PROXY', 'OTHER_CONTROL'])(
    'has %s links',
    (type) => {
      expect(linked(type).length).toBeGreaterThan(0);
    },
  );
});

describe('dates', () => {
  const bank = generateBank({ entities: 20_000, seed: 13 });
  const rows = (d: Dataset) => [
    ...d.shareholdings,
    ...d.roles,
    ...d.links,
    ...d.guarantees,
    ...d.familyTies,
  ];

  it('mostly starts in the past, with ended rows and future changes', () => {
    const all = rows(bank);
    const past = all.filter((r) => r.validFrom === null || r.validFrom <= asOf).length;
    const ended = all.filter((r) => r.validTo !== null && r.validTo <= asOf).length;
    const future = all.filter((r) => r.validFrom !== null && r.validFrom > asOf).length;
    expect(past / all.length).toBeGreaterThan(0.9);
    expect(ended / all.length).toBeGreaterThan(0.01);
    expect(future / all.length).toBeGreaterThan(0.002);
  });

  it('gives different groups on different dates', () => {
    const sizesOn = (date: string) => componentsOn(bank, date).sizes.slice(0, 20);
    expect(sizesOn('2021-09-30')).not.toEqual(sizesOn(asOf));
    expect(sizesOn('2028-09-30')).not.toEqual(sizesOn(asOf));
  });
});
