/**
 * Control without a majority of shares: R4 board appointments, R5 key executives,
 * R6 consolidation, R7 declared actual controller, R8 financial dependence and
 * OTHER_CONTROL (analyst judgement, with its reason). The parent keeps a minority stake.
 */
import type { Mechanism } from './control-by-stakes';

/** R4: the parent appointed a majority of the board, chairman included. */
export const board: Mechanism = (b, g, child, parent, since) => {
  const { rng, cal } = b;
  b.stake(b.companyId(parent), child, rng.int(1000, 3500), since);
  const seats = rng.pick([5, 7, 9]);
  b.setBoard(child, seats);
  const future = rng.chance(0.25);
  const t = future ? cal.future(rng) : cal.pastAfter(rng, since);
  const appointer = b.companyId(parent);
  for (let i = 0; i <= seats / 2; i++) {
    const role = i === 0 ? 'CHAIRMAN' : 'DIRECTOR';
    const now = {
      holder: rng.pick(g.managers),
      role,
      appointedBy: appointer,
      from: t,
      to: null,
    } as const;
    const before = rng.chance(0.5) ? rng.pick(b.investors) : null;
    b.seat(
      child,
      before === null
        ? [now]
        : [{ ...now, holder: before, appointedBy: null, from: since, to: t }, now],
    );
  }
  return !future;
};

/** R5: the parent appoints the general manager (and often the CFO). */
export const executives: Mechanism = (b, g, child, parent, since) => {
  const { rng } = b;
  const p = b.companyId(parent);
  b.stake(p, child, rng.int(2000, 4000), since);
  b.role(rng.pick(g.managers), child, 'GENERAL_MANAGER', p, since);
  if (rng.chance(0.5)) b.role(rng.pick(g.managers), child, 'CFO', p, since);
  return true;
};

/** R6: consolidated in the parent's accounts on a minority stake. */
export const consolidation: Mechanism = (b, _g, child, parent, since) => {
  const { rng, cal } = b;
  const p = b.companyId(parent);
  b.stake(p, child, rng.int(3000, 4900), since);
  const from = rng.chance(0.5) ? since : cal.pastAfter(rng, since);
  b.link(p, b.companyId(child), 'CONSOLIDATION', from, null, 'audited accounts');
  return true;
};

/** R8: cash pool, unified financing or funds occupation asserted by an analyst. */
export const treasury: Mechanism = (b, _g, child, parent, since) => {
  const { rng } = b;
  const p = b.companyId(parent);
  if (rng.chance(0.6)) b.stake(p, child, rng.int(500, 4000), since);
  const type = rng.pick(['CENTRAL_TREASURY', 'UNIFIED_FINANCING', 'FUNDS_OCCUPATION'] as const);
  b.link(
    p,
    b.companyId(child),
    type,
    since,
    null,
    type === 'CENTRAL_TREASURY' ? 'cash-pool contract' : 'analyst',
  );
  return true;
};

/** R7: the group's head is the declared actual controller. */
export const declared: Mechanism = (b, g, child, parent, since) => {
  const { rng } = b;
  const p = b.companyId(parent);
  b.stake(p, child, rng.int(1000, 3000), since);
  b.role(g.head ?? p, child, 'ACTUAL_CONTROLLER', null, since);
  return true;
};

const REASONS = [
  'exclusive management agreement gives the parent operational control',
  'VIE structure: control through contractual arrangements',
  'sole supplier and funder; analyst judges de facto control',
];

export const otherControl: Mechanism = (b, _g, child, parent, since) => {
  const { rng } = b;
  const p = b.companyId(parent);
  if (rng.chance(0.5)) b.stake(p, child, rng.int(500, 2000), since);
  b.link(p, b.companyId(child), 'OTHER_CONTROL', since, null, 'analyst', rng.pick(REASONS));
  return true;
};
