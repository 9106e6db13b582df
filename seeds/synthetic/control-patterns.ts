/**
 * How a group company comes to control a new one, one mechanism per control rule of
 * DESIGN.md §3: R1 direct majority, R2 indirect majority (own stake + a controlled sister's),
 * R4 board appointments, R5 key executives, R6 consolidation, R7 declared control and
 * voting proxies, R8 financial dependence and OTHER_CONTROL (analyst judgement).
 * Each returns whether the control holds from the past through as-of and beyond: only such
 * "stable" companies become parents, so a future change detaches one leaf, never a subtree.
 */
import { FULL, type BankBuilder } from './bank-builder';
import type { GroupContext } from './group-context';
import { personName } from './names';

type Mechanism = (
  b: BankBuilder,
  g: GroupContext,
  child: number,
  parent: number,
  since: number,
) => boolean;

export function attachChild(
  b: BankBuilder,
  g: GroupContext,
  child: number,
  parent: number,
): boolean {
  const { rng, cal } = b;
  b.parentOf[child] = parent;
  const since = rng.chance(0.8) ? b.founded[child] : cal.pastAfter(rng, b.founded[child]);
  return MECHANISMS[rng.weighted(WEIGHTS)](b, g, child, parent, since);
}

const majority: Mechanism = (b, g, child, parent, since) => {
  const { rng, cal } = b;
  const bp = rng.chance(0.35) ? FULL : rng.int(5100, 9500);
  const p = b.companyId(parent);
  const roll = rng.float();
  if (roll < 0.1) {
    // Built up over time: control from `t` on, a minority stake before.
    const t = cal.pastAfter(rng, since);
    b.reserve(child, bp);
    b.stakeRow(p, child, rng.int(1000, bp - 100), since, t);
    b.stakeRow(p, child, bp, t, null);
    return true;
  }
  const other = g.first > 0 ? rng.int(0, g.first - 1) : -1;
  if (roll < 0.16 && other >= 0) {
    // Bought from a company of another group on `t`.
    const t = cal.pastAfter(rng, since);
    b.reserve(child, bp);
    b.stakeRow(b.companyId(other), child, bp, since, t);
    b.stakeRow(p, child, bp, t, null);
    return true;
  }
  if (roll < 0.18 && other >= 0) {
    // Agreed sale to another group, completing after as-of.
    const t = cal.future(rng);
    b.reserve(child, bp);
    b.stakeRow(p, child, bp, since, t);
    b.stakeRow(b.companyId(other), child, bp, t, null);
    return false;
  }
  b.reserve(child, bp);
  // A few dual-class companies: voting control with a smaller economic interest.
  const equity = bp < FULL && rng.chance(0.05) ? rng.int(100, bp) : bp;
  b.stakeRow(p, child, bp, since, null, equity);
  return true;
};

/** R2: e.g. 35 % direct + 20 % through a sister company the same head controls. */
const indirect: Mechanism = (b, g, child, parent, since) => {
  const { rng, cal } = b;
  const helper = g.parents.length > 1 ? rng.pick(g.parents) : parent;
  if (helper === parent || helper === child) return majority(b, g, child, parent, since);
  const direct = rng.int(2000, 4500);
  const via = rng.int(5100 - direct, 4900);
  b.reserve(child, direct + via);
  b.stakeRow(b.companyId(helper), child, via, since, null);
  const p = b.companyId(parent);
  if (5000 - via >= 500 && rng.chance(0.25)) {
    // The direct stake grew across the threshold on `t` (like the example's 25 % → 35 %).
    const future = rng.chance(0.3);
    const t = future ? cal.future(rng) : cal.pastAfter(rng, since);
    b.stakeRow(p, child, rng.int(500, 5000 - via), since, t);
    b.stakeRow(p, child, direct, t, null);
    return !future;
  }
  b.stakeRow(p, child, direct, since, null);
  return true;
};

/** R4: the parent appointed a majority of the board, chairman included. */
const board: Mechanism = (b, g, child, parent, since) => {
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
const executives: Mechanism = (b, g, child, parent, since) => {
  const { rng } = b;
  const p = b.companyId(parent);
  b.stake(p, child, rng.int(2000, 4000), since);
  b.role(rng.pick(g.managers), child, 'GENERAL_MANAGER', p, since);
  if (rng.chance(0.5)) b.role(rng.pick(g.managers), child, 'CFO', p, since);
  return true;
};

/** R6: consolidated in the parent's accounts on a minority stake. */
const consolidation: Mechanism = (b, _g, child, parent, since) => {
  const { rng, cal } = b;
  const p = b.companyId(parent);
  b.stake(p, child, rng.int(3000, 4900), since);
  const from = rng.chance(0.5) ? since : cal.pastAfter(rng, since);
  b.link(p, b.companyId(child), 'CONSOLIDATION', from, null, 'audited accounts');
  return true;
};

/** R8: cash pool, unified financing or funds occupation asserted by an analyst. */
const treasury: Mechanism = (b, _g, child, parent, since) => {
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

/** R7: a voting proxy over another holder's shares tips the parent over 50 %. */
const proxy: Mechanism = (b, _g, child, parent, since) => {
  const { rng } = b;
  const p = b.companyId(parent);
  const own = rng.int(2500, 3500);
  const giver = b.addPerson(personName(rng));
  b.stake(p, child, own, since);
  b.stake(giver, child, rng.int(5100 - own, 4900), since);
  b.link(p, giver, 'VOTING_PROXY', since, null, 'proxy agreement');
  return true;
};

/** R7: the group's head is the declared actual controller. */
const declared: Mechanism = (b, g, child, parent, since) => {
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

const otherControl: Mechanism = (b, _g, child, parent, since) => {
  const { rng } = b;
  const p = b.companyId(parent);
  if (rng.chance(0.5)) b.stake(p, child, rng.int(500, 2000), since);
  b.link(p, b.companyId(child), 'OTHER_CONTROL', since, null, 'analyst', rng.pick(REASONS));
  return true;
};

const MECHANISMS = [
  majority,
  indirect,
  board,
  executives,
  consolidation,
  treasury,
  proxy,
  declared,
  otherControl,
];
const WEIGHTS = [740, 80, 50, 30, 30, 30, 10, 20, 10];
