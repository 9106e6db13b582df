import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { RoleType } from '../../../src/domain/model';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import {
  aCompany,
  aRole,
  aShareholding,
  factsBetween,
  graphOf,
  rulesBetween,
  sameGroup,
} from './builders';

const DAY = '2026-01-01';
const seat = (holder: string, appointedBy?: string, role: RoleType = 'DIRECTOR') =>
  aRole(holder, 'Y', role, { appointedBy });

describe('R4 board majority', () => {
  it.each([
    ['3 of 5 declared seats', 5, ['X', 'X', 'X', undefined, undefined], true],
    ['2 of 4 declared seats (exactly half)', 4, ['X', 'X', undefined, undefined], false],
    ['2 of 3 seat rows when no board size is declared', null, ['X', 'X', undefined], true],
    ['1 of 2 seat rows', null, ['X', undefined], false],
  ] as [string, number | null, (string | undefined)[], boolean][])(
    '%s',
    (_case, boardSeats, appointers, controls) => {
      const graph = graphOf({
        entities: [aCompany('Y', { boardSeats })],
        roles: appointers.map((a, i) => seat(`P${i}`, a, i === 0 ? 'CHAIRMAN' : 'DIRECTOR')),
      });
      const policy = { ...DEFAULT_CONTROL_POLICY, disabledRules: ['R5' as const] };
      const d = deriveGroups(graph, DAY, policy);
      expect(rulesBetween(d, 'X', 'Y')).toEqual(controls ? ['R4'] : []);
      // The directors themselves are not controllers and stay out.
      expect(sameGroup(d, 'P1', 'Y')).toBe(false);
    },
  );

  it('adds the seats appointed by a controlled company (1 by X + 2 by A of 5)', () => {
    const graph = graphOf({
      entities: [aCompany('Y', { boardSeats: 5 })],
      shareholdings: [aShareholding('X', 'A', '60')],
      roles: [seat('P1', 'X'), seat('P2', 'A'), seat('P3', 'A')],
    });
    const [fact] = factsBetween(deriveGroups(graph, DAY), 'X', 'Y');
    expect(fact).toMatchObject({ rule: 'R4', poolIds: ['A'] });
    expect(fact.description).toContain(
      'with A (A) which it controls, appointed 3 of the 5 board seats',
    );
  });

  it('feeds R2: board control of A lets X count A’s stake', () => {
    const graph = graphOf({
      entities: [aCompany('A', { boardSeats: 3 })],
      shareholdings: [aShareholding('A', 'Y', '30'), aShareholding('X', 'Y', '25')],
      roles: [
        aRole('P1', 'A', 'DIRECTOR', { appointedBy: 'X' }),
        aRole('P2', 'A', 'DIRECTOR', { appointedBy: 'X' }),
      ],
    });
    const d = deriveGroups(graph, DAY);
    expect(rulesBetween(d, 'X', 'A')).toEqual(['R4']);
    expect(factsBetween(d, 'X', 'Y')[0]).toMatchObject({
      rule: 'R2',
      pooledPct: '55',
      poolIds: ['A'],
    });
  });

  it.each([
    ['before the appointment', '2025-06-30', false],
    ['from the appointment', '2025-07-01', true],
    ['on the day it ends (exclusive)', '2026-07-01', false],
  ])('counts a dated appointment %s', (_case, date, controls) => {
    const dated = { appointedBy: 'X', validFrom: '2025-07-01', validTo: '2026-07-01' };
    const graph = graphOf({
      entities: [aCompany('Y', { boardSeats: 3 })],
      roles: [aRole('P1', 'Y', 'DIRECTOR', dated), aRole('P2', 'Y', 'DIRECTOR', dated)],
    });
    expect(rulesBetween(deriveGroups(graph, date), 'X', 'Y')).toEqual(controls ? ['R4'] : []);
  });
});

describe('R5 key executives', () => {
  it.each([
    ['the general manager, one required', 1, ['GENERAL_MANAGER'], true],
    ['the CFO, one required', 1, ['CFO'], true],
    ['a director only', 1, ['DIRECTOR'], false],
    ['a supervisor only', 1, ['SUPERVISOR'], false],
    ['the chairman, two required', 2, ['CHAIRMAN'], false],
    ['chairman and CFO, two required', 2, ['CHAIRMAN', 'CFO'], true],
    ['the general manager twice, two required', 2, ['GENERAL_MANAGER', 'GENERAL_MANAGER'], false],
  ] as [string, number, RoleType[], boolean][])('%s', (_case, required, roles, controls) => {
    const graph = graphOf({
      entities: [aCompany('Y', { boardSeats: 9 })],
      roles: roles.map((role, i) => aRole(`P${i}`, 'Y', role, { appointedBy: 'X' })),
    });
    const d = deriveGroups(graph, DAY, {
      ...DEFAULT_CONTROL_POLICY,
      keyExecutivesRequired: required,
    });
    expect(rulesBetween(d, 'X', 'Y')).toEqual(controls ? ['R5'] : []);
  });

  it('combines posts appointed by X and by a company X controls when two are required', () => {
    const graph = graphOf({
      entities: [aCompany('Y', { boardSeats: 9 })],
      shareholdings: [aShareholding('X', 'A', '60')],
      roles: [
        aRole('P1', 'Y', 'CHAIRMAN', { appointedBy: 'X' }),
        aRole('P2', 'Y', 'CFO', { appointedBy: 'A' }),
      ],
    });
    const d = deriveGroups(graph, DAY, { ...DEFAULT_CONTROL_POLICY, keyExecutivesRequired: 2 });
    const [fact] = factsBetween(d, 'X', 'Y');
    expect(fact).toMatchObject({ rule: 'R5', poolIds: ['A'] });
    expect(fact.description).toContain('appointed the chairman and CFO');
  });
});
