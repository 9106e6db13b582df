/**
 * Stakes and seats that do not confer control: cross-holdings (a subsidiary holding a few
 * per cent of its parent or grandparent, so the ownership graph has cycles), minority
 * "noise" stakes across the bank, and independent directors. Minority stakes in one company
 * stay below 45 % in total and never go to a holder already on its register, so no holder
 * or group crosses 50 % by accident (directly, through R2 sums or R3 pools).
 */
import type { BankBuilder } from './bank-builder';

const MINORITY_CAP = 4500;

export function addMinorityStakes(b: BankBuilder, noiseShare: number): void {
  const minority = new Int32Array(b.companies.length);
  addCrossHoldings(b, minority);
  const holders = holdersByCompany(b);
  const { rng, cal } = b;
  const count = b.companies.length;
  for (let n = 0; n < count; n++) {
    if (!rng.chance(noiseShare)) continue;
    const taken = holders(n);
    const k = rng.int(1, 2);
    for (let i = 0; i < k; i++) {
      const budget = Math.min(b.free[n], MINORITY_CAP - minority[n], 1500);
      if (budget < 50) break;
      const holder = rng.chance(0.55) ? b.companyId(rng.int(0, count - 1)) : rng.pick(b.investors);
      if (holder === b.companyId(n) || taken.includes(holder)) continue;
      taken.push(holder);
      const bp = rng.int(50, budget);
      minority[n] += bp;
      const roll = rng.float();
      const since = roll < 0.03 ? cal.future(rng) : cal.pastAfter(rng, b.founded[n]);
      const until = roll > 0.9 ? cal.pastAfter(rng, since) : null;
      b.stake(holder, n, bp, since, until);
    }
  }
}

function addCrossHoldings(b: BankBuilder, minority: Int32Array): void {
  const { rng, cal } = b;
  let forced = false;
  for (let n = 0; n < b.companies.length; n++) {
    const parent = b.parentOf[n];
    if (parent < 0) continue;
    // The first one is certain, so every bank has at least one ownership cycle.
    const target =
      !forced || rng.chance(0.03) ? parent : rng.chance(0.01) ? b.parentOf[parent] : -1;
    if (target < 0 || b.free[target] < 100) continue;
    forced = true;
    const bp = rng.int(100, Math.min(1000, b.free[target]));
    minority[target] += bp;
    b.stake(
      b.companyId(n),
      target,
      bp,
      cal.pastAfter(rng, Math.max(b.founded[n], b.founded[target])),
    );
  }
}

/** The holders already on each company's register (any date), as a lookup by company number. */
function holdersByCompany(b: BankBuilder): (n: number) => string[] {
  const rows = b.data.shareholdings;
  const start = new Int32Array(b.companies.length + 1);
  const companyOf = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const n = Number(rows[i].companyId.slice(2)) - 1;
    companyOf[i] = n;
    start[n + 1]++;
  }
  for (let n = 0; n < b.companies.length; n++) start[n + 1] += start[n];
  const fill = start.slice(0, -1);
  const order = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) order[fill[companyOf[i]]++] = i;
  return (n) => {
    const list: string[] = [];
    for (let j = start[n]; j < start[n + 1]; j++) list.push(rows[order[j]].holderId);
    return list;
  };
}

/** Independent directors fill some of the seats no parent appointed. */
export function addIndependentDirectors(b: BankBuilder): void {
  const { rng, cal } = b;
  for (let n = 0; n < b.companies.length; n++) {
    const left = b.seatsLeft(n);
    if (left <= 0 || !rng.chance(0.6)) continue;
    const seats = Math.min(left, rng.int(1, 2));
    for (let i = 0; i < seats; i++) {
      const from = cal.pastAfter(rng, b.founded[n]);
      const now = {
        holder: rng.pick(b.investors),
        role: 'DIRECTOR',
        appointedBy: null,
        from,
        to: null,
      } as const;
      if (rng.chance(0.15)) {
        const t = rng.chance(0.2) ? cal.future(rng) : cal.pastAfter(rng, from);
        b.seat(n, [
          { ...now, to: t },
          { ...now, holder: rng.pick(b.investors), from: t },
        ]);
      } else {
        b.seat(n, [now]);
      }
    }
  }
}
