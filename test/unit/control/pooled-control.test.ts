import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import {
  aFamilyTie,
  aLink,
  aShareholding,
  factsBetween,
  graphOf,
  groupOf,
  rulesBetween,
  sameGroup,
} from './builders';

const DAY = '2026-01-01';
const holds = (stakes: [string, string][]) =>
  stakes.map(([who, pct]) => aShareholding(who, 'Y', pct));

describe('R3 pooled control by a family', () => {
  it.each([
    ['father 40 + son 15', [aFamilyTie('P1', 'P2', 'PARENT_OF')], true],
    ['spouses 30 + 25', [aFamilyTie('P1', 'P2', 'SPOUSE')], true],
    [
      'grandparent and grandchild',
      [aFamilyTie('P1', 'P3', 'PARENT_OF'), aFamilyTie('P3', 'P2', 'PARENT_OF')],
      true,
    ],
    [
      'half-siblings (one shared parent)',
      [aFamilyTie('P3', 'P1', 'PARENT_OF'), aFamilyTie('P3', 'P2', 'PARENT_OF')],
      true,
    ],
    [
      'great-grandparent and great-grandchild: no',
      [
        aFamilyTie('P1', 'P3', 'PARENT_OF'),
        aFamilyTie('P3', 'P4', 'PARENT_OF'),
        aFamilyTie('P4', 'P2', 'PARENT_OF'),
      ],
      false,
    ],
    [
      'cousins: no',
      [
        aFamilyTie('P3', 'P4', 'PARENT_OF'),
        aFamilyTie('P3', 'P5', 'PARENT_OF'),
        aFamilyTie('P4', 'P1', 'PARENT_OF'),
        aFamilyTie('P5', 'P2', 'PARENT_OF'),
      ],
      false,
    ],
    [
      "in-laws (a man and his wife's brother, she holds nothing): no",
      [aFamilyTie('P1', 'P3', 'SPOUSE'), aFamilyTie('P3', 'P2', 'SIBLING')],
      false,
    ],
    ['strangers: no', [], false],
  ])('%s', (_case, family, pooled) => {
    const graph = graphOf({
      shareholdings: holds([
        ['P1', '30'],
        ['P2', '25'],
      ]),
      familyTies: family,
    });
    const d = deriveGroups(graph, DAY);
    expect(rulesBetween(d, 'P1', 'Y')).toEqual(pooled ? ['R3'] : []);
    expect(rulesBetween(d, 'P2', 'Y')).toEqual(pooled ? ['R3'] : []);
    expect(sameGroup(d, 'P1', 'P2')).toBe(pooled);
    if (pooled) {
      expect(factsBetween(d, 'P1', 'Y')[0]).toMatchObject({
        pooledPct: '55',
        poolIds: ['P1', 'P2'],
      });
    }
  });

  it('is not control at exactly 50 % pooled', () => {
    const graph = graphOf({
      shareholdings: holds([
        ['P1', '25'],
        ['P2', '25'],
      ]),
      familyTies: [aFamilyTie('P1', 'P2', 'SPOUSE')],
    });
    expect(deriveGroups(graph, DAY).facts).toEqual([]);
  });

  it("pools the wife's own stake with her husband and her brother, each her close relative", () => {
    const graph = graphOf({
      shareholdings: holds([
        ['P1', '30'],
        ['P2', '25'],
        ['P3', '1'],
      ]),
      familyTies: [aFamilyTie('P1', 'P3', 'SPOUSE'), aFamilyTie('P3', 'P2', 'SIBLING')],
    });
    const d = deriveGroups(graph, DAY);
    expect(factsBetween(d, 'P1', 'Y')[0]).toMatchObject({
      rule: 'R3',
      pooledPct: '56',
      poolIds: ['P1', 'P2', 'P3'],
    });
  });

  it('counts stakes of companies a member controls, and does not pull in a non-contributing relative', () => {
    const graph = graphOf({
      shareholdings: [
        aShareholding('P1', 'H', '60'),
        ...holds([
          ['H', '30'],
          ['P2', '25'],
        ]),
      ],
      familyTies: [aFamilyTie('P1', 'P2', 'PARENT_OF'), aFamilyTie('P1', 'P3', 'SPOUSE')],
    });
    const d = deriveGroups(graph, DAY);
    const fact = factsBetween(d, 'P1', 'Y')[0];
    expect(fact).toMatchObject({ rule: 'R3', pooledPct: '55', poolIds: ['P1', 'P2'] });
    expect(fact.evidence.map((e) => e.id)).toEqual(['SH:H>Y', 'SH:P2>Y', 'FA:P1>P2:PARENT_OF']);
    expect(rulesBetween(d, 'H', 'Y')).toEqual([]);
    expect(groupOf(d, 'Y').memberIds).toEqual(['H', 'P1', 'P2', 'Y']);
    expect(groupOf(d, 'P3').memberIds).toEqual(['P3']);
  });

  it('does not apply when a single party controls the company', () => {
    const graph = graphOf({
      shareholdings: holds([
        ['P1', '30'],
        ['P2', '25'],
      ]),
      familyTies: [aFamilyTie('P1', 'P2', 'SPOUSE')],
      links: [aLink('Z', 'Y', 'CONSOLIDATION')],
    });
    const d = deriveGroups(graph, DAY);
    expect(d.facts.map((f) => f.rule)).toEqual(['R6']);
    expect(sameGroup(d, 'P1', 'Y')).toBe(false);
  });

  it('is switched off by poolFamilies = false', () => {
    const graph = graphOf({
      shareholdings: holds([
        ['P1', '30'],
        ['P2', '25'],
      ]),
      familyTies: [aFamilyTie('P1', 'P2', 'SPOUSE')],
    });
    expect(
      deriveGroups(graph, DAY, { ...DEFAULT_CONTROL_POLICY, poolFamilies: false }).facts,
    ).toEqual([]);
  });
});

describe('R3 pooled control by parties acting in concert', () => {
  it('pools 30 + 25 under an acting-in-concert agreement', () => {
    const graph = graphOf({
      shareholdings: holds([
        ['A', '30'],
        ['B', '25'],
      ]),
      links: [aLink('A', 'B', 'ACTING_IN_CONCERT')],
    });
    const d = deriveGroups(graph, DAY);
    expect(d.facts.map((f) => [f.controllerId, f.rule, f.pooledPct])).toEqual([
      ['A', 'R3', '55'],
      ['B', 'R3', '55'],
    ]);
    expect(factsBetween(d, 'B', 'Y')[0].evidence.map((e) => e.id)).toEqual([
      'SH:A>Y',
      'SH:B>Y',
      'LK:A>B:ACTING_IN_CONCERT',
    ]);
  });

  it('does not pool partners of partners when the middle party holds nothing', () => {
    const graph = graphOf({
      shareholdings: holds([
        ['A', '30'],
        ['C', '25'],
      ]),
      links: [aLink('A', 'B', 'ACTING_IN_CONCERT'), aLink('B', 'C', 'ACTING_IN_CONCERT')],
    });
    expect(deriveGroups(graph, DAY).facts).toEqual([]);
  });

  it('joins nothing by the agreement alone', () => {
    const d = deriveGroups(graphOf({ links: [aLink('A', 'B', 'ACTING_IN_CONCERT')] }), DAY);
    expect(d.facts).toEqual([]);
    expect(sameGroup(d, 'A', 'B')).toBe(false);
  });

  it('is switched off by poolActingInConcert = false, and by disabling R3', () => {
    const graph = graphOf({
      shareholdings: holds([
        ['A', '30'],
        ['B', '25'],
      ]),
      links: [aLink('A', 'B', 'ACTING_IN_CONCERT')],
    });
    expect(
      deriveGroups(graph, DAY, { ...DEFAULT_CONTROL_POLICY, poolActingInConcert: false }).facts,
    ).toEqual([]);
    expect(
      deriveGroups(graph, DAY, { ...DEFAULT_CONTROL_POLICY, disabledRules: ['R3'] }).facts,
    ).toEqual([]);
  });
});
