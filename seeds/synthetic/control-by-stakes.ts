/**
 * Control through shares: R1 direct majority (some built up over time, bought from or sold
 * to another group), R2 indirect majority (a direct stake plus a sister company's, both
 * under the same head) and R7 voting proxies that tip a minority over 50 %.
 */
import type { BankBuilder } from './bank-builder';
import { FULL } from './decimals';
import type { GroupContext } from './group-context';
import { personName } from './names';

/** Makes `parent` control the new `child` from `since`; true when that control is stable. */
export type Mechanism = (
  b: BankBuilder,
  g: GroupContext,
  child: number,
  parent: number,
  since: number,
) => boolean;

export const majority: Mechanism = (b, g, child, parent, since) => {
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
    b.staffFrom[child] = t;
    return true;
  }
  if (roll < 0.18 && other >= 0) {
    // Agreed sale to another group, completing after as-of.
    const t = cal.future(rng);
    b.reserve(child, bp);
    b.stakeRow(p, child, bp, since, t);
    b.stakeRow(b.companyId(other), child, bp, t, null);
    b.staffUntil[child] = t;
    return false;
  }
  b.reserve(child, bp);
  // A few dual-class companies: voting control with a smaller economic interest.
  const equity = bp < FULL && rng.chance(0.05) ? rng.int(100, bp) : bp;
  b.stakeRow(p, child, bp, since, null, equity);
  return true;
};

/** R2: e.g. 35 % direct + 20 % through a sister company the same head controls. */
export const indirect: Mechanism = (b, g, child, parent, since) => {
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

/** R7: a voting proxy over another holder's shares tips the parent over 50 %. */
export const proxy: Mechanism = (b, _g, child, parent, since) => {
  const { rng } = b;
  const p = b.companyId(parent);
  const own = rng.int(2500, 3500);
  const giver = b.addPerson(personName(rng));
  b.stake(p, child, own, since);
  b.stake(giver, child, rng.int(5100 - own, 4900), since);
  b.link(p, giver, 'VOTING_PROXY', since, null, 'proxy agreement');
  return true;
};
