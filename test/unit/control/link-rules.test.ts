import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { LinkType } from '../../../src/domain/model';
import {
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

describe('R6, R7 and R8 from declared links and roles', () => {
  it.each([
    ['CONSOLIDATION', 'R6', 'consolidates'],
    ['VOTING_PROXY', 'R7', 'holds a voting proxy over'],
    ['OTHER_CONTROL', 'R7', 'analyst judgement'],
    ['CENTRAL_TREASURY', 'R8', 'central treasury'],
    ['UNIFIED_FINANCING', 'R8', 'unified financing'],
    ['FUNDS_OCCUPATION', 'R8', 'occupation of funds'],
    ['RELATED_PARTY_TRANSFER', 'R8', 'related-party transfers'],
  ] as [LinkType, string, string][])('%s from X to Y is %s', (type, rule, words) => {
    const d = deriveGroups(graphOf({ links: [aLink('X', 'Y', type)] }), DAY);
    const [fact] = factsBetween(d, 'X', 'Y');
    expect(fact).toMatchObject({ rule, directed: true, joinsGroup: true });
    expect(fact.description).toContain(words);
    expect(fact.evidence.map((e) => [e.kind, e.type])).toEqual([['LINK', type]]);
    expect(groupOf(d, 'Y')).toEqual({ memberIds: ['X', 'Y'], headIds: ['X'] });
  });

  it('ACTUAL_CONTROLLER role is R7 and joins the holder', () => {
    const d = deriveGroups(graphOf({ roles: [aRole('P1', 'Y', 'ACTUAL_CONTROLLER')] }), DAY);
    expect(rulesBetween(d, 'P1', 'Y')).toEqual(['R7']);
    expect(factsBetween(d, 'P1', 'Y')[0].description).toContain('declared actual controller');
  });

  it('merges two agreements between the same parties into one fact', () => {
    const d = deriveGroups(
      graphOf({
        links: [aLink('X', 'Y', 'VOTING_PROXY'), aLink('X', 'Y', 'OTHER_CONTROL')],
        roles: [aRole('X', 'Y', 'ACTUAL_CONTROLLER')],
      }),
      DAY,
    );
    expect(factsBetween(d, 'X', 'Y').map((f) => [f.rule, f.evidence.length])).toEqual([['R7', 3]]);
  });

  it.each([
    ['R6 consolidation', 'CONSOLIDATION', true],
    ['R7 voting proxy', 'VOTING_PROXY', true],
    ['R8 central treasury (not single control)', 'CENTRAL_TREASURY', false],
  ] as [string, LinkType, boolean][])(
    '%s over A lets X pool A’s stake (R2): %s',
    (_case, type, pools) => {
      const graph = graphOf({
        shareholdings: [aShareholding('A', 'Y', '30'), aShareholding('X', 'Y', '25')],
        links: [aLink('X', 'A', type)],
      });
      const d = deriveGroups(graph, DAY);
      expect(rulesBetween(d, 'X', 'Y')).toEqual(pools ? ['R2'] : []);
      expect(sameGroup(d, 'X', 'A')).toBe(true);
      expect(sameGroup(d, 'X', 'Y')).toBe(pools);
    },
  );

  it('an R8 link counts for heads in the direction given, and a cycle of them gives two heads', () => {
    const one = deriveGroups(graphOf({ links: [aLink('B', 'A', 'FUNDS_OCCUPATION')] }), DAY);
    expect(groupOf(one, 'A').headIds).toEqual(['B']);
    const both = deriveGroups(
      graphOf({
        links: [aLink('A', 'B', 'FUNDS_OCCUPATION'), aLink('B', 'A', 'RELATED_PARTY_TRANSFER')],
      }),
      DAY,
    );
    expect(groupOf(both, 'A').headIds).toEqual(['A', 'B']);
  });

  it('ignores links outside their dates', () => {
    const graph = graphOf({
      links: [aLink('X', 'Y', 'CONSOLIDATION', { validFrom: '2022-01-01', validTo: '2024-01-01' })],
    });
    expect(sameGroup(deriveGroups(graph, '2023-12-31'), 'X', 'Y')).toBe(true);
    expect(sameGroup(deriveGroups(graph, '2024-01-01'), 'X', 'Y')).toBe(false);
  });
});
