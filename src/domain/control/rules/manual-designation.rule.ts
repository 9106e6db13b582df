/**
 * R11 manual designation: an analyst, with a reason and an approver, puts an entity into
 * the group of another (JOIN: an undirected fact) or removes a derived link (SEVER: the
 * derived facts between the two, in either direction, stay reported but no longer join).
 * Source: seed 集团客户认定标准 (一)4 (其他关联关系, 经认定).
 */
import { DESIGNATION_CODE } from '../compact-graph';
import { concatRows, rawFact, RawFact, RuleContext } from '../raw-fact';

export function manualJoinFacts(ctx: RuleContext): RawFact[] {
  const { g } = ctx;
  const out: RawFact[] = [];
  g.designationKind.forEach((kind, r) => {
    if (kind !== DESIGNATION_CODE.JOIN) return;
    out.push(
      rawFact(g.designationEnds.from[r], g.designationEnds.to[r], 'R11', {
        directed: false,
        designationRows: [r],
      }),
    );
  });
  return out;
}

/** Marks the derived facts an approved SEVER removes from the group union. */
export function applySevers(ctx: RuleContext, facts: RawFact[]): void {
  const { g } = ctx;
  const severs = new Map<string, number[]>();
  g.designationKind.forEach((kind, r) => {
    if (kind !== DESIGNATION_CODE.SEVER) return;
    const key = pairKey(g.designationEnds.from[r], g.designationEnds.to[r]);
    severs.set(key, [...(severs.get(key) ?? []), r]);
  });
  if (severs.size === 0) return;
  for (const f of facts) {
    const rows = severs.get(pairKey(f.from, f.to));
    if (f.rule === 'R11' || rows === undefined) continue;
    f.joinsGroup = false;
    f.designationRows = concatRows(f.designationRows, rows);
    // The first by id names the reason, whatever the input order.
    const d = rows.map((r) => g.designations[r]).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    f.exclusion = `Severed by designation ${d.id} (${d.reason}; approved by ${d.approvedBy}), so it does not join a group (R11).`;
  }
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
