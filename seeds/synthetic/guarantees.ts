/**
 * Guarantees between companies (担保链/担保圈): risk links, not control. Parents guarantee
 * their subsidiaries, unrelated companies guarantee each other in chains, and a few circles
 * of 2–5 companies guarantee each other round (A → B → … → A), the pattern credit
 * committees are asked to flag.
 */
import type { BankBuilder } from './bank-builder';

export function addGuarantees(b: BankBuilder, share: number): void {
  const { rng } = b;
  const count = b.companies.length;
  if (count < 2) return;
  const chains = Math.round(count * share);
  for (let i = 0; i < chains; i++) {
    const borrower = rng.int(0, count - 1);
    const parent = b.parentOf[borrower];
    const guarantor = parent >= 0 && rng.chance(0.5) ? parent : rng.int(0, count - 1);
    if (guarantor !== borrower) guarantee(b, guarantor, borrower);
  }
  const circles = Math.max(1, Math.floor(count / 1500));
  for (let i = 0; i < circles; i++) {
    const size = Math.min(count, rng.int(2, 5));
    const ring: number[] = [];
    while (ring.length < size) {
      const n = rng.int(0, count - 1);
      if (!ring.includes(n)) ring.push(n);
    }
    for (let j = 0; j < size; j++) guarantee(b, ring[j], ring[(j + 1) % size], true);
  }
}

function guarantee(b: BankBuilder, guarantor: number, borrower: number, current = false): void {
  const { rng, cal } = b;
  const amount = `${Math.min(200_000, Math.round(rng.pareto(50, 1.2))) * 100_000}`;
  const currency = rng.chance(0.93) ? 'CNY' : 'USD';
  const from = cal.yearsAgo(rng, 0, 6);
  const roll = current ? 1 : rng.float();
  // Some guarantees have lapsed, some start after as-of.
  const until = roll < 0.15 ? cal.pastAfter(rng, from) : null;
  b.guarantee(
    guarantor,
    borrower,
    amount,
    currency,
    roll < 0.2 && roll >= 0.15 ? cal.future(rng) : from,
    until,
  );
}
