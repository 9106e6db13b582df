import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import {
  aCompany,
  aDesignation,
  aShareholding,
  factsBetween,
  graphOf,
  groupOf,
  rulesBetween,
  sameGroup,
} from './builders';

const DAY = '2026-01-01';

describe('R11 manual designation', () => {
  it('JOIN puts two unrelated entities in one group without making a controller', () => {
    const d = deriveGroups(
      graphOf({
        designations: [aDesignation('JOIN', 'A', 'B', { reason: 'same treasury staff' })],
      }),
      DAY,
    );
    const [fact] = factsBetween(d, 'A', 'B');
    expect(fact).toMatchObject({ rule: 'R11', directed: false, joinsGroup: true });
    expect(fact.description).toContain('same treasury staff');
    expect(fact.evidence[0]).toMatchObject({ kind: 'DESIGNATION', type: 'JOIN' });
    expect(groupOf(d, 'A')).toEqual({ memberIds: ['A', 'B'], headIds: ['A', 'B'] });
  });

  it.each([
    ['named controller first', 'A', 'B'],
    ['named the other way round', 'B', 'A'],
  ])(
    'SEVER drops the derived link from the union (%s) but still reports it',
    (_case, entity, target) => {
      const d = deriveGroups(
        graphOf({
          shareholdings: [aShareholding('A', 'B', '60'), aShareholding('B', 'C', '60')],
          designations: [aDesignation('SEVER', entity, target, { reason: 'nominee holding' })],
        }),
        DAY,
      );
      const [fact] = factsBetween(d, 'A', 'B');
      expect(fact).toMatchObject({ rule: 'R1', joinsGroup: false });
      expect(fact.description).toContain('Severed by designation');
      expect(fact.evidence.map((e) => e.kind)).toEqual(['SHAREHOLDING', 'DESIGNATION']);
      expect(groupOf(d, 'A').memberIds).toEqual(['A']);
      expect(groupOf(d, 'C')).toEqual({ memberIds: ['B', 'C'], headIds: ['B'] });
    },
  );

  it('applies a SEVER only while it is valid', () => {
    const graph = graphOf({
      shareholdings: [aShareholding('A', 'B', '60')],
      designations: [
        aDesignation('SEVER', 'A', 'B', { validFrom: '2025-01-01', validTo: '2026-01-01' }),
      ],
    });
    expect(sameGroup(deriveGroups(graph, '2025-06-30'), 'A', 'B')).toBe(false);
    expect(sameGroup(deriveGroups(graph, '2026-01-01'), 'A', 'B')).toBe(true);
  });
});

describe('E1 state exemption', () => {
  const stateOwned = graphOf({
    shareholdings: [
      aShareholding('S-SASAC', 'A', '51'),
      aShareholding('S-SASAC', 'B', '80'),
      aShareholding('A', 'A2', '100'),
    ],
  });

  it('on (default): the state body is reported as controller but joins nothing', () => {
    const d = deriveGroups(stateOwned, DAY);
    expect(factsBetween(d, 'S-SASAC', 'A')[0]).toMatchObject({ rule: 'R1', joinsGroup: false });
    expect(groupOf(d, 'S-SASAC').memberIds).toEqual(['S-SASAC']);
    expect(groupOf(d, 'A')).toEqual({ memberIds: ['A', 'A2'], headIds: ['A'] });
    expect(groupOf(d, 'B').memberIds).toEqual(['B']);
  });

  it('off: the state body heads one group of everything it controls', () => {
    const d = deriveGroups(stateOwned, DAY, { ...DEFAULT_CONTROL_POLICY, stateExemption: false });
    expect(groupOf(d, 'B')).toEqual({
      memberIds: ['A', 'A2', 'B', 'S-SASAC'],
      headIds: ['S-SASAC'],
    });
  });

  it('treats a state-owned COMPANY as an ordinary company', () => {
    const d = deriveGroups(
      graphOf({
        entities: [aCompany('SOE', { ownership: 'STATE' })],
        shareholdings: [aShareholding('SOE', 'A', '51'), aShareholding('SOE', 'B', '51')],
      }),
      DAY,
    );
    expect(groupOf(d, 'A')).toEqual({ memberIds: ['A', 'B', 'SOE'], headIds: ['SOE'] });
  });

  it('exempts control that passes through a state body (R2 with a state intermediary)', () => {
    const d = deriveGroups(
      graphOf({
        shareholdings: [
          aShareholding('X', 'S-BODY', '60'),
          aShareholding('S-BODY', 'Y', '30'),
          aShareholding('X', 'Y', '25'),
        ],
      }),
      DAY,
    );
    expect(factsBetween(d, 'X', 'Y')[0]).toMatchObject({
      rule: 'R2',
      poolIds: ['S-BODY'],
      joinsGroup: false,
    });
    expect(sameGroup(d, 'X', 'Y')).toBe(false);
  });

  it('still joins a company a private party controls privately when a state route also exists', () => {
    const d = deriveGroups(
      graphOf({
        shareholdings: [
          aShareholding('X', 'S-BODY', '60'),
          aShareholding('S-BODY', 'Y', '40'),
          aShareholding('X', 'A', '60'),
          aShareholding('A', 'Y', '30'),
          aShareholding('X', 'Y', '25'),
        ],
      }),
      DAY,
    );
    expect(rulesBetween(d, 'X', 'Y')).toEqual(['R2']);
    expect(factsBetween(d, 'X', 'Y')[0].joinsGroup).toBe(true);
    expect(sameGroup(d, 'X', 'Y')).toBe(true);
  });
});

describe('E1 with cross-holdings', () => {
  it('terminates when exempt state control runs round a cycle, recording it once', () => {
    const d = deriveGroups(
      graphOf({
        shareholdings: [
          aShareholding('S-1', 'A', '60'),
          aShareholding('Y', 'A', '40'),
          aShareholding('A', 'Y', '30'),
          aShareholding('S-1', 'Y', '25'),
        ],
      }),
      DAY,
    );
    expect(d.facts.map((f) => [f.controllerId, f.controlledId, f.rule, f.joinsGroup])).toEqual([
      ['S-1', 'A', 'R1', false],
      ['S-1', 'Y', 'R2', false],
    ]);
    expect(d.groups.every((g) => g.memberIds.length === 1)).toBe(true);
  });
});

describe('policy switches', () => {
  it.each([
    ['R1', ['R1'], false],
    ['R9 (nothing else changes)', ['R9'], true],
  ] as const)('disabling %s', (_case, disabled, controls) => {
    const d = deriveGroups(graphOf({ shareholdings: [aShareholding('A', 'B', '60')] }), DAY, {
      ...DEFAULT_CONTROL_POLICY,
      disabledRules: [...disabled],
    });
    expect(sameGroup(d, 'A', 'B')).toBe(controls);
  });

  it('rejects an unusable policy and a bad date', () => {
    const graph = graphOf({});
    expect(() =>
      deriveGroups(graph, DAY, { ...DEFAULT_CONTROL_POLICY, majorityThresholdPct: 'half' }),
    ).toThrow('majorityThresholdPct');
    expect(() =>
      deriveGroups(graph, DAY, { ...DEFAULT_CONTROL_POLICY, keyExecutivesRequired: 0 }),
    ).toThrow('keyExecutivesRequired');
    expect(() => deriveGroups(graph, '01/02/2026')).toThrow('asOf');
  });

  it('rejects a row that names an unknown entity', () => {
    const graph = graphOf({ shareholdings: [aShareholding('A', 'B', '60')] });
    graph.entities = graph.entities.filter((e) => e.id !== 'B');
    expect(() => deriveGroups(graph, DAY)).toThrow('unknown entity "B"');
  });
});
