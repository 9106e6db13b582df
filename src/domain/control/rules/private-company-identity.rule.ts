/**
 * R10 private-company identity: two PRIVATE companies that share a legal representative or
 * an actual controller, or whose legal representatives / actual controllers are close
 * relatives. Undirected; the shared person does not join the group. The companies sharing
 * one person are linked as a star to the first of them (by id) rather than pairwise: the
 * same groups with n - 1 facts instead of n(n - 1) / 2.
 * Source: seed 集团客户认定标准 (二)10 (法定代表人或实际控制人相同或为近亲属).
 */
import { Kinship } from '../kinship';
import { rawFact, RawFact, RuleContext } from '../raw-fact';

type KeyRoles = Map<number, Map<number, number[]>>; // person -> company -> role rows

export function privateCompanyIdentityFacts(ctx: RuleContext, kinship: Kinship): RawFact[] {
  const { g } = ctx;
  const byPerson: KeyRoles = new Map();
  g.roles.forEach((role, r) => {
    if (role.role !== 'LEGAL_REPRESENTATIVE' && role.role !== 'ACTUAL_CONTROLLER') return;
    const y = g.roleEnds.to[r];
    if (g.privateCompany[y] === 0) return;
    const x = g.roleEnds.from[r];
    const companies = byPerson.get(x) ?? new Map<number, number[]>();
    const rows = companies.get(y);
    if (rows === undefined) companies.set(y, [r]);
    else rows.push(r);
    byPerson.set(x, companies);
  });
  const facts = new Map<string, RawFact>();
  const link = (
    a: number,
    b: number,
    persons: number[],
    roleRows: number[],
    kin?: { label: string; rows: number[] },
  ): void => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const key = `${lo}:${hi}`;
    const known = facts.get(key);
    if (known !== undefined) {
      known.roleRows.push(...roleRows);
      known.familyRows.push(...(kin?.rows ?? []));
      return;
    }
    facts.set(
      key,
      rawFact(lo, hi, 'R10', {
        directed: false,
        roleRows,
        familyRows: kin?.rows ?? [],
        note: { kind: 'identity', persons, kinLabel: kin?.label ?? null },
      }),
    );
  };
  const persons = [...byPerson.keys()].sort((a, b) => a - b);
  const centre = (x: number): number => {
    let first = Infinity;
    for (const y of (byPerson.get(x) as Map<number, number[]>).keys()) first = Math.min(first, y);
    return first;
  };
  for (const x of persons) {
    const companies = byPerson.get(x) as Map<number, number[]>;
    const hub = centre(x);
    for (const [y, rows] of [...companies].sort((a, b) => a[0] - b[0])) {
      if (y !== hub) link(hub, y, [x], [...(companies.get(hub) as number[]), ...rows]);
    }
    for (const tie of kinship.of(x)) {
      const relative = byPerson.get(tie.other);
      if (tie.other <= x || relative === undefined) continue;
      const other = centre(tie.other);
      if (other === hub) continue;
      const rows = [...(companies.get(hub) as number[]), ...(relative.get(other) as number[])];
      link(hub, other, [x, tie.other], rows, tie);
    }
  }
  return [...facts.values()];
}
