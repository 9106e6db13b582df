import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { explainMembership } from '../../../src/domain/control/explain';
import { exampleGraph } from './example-graph';
import { groupOf } from './builders';

const ZHANG_2025 = [
  'C-CONS',
  'C-HAO',
  'C-HXH',
  'C-HXL',
  'C-HXS',
  'C-NAT',
  'C-TREAS',
  'P-HAO',
  'P-LI',
  'P-ZHANG',
];
const ALONE = ['C-SOLO', 'P-CHEN', 'P-LIU', 'P-WANG', 'P-ZHAO', 'S-SASAC'];

describe('the example dataset (EXPECTED.md, default policy)', () => {
  const on = (date: string) => deriveGroups(exampleGraph(), date);

  it.each([
    ['2026-09-30', [...ZHANG_2025, 'C-BRD'].sort(), []],
    ['2025-01-01', ZHANG_2025, []],
    ['2023-06-30', ZHANG_2025.filter((id) => id !== 'C-HXL'), ['C-BRD', 'C-HXL']],
  ])('on %s the Zhang family group has its members and heads', (date, members, alsoAlone) => {
    const d = on(date);
    expect(groupOf(d, 'P-ZHANG')).toEqual({
      memberIds: members,
      headIds: ['P-HAO', 'P-LI', 'P-ZHANG'],
    });
    for (const id of [...ALONE, ...alsoAlone]) {
      expect(groupOf(d, id)).toEqual({ memberIds: [id], headIds: [id] });
    }
  });

  it.each(['2026-09-30', '2025-01-01', '2023-06-30'])('on %s the other groups match', (date) => {
    const d = on(date);
    expect(groupOf(d, 'C-DFPS')).toEqual({ memberIds: ['C-DFP', 'C-DFPS'], headIds: ['C-DFP'] });
    expect(groupOf(d, 'C-DFG')).toEqual({ memberIds: ['C-DFG'], headIds: ['C-DFG'] });
    expect(groupOf(d, 'C-WQ1')).toEqual({
      memberIds: ['C-WQ1', 'C-WQ2'],
      headIds: ['C-WQ1', 'C-WQ2'],
    });
    expect(groupOf(d, 'C-JH')).toEqual({
      memberIds: ['C-JH', 'P-SUN', 'P-ZHOU'],
      headIds: ['P-SUN', 'P-ZHOU'],
    });
  });

  it('counts 14 groups on 2026-09-30 and every entity once', () => {
    const d = on('2026-09-30');
    const all = d.groups.flatMap((g) => g.memberIds);
    expect(all).toHaveLength(25);
    expect(new Set(all).size).toBe(25);
    expect(d.groups).toHaveLength(5 + ALONE.length);
    expect(d.groups.map((g) => g.memberIds[0])).toEqual(
      [...d.groups.map((g) => g.memberIds[0])].sort(),
    );
  });

  it('reports state control but exempts it (E1)', () => {
    const sasac = on('2026-09-30').facts.filter((f) => f.controllerId === 'S-SASAC');
    expect(sasac.map((f) => [f.controlledId, f.rule, f.joinsGroup])).toEqual([
      ['C-DFG', 'R1', false],
      ['C-DFP', 'R1', false],
    ]);
    expect(sasac[0].description).toContain('(E1)');
  });

  it('flags the C-SOLO / C-WQ1 guarantee circle without joining them', () => {
    const d = on('2026-09-30');
    expect(d.guaranteeCircles).toEqual([
      { memberIds: ['C-SOLO', 'C-WQ1'], guaranteeIds: ['GU-1', 'GU-2'] },
    ]);
    expect(on('2023-06-30').guaranteeCircles).toEqual([]);
  });

  describe('explanations on 2026-09-30', () => {
    const d = on('2026-09-30');

    it('C-HXL: P-ZHANG -R1-> C-HXH -R2 (35 + 20 = 55 %)-> C-HXL', () => {
      const steps = explainMembership(d, 'C-HXL');
      expect(steps.map((s) => [s.fromId, s.toId, s.rule])).toEqual([
        ['P-ZHANG', 'C-HXH', 'R1'],
        ['C-HXH', 'C-HXL', 'R2'],
      ]);
      const r2 = steps[1];
      expect(r2.pooledPct).toBe('55');
      expect(r2.poolIds).toEqual(['C-HXS']);
      expect(r2.evidence.map((e) => [e.id, e.votingPct])).toEqual([
        ['SH-4', '20'],
        ['SH-5b', '35'],
      ]);
      expect(r2.description).toContain('55 %');
    });

    it('C-HAO: pooled 55 % by P-HAO and his father P-ZHANG (R3)', () => {
      const steps = explainMembership(d, 'C-HAO');
      expect(steps).toHaveLength(1);
      expect(steps[0]).toMatchObject({
        fromId: 'P-ZHANG',
        toId: 'C-HAO',
        rule: 'R3',
        pooledPct: '55',
        poolIds: ['P-HAO', 'P-ZHANG'],
      });
      expect(steps[0].evidence.map((e) => e.id)).toEqual(['SH-7', 'SH-8', 'FA-2']);
    });

    it('C-BRD: board majority and chairman appointed by C-HXS (R4, R5)', () => {
      const steps = explainMembership(d, 'C-BRD');
      expect(steps.map((s) => [s.fromId, s.toId, s.rule])).toEqual([
        ['P-ZHANG', 'C-HXH', 'R1'],
        ['C-HXH', 'C-HXS', 'R1'],
        ['C-HXS', 'C-BRD', 'R4'],
      ]);
      expect(steps[2].description).toContain('3 of the 5 board seats');
      const rules = d.facts
        .filter((f) => f.controlledId === 'C-BRD')
        .map((f) => [f.controllerId, f.rule]);
      expect(rules).toEqual([
        ['C-HXS', 'R4'],
        ['C-HXS', 'R5'],
      ]);
    });

    it('P-LI: tied to the primary head P-ZHANG as his spouse (R9)', () => {
      const steps = explainMembership(d, 'P-LI');
      expect(steps).toHaveLength(1);
      expect(steps[0]).toMatchObject({ fromId: 'P-ZHANG', toId: 'P-LI', rule: 'R9' });
      expect(steps[0].evidence.map((e) => [e.id, e.type])).toEqual([['FA-1', 'SPOUSE']]);
    });

    it('the primary head has an empty chain; C-TREAS goes through P-LI and C-NAT', () => {
      expect(explainMembership(d, 'P-ZHANG')).toEqual([]);
      expect(explainMembership(d, 'C-TREAS').map((s) => s.rule)).toEqual(['R9', 'R1', 'R8']);
    });

    it('P-ZHOU, a co-head of Jinhe, is tied in through the pooled company', () => {
      expect(
        explainMembership(d, 'P-ZHOU').map((s) => [s.fromId, s.toId, s.rule, s.pooledPct]),
      ).toEqual([
        ['P-SUN', 'C-JH', 'R3', '55'],
        ['P-ZHOU', 'C-JH', 'R3', '55'],
      ]);
    });
  });
});
