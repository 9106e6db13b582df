import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import { aShareholding, factsBetween, graphOf, groupOf, rulesBetween, sameGroup } from './builders';

const DAY = '2026-01-01';

describe('R1 direct majority', () => {
  it.each([
    ['exactly 50 % is not control', ['50'], false],
    ['50.0001 % is control', ['50.0001'], true],
    ['50.0000000001 % is control (ten decimals are exact)', ['50.0000000001'], true],
    ['100 % is control', ['100'], true],
    ['two rows of one holder add up (30 + 25)', ['30', '25'], true],
    ['two rows of one holder add up to exactly 50', ['25', '25'], false],
  ])('%s', (_case, stakes, controls) => {
    const graph = graphOf({
      shareholdings: stakes.map((pct, i) => aShareholding('A', 'B', pct, { id: `SH-${i}` })),
    });
    const d = deriveGroups(graph, DAY);
    expect(rulesBetween(d, 'A', 'B')).toEqual(controls ? ['R1'] : []);
    expect(sameGroup(d, 'A', 'B')).toBe(controls);
  });

  it('honours a stricter threshold from the policy', () => {
    const graph = graphOf({ shareholdings: [aShareholding('A', 'B', '60')] });
    const policy = { ...DEFAULT_CONTROL_POLICY, majorityThresholdPct: '66.67' };
    expect(rulesBetween(deriveGroups(graph, DAY, policy), 'A', 'B')).toEqual([]);
  });

  it.each([
    ['before validFrom', '2019-12-31', false],
    ['on validFrom', '2020-01-01', true],
    ['the day before validTo', '2024-12-31', true],
    ['on validTo (exclusive)', '2025-01-01', false],
  ])('a dated stake counts %s', (_case, date, controls) => {
    const graph = graphOf({
      shareholdings: [
        aShareholding('A', 'B', '60', { validFrom: '2020-01-01', validTo: '2025-01-01' }),
      ],
    });
    expect(sameGroup(deriveGroups(graph, date), 'A', 'B')).toBe(controls);
  });
});

describe('R2 indirect majority', () => {
  it('adds the stake of a controlled company to its own (30 + 25 through A)', () => {
    const graph = graphOf({
      shareholdings: [
        aShareholding('X', 'A', '60'),
        aShareholding('X', 'Y', '30'),
        aShareholding('A', 'Y', '25'),
      ],
    });
    const [fact] = factsBetween(deriveGroups(graph, DAY), 'X', 'Y');
    expect(fact).toMatchObject({ rule: 'R2', pooledPct: '55', poolIds: ['A'], directed: true });
    expect(fact.evidence.map((e) => e.id)).toEqual(['SH:A>Y', 'SH:X>Y']);
    expect(fact.description).toContain(
      '30 % held directly and 25 % through A (A), which it controls',
    );
  });

  it('does not fire when the pooled stake is exactly 50 %', () => {
    const graph = graphOf({
      shareholdings: [
        aShareholding('X', 'A', '60'),
        aShareholding('X', 'Y', '25'),
        aShareholding('A', 'Y', '25'),
      ],
    });
    const d = deriveGroups(graph, DAY);
    expect(rulesBetween(d, 'X', 'Y')).toEqual([]);
    expect(sameGroup(d, 'X', 'Y')).toBe(false);
  });

  it('records the lowest controller: the holding company, not the person above it', () => {
    const graph = graphOf({
      shareholdings: [
        aShareholding('P1', 'H', '70'),
        aShareholding('H', 'S', '60'),
        aShareholding('H', 'Y', '35'),
        aShareholding('S', 'Y', '20'),
      ],
    });
    const d = deriveGroups(graph, DAY);
    expect(
      d.facts.filter((f) => f.controlledId === 'Y').map((f) => [f.controllerId, f.rule]),
    ).toEqual([['H', 'R2']]);
    expect(groupOf(d, 'Y')).toEqual({ memberIds: ['H', 'P1', 'S', 'Y'], headIds: ['P1'] });
  });

  it('counts stakes held down a chain of control (P -> H -> S, P 25 + S 30)', () => {
    const graph = graphOf({
      shareholdings: [
        aShareholding('P1', 'H', '60'),
        aShareholding('H', 'S', '60'),
        aShareholding('S', 'Y', '30'),
        aShareholding('P1', 'Y', '25'),
      ],
    });
    expect(factsBetween(deriveGroups(graph, DAY), 'P1', 'Y')[0]).toMatchObject({
      rule: 'R2',
      poolIds: ['S'],
    });
  });

  it('reaches a fixpoint over several rounds (B first, then C through B)', () => {
    const graph = graphOf({
      shareholdings: [
        aShareholding('X', 'A', '60'),
        aShareholding('A', 'B', '30'),
        aShareholding('X', 'B', '25'),
        aShareholding('B', 'C', '30'),
        aShareholding('X', 'C', '25'),
      ],
    });
    const d = deriveGroups(graph, DAY);
    expect(factsBetween(d, 'X', 'B')[0]).toMatchObject({ rule: 'R2', poolIds: ['A'] });
    expect(factsBetween(d, 'X', 'C')[0]).toMatchObject({ rule: 'R2', poolIds: ['B'] });
    expect(groupOf(d, 'C').headIds).toEqual(['X']);
  });

  it('terminates on mutual majorities (A 60 % B, B 60 % A): both are heads', () => {
    const graph = graphOf({
      shareholdings: [aShareholding('A', 'B', '60'), aShareholding('B', 'A', '60')],
    });
    const d = deriveGroups(graph, DAY);
    expect(d.facts.map((f) => [f.controllerId, f.controlledId, f.rule])).toEqual([
      ['A', 'B', 'R1'],
      ['B', 'A', 'R1'],
    ]);
    expect(groupOf(d, 'A')).toEqual({ memberIds: ['A', 'B'], headIds: ['A', 'B'] });
  });

  it('does not let cross-holdings justify themselves (A 40 % B, B 40 % A)', () => {
    const graph = graphOf({
      shareholdings: [
        aShareholding('A', 'B', '40'),
        aShareholding('B', 'A', '40'),
        aShareholding('Z', 'A', '20'),
      ],
    });
    expect(deriveGroups(graph, DAY).facts).toEqual([]);
  });

  it('pools through a controlled company across a cross-holding (X 55 % A; A 30 % B, X 30 % B, B 30 % A)', () => {
    const graph = graphOf({
      shareholdings: [
        aShareholding('X', 'A', '55'),
        aShareholding('A', 'B', '30'),
        aShareholding('X', 'B', '30'),
        aShareholding('B', 'A', '30'),
      ],
    });
    const d = deriveGroups(graph, DAY);
    expect(d.facts.map((f) => [f.controllerId, f.controlledId, f.rule, f.pooledPct])).toEqual([
      ['X', 'A', 'R1', null],
      ['X', 'B', 'R2', '60'],
    ]);
    expect(groupOf(d, 'X')).toEqual({ memberIds: ['A', 'B', 'X'], headIds: ['X'] });
  });

  it('records every winner inside one control cycle (A and B control each other and Y)', () => {
    const graph = graphOf({
      shareholdings: [
        aShareholding('A', 'B', '60'),
        aShareholding('B', 'A', '60'),
        aShareholding('A', 'Y', '30'),
        aShareholding('B', 'Y', '30'),
      ],
    });
    const d = deriveGroups(graph, DAY);
    expect(rulesBetween(d, 'A', 'Y')).toEqual(['R2']);
    expect(rulesBetween(d, 'B', 'Y')).toEqual(['R2']);
    expect(groupOf(d, 'Y').headIds).toEqual(['A', 'B']);
  });

  it('ignores a self-holding', () => {
    const graph = graphOf({ shareholdings: [aShareholding('A', 'A', '60')] });
    expect(deriveGroups(graph, DAY).facts).toEqual([]);
  });
});
