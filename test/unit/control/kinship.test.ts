import { compactGraph } from '../../../src/domain/control/compact-graph';
import { Kinship } from '../../../src/domain/control/kinship';
import { FamilyTie } from '../../../src/domain/model';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import { aFamilyTie, graphOf } from './builders';

const parent = (a: string, b: string) => aFamilyTie(a, b, 'PARENT_OF');

// A small family: P-GG parent of P-G; P-G parent of P-F and P-U; P-F parent of P-ME;
// P-U parent of P-COUSIN; P-ME parent of P-KID, P-KID of P-GRANDKID, P-GRANDKID of P-GGKID;
// P-F and P-STEPMUM parents of P-HALF; P-ME married to P-WIFE, whose sibling is P-WBRO;
// P-ME's sibling (SIBLING row) P-SIS is married to P-SISMAN.
const FAMILY: FamilyTie[] = [
  parent('P-GG', 'P-G'),
  parent('P-G', 'P-F'),
  parent('P-G', 'P-U'),
  parent('P-F', 'P-ME'),
  parent('P-U', 'P-COUSIN'),
  parent('P-ME', 'P-KID'),
  parent('P-KID', 'P-GRANDKID'),
  parent('P-GRANDKID', 'P-GGKID'),
  parent('P-F', 'P-HALF'),
  parent('P-STEPMUM', 'P-HALF'),
  aFamilyTie('P-ME', 'P-WIFE', 'SPOUSE'),
  aFamilyTie('P-WIFE', 'P-WBRO', 'SIBLING'),
  aFamilyTie('P-SIS', 'P-ME', 'SIBLING'),
  aFamilyTie('P-SIS', 'P-SISMAN', 'SPOUSE'),
];

function kinOf(policy = DEFAULT_CONTROL_POLICY, family = FAMILY) {
  const g = compactGraph(graphOf({ familyTies: family }), '2026-01-01');
  const kinship = new Kinship(g, policy);
  return (a: string, b: string) => kinship.tie(g.index.indexOf(a), g.index.indexOf(b))?.label;
}

describe('close relatives by path (default policy)', () => {
  const kin = kinOf();
  it.each([
    ['spouse', 'P-WIFE', 'spouse'],
    ['father', 'P-F', 'parent'],
    ['grandfather', 'P-G', 'grandparent'],
    ['great-grandfather: no', 'P-GG', undefined],
    ['child', 'P-KID', 'child'],
    ['grandchild', 'P-GRANDKID', 'grandchild'],
    ['great-grandchild: no', 'P-GGKID', undefined],
    ['half-sibling (one shared parent)', 'P-HALF', 'sibling'],
    ['sibling by a SIBLING row', 'P-SIS', 'sibling'],
    ['uncle: no', 'P-U', undefined],
    ['cousin: no', 'P-COUSIN', undefined],
    ["wife's brother (in-law): no", 'P-WBRO', undefined],
    ["sister's husband (in-law): no", 'P-SISMAN', undefined],
    ["half-sibling's other parent (step-parent): no", 'P-STEPMUM', undefined],
  ])('%s', (_case, other, label) => {
    expect(kin('P-ME', other)).toBe(label);
    expect(kin(other, 'P-ME') !== undefined).toBe(label !== undefined); // symmetric
  });
});

describe('kinship distances from the policy', () => {
  it('a collateral distance of 2 takes in cousins, uncles and nephews', () => {
    const kin = kinOf({ ...DEFAULT_CONTROL_POLICY, collateralKinshipMaxDistance: 2 });
    expect(kin('P-ME', 'P-COUSIN')).toBe('collateral relative (2 generations)');
    expect(kin('P-ME', 'P-U')).toBe('collateral relative (2 generations)');
    expect(kin('P-WBRO', 'P-ME')).toBeUndefined();
  });
  it('a lineal distance of 3 takes in great-grandchildren', () => {
    const kin = kinOf({ ...DEFAULT_CONTROL_POLICY, linealKinshipMaxDistance: 3 });
    expect(kin('P-ME', 'P-GGKID')).toBe('descendant (3 generations)');
    expect(kin('P-GG', 'P-ME')).toBe('descendant (3 generations)');
  });
  it('a marriage counts only while valid', () => {
    const g = compactGraph(
      graphOf({ familyTies: [aFamilyTie('P1', 'P2', 'SPOUSE', { validFrom: '2020-01-01' })] }),
      '2019-12-31',
    );
    expect(new Kinship(g, DEFAULT_CONTROL_POLICY).of(g.index.indexOf('P1'))).toEqual([]);
  });
  it('names the rows along the path as evidence', () => {
    const g = compactGraph(graphOf({ familyTies: FAMILY }), '2026-01-01');
    const tie = new Kinship(g, DEFAULT_CONTROL_POLICY).tie(
      g.index.indexOf('P-ME'),
      g.index.indexOf('P-G'),
    );
    expect(tie?.rows.map((r) => g.family[r].id)).toEqual([
      'FA:P-F>P-ME:PARENT_OF',
      'FA:P-G>P-F:PARENT_OF',
    ]);
  });
});
