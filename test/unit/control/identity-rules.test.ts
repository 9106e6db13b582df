import { deriveGroups } from '../../../src/domain/control/derive-groups';
import {
  aCompany,
  aFamilyTie,
  aLink,
  aRole,
  aShareholding,
  factsBetween,
  graphOf,
  groupOf,
  rulesBetween,
  sameGroup,
} from './builders';

const DAY = '2026-01-01';

describe('R9 family of controllers', () => {
  const controllers = [aShareholding('P1', 'A', '60'), aShareholding('P2', 'B', '60')];

  it.each([
    ['spouses', [aFamilyTie('P1', 'P2', 'SPOUSE')], true],
    ['parent and child', [aFamilyTie('P2', 'P1', 'PARENT_OF')], true],
    ['siblings', [aFamilyTie('P1', 'P2', 'SIBLING')], true],
    [
      "in-laws (P2 is P1's wife's brother)",
      [aFamilyTie('P1', 'P3', 'SPOUSE'), aFamilyTie('P3', 'P2', 'SIBLING')],
      false,
    ],
    [
      'cousins',
      [
        aFamilyTie('P3', 'P4', 'PARENT_OF'),
        aFamilyTie('P3', 'P5', 'PARENT_OF'),
        aFamilyTie('P4', 'P1', 'PARENT_OF'),
        aFamilyTie('P5', 'P2', 'PARENT_OF'),
      ],
      false,
    ],
  ])('%s who each control a company: %s', (_case, family, linked) => {
    const d = deriveGroups(graphOf({ shareholdings: controllers, familyTies: family }), DAY);
    expect(rulesBetween(d, 'P1', 'P2')).toEqual(linked ? ['R9'] : []);
    expect(sameGroup(d, 'A', 'B')).toBe(linked);
    if (linked) {
      const [fact] = factsBetween(d, 'P1', 'P2');
      expect(fact).toMatchObject({ directed: false, joinsGroup: true });
      expect(groupOf(d, 'A').headIds).toEqual(['P1', 'P2']);
    }
  });

  it('does not pull in a relative who controls nothing', () => {
    const d = deriveGroups(
      graphOf({
        shareholdings: [aShareholding('P1', 'A', '60'), aShareholding('P2', 'B', '10')],
        familyTies: [aFamilyTie('P1', 'P2', 'SPOUSE')],
      }),
      DAY,
    );
    expect(d.facts.map((f) => f.rule)).toEqual(['R1']);
    expect(groupOf(d, 'P2').memberIds).toEqual(['P2']);
  });

  it('is pairwise: two controllers linked only through a relative who controls nothing stay apart', () => {
    const d = deriveGroups(
      graphOf({
        shareholdings: controllers,
        familyTies: [aFamilyTie('P1', 'P3', 'SPOUSE'), aFamilyTie('P3', 'P2', 'PARENT_OF')],
      }),
      DAY,
    );
    expect(d.facts.filter((f) => f.rule === 'R9')).toEqual([]);
    expect(sameGroup(d, 'A', 'B')).toBe(false);
  });

  it('counts control by any directed fact (here R8)', () => {
    const d = deriveGroups(
      graphOf({
        shareholdings: [aShareholding('P1', 'A', '60')],
        links: [aLink('P2', 'B', 'FUNDS_OCCUPATION')],
        familyTies: [aFamilyTie('P1', 'P2', 'SIBLING')],
      }),
      DAY,
    );
    expect(rulesBetween(d, 'P1', 'P2')).toEqual(['R9']);
  });
});

describe('R10 private-company identity', () => {
  it('joins two private companies with the same legal representative, not the person', () => {
    const d = deriveGroups(
      graphOf({
        roles: [aRole('P1', 'A', 'LEGAL_REPRESENTATIVE'), aRole('P1', 'B', 'LEGAL_REPRESENTATIVE')],
      }),
      DAY,
    );
    const [fact] = factsBetween(d, 'A', 'B');
    expect(fact).toMatchObject({ rule: 'R10', directed: false });
    expect(fact.description).toContain('same legal representative, P1 (P1)');
    expect(groupOf(d, 'A')).toEqual({ memberIds: ['A', 'B'], headIds: ['A', 'B'] });
    expect(groupOf(d, 'P1').memberIds).toEqual(['P1']);
  });

  it('does not apply to a state-owned company', () => {
    const d = deriveGroups(
      graphOf({
        entities: [aCompany('B', { ownership: 'STATE' })],
        roles: [aRole('P1', 'A', 'LEGAL_REPRESENTATIVE'), aRole('P1', 'B', 'LEGAL_REPRESENTATIVE')],
      }),
      DAY,
    );
    expect(d.facts).toEqual([]);
  });

  it('joins companies whose legal representatives are close relatives, not in-laws', () => {
    const roles = [
      aRole('P1', 'A', 'LEGAL_REPRESENTATIVE'),
      aRole('P2', 'B', 'LEGAL_REPRESENTATIVE'),
    ];
    const siblings = deriveGroups(
      graphOf({ roles, familyTies: [aFamilyTie('P1', 'P2', 'SIBLING')] }),
      DAY,
    );
    expect(rulesBetween(siblings, 'A', 'B')).toEqual(['R10']);
    expect(factsBetween(siblings, 'A', 'B')[0].evidence.map((e) => e.kind)).toEqual([
      'ROLE',
      'ROLE',
      'FAMILY',
    ]);
    const inLaws = deriveGroups(
      graphOf({
        roles,
        familyTies: [aFamilyTie('P1', 'P3', 'SPOUSE'), aFamilyTie('P3', 'P2', 'SIBLING')],
      }),
      DAY,
    );
    expect(sameGroup(inLaws, 'A', 'B')).toBe(false);
  });

  it('links companies sharing an actual controller as a star (n - 1 facts), all in one group', () => {
    const d = deriveGroups(
      graphOf({ roles: ['A', 'B', 'C', 'D'].map((y) => aRole('P1', y, 'ACTUAL_CONTROLLER')) }),
      DAY,
    );
    expect(
      d.facts.filter((f) => f.rule === 'R10').map((f) => [f.controllerId, f.controlledId]),
    ).toEqual([
      ['A', 'B'],
      ['A', 'C'],
      ['A', 'D'],
    ]);
    // The declared actual controller also controls each company (R7), so he heads the group.
    expect(groupOf(d, 'D')).toEqual({ memberIds: ['A', 'B', 'C', 'D', 'P1'], headIds: ['P1'] });
  });
});
