import * as materialize from '../../../src/domain/control/materialize-facts';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { headsByReach } from '../../../src/domain/control/explain';
import { exampleGraph } from './example-graph';

const DAY = '2026-09-30';

describe('a derivation computes facts, the id map and circles only when first read', () => {
  afterEach(() => jest.restoreAllMocks());

  it('builds no fact while only groups and heads are read, then builds them once', () => {
    const spy = jest.spyOn(materialize, 'materializeFacts');
    const d = deriveGroups(exampleGraph(), DAY);
    d.groups.forEach((g, i) => (g.headIds.length > 1 ? headsByReach(d, i) : g.headIds));
    expect(spy).not.toHaveBeenCalled();
    const facts = d.facts;
    expect(facts.length).toBeGreaterThan(0);
    expect(d.facts).toBe(facts);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('keeps the id map and the guarantee circles once built', () => {
    const d = deriveGroups(exampleGraph(), DAY);
    expect(d.groupIndexOf).toBe(d.groupIndexOf);
    expect(d.guaranteeCircles).toBe(d.guaranteeCircles);
    expect(d.groups[d.groupIndexOf.get('C-HXL') as number].memberIds).toContain('P-ZHANG');
  });

  it('reads as plain data: a spread copy and JSON carry every field', () => {
    const d = deriveGroups(exampleGraph(), DAY);
    const copy = { ...d };
    expect(Object.keys(copy).sort()).toEqual([
      'asOf',
      'facts',
      'groupIndexOf',
      'groups',
      'guaranteeCircles',
    ]);
    expect(copy.facts).toBe(d.facts);
    expect(JSON.parse(JSON.stringify(d)).facts).toHaveLength(d.facts.length);
  });
});
