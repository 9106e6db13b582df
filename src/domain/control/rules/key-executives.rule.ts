/**
 * R5 key executives: x (with what it controls) appointed or exclusively nominated at
 * least `keyExecutivesRequired` (default 1) of y's chairman, general manager and CFO.
 * Source: seed 集团客户认定标准 (二)8 (任免高级管理人员).
 */
import { someControlled } from '../pooling-guards';
import { rawFact, RawFact, RuleContext } from '../raw-fact';
import { distinct, hasTwoAppointers, seenBefore } from './board-majority.rule';

export function popcount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count++;
  return count;
}

export function directKeyExecutiveFacts(ctx: RuleContext): RawFact[] {
  const { keys, keyRole, keyBit } = ctx.g.board;
  const required = ctx.policy.keyExecutivesRequired;
  const facts: RawFact[] = [];
  const { offsets, targets } = keys;
  for (let y = 0; y < ctx.g.n; y++) {
    const end = offsets[y + 1];
    // Each appointer once, in the order first seen: a company has at most a few key posts.
    for (let i = offsets[y]; i < end; i++) {
      const a = targets[i];
      if (a < 0 || a === y || seenBefore(targets, offsets[y], i, a)) continue;
      let bits = 0;
      for (let j = i; j < end; j++) if (targets[j] === a) bits |= keyBit[j];
      if (popcount(bits) < required) continue;
      const rows: number[] = [];
      for (let j = i; j < end; j++) if (targets[j] === a) rows.push(keyRole[j]);
      facts.push(rawFact(a, y, 'R5', { roleRows: rows, note: { kind: 'keys', bits } }));
    }
  }
  return facts;
}

export function evaluateKeyExecutives(ctx: RuleContext, y: number, out: RawFact[]): void {
  const { keys, keyRole, keyBit } = ctx.g.board;
  const start = keys.offsets[y];
  const end = keys.offsets[y + 1];
  if (!hasTwoAppointers(keys.targets, start, end)) return;
  if (!someControlled(ctx.control, keys.targets, start, end)) return;
  const required = ctx.policy.keyExecutivesRequired;
  const tally = ctx.tally;
  tally.begin(y);
  const slotRow: number[] = [];
  for (let i = start; i < end; i++) {
    if (keys.targets[i] < 0) continue;
    tally.add(keys.targets[i], 0, keyBit[i]);
    slotRow.push(i);
  }
  for (const x of tally.winners((c) => popcount(tally.bits[c]) >= required)) {
    const { slots, throughState } = tally.slotsFor(
      x,
      (u) => popcount(u.reduce((bits, slot) => bits | keyBit[slotRow[slot]], 0)) >= required,
    );
    const used = slots.map((slot) => slotRow[slot]);
    const intermediaries = distinct(used.map((i) => keys.targets[i]).filter((a) => a !== x));
    let bits = 0;
    for (const i of used) bits |= keyBit[i];
    out.push(
      rawFact(x, y, 'R5', {
        poolIds: intermediaries,
        via: intermediaries,
        throughState,
        roleRows: used.map((i) => keyRole[i]),
        note: { kind: 'keys', bits },
      }),
    );
  }
}
