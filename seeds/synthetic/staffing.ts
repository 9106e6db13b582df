/**
 * The people around each group company: its legal representative (shared inside the group,
 * which R10 also links for PRIVATE companies), a board for some (chairman and directors,
 * often appointed by the parent) and a general manager. Managers belong to one group only,
 * so shared legal representatives never join two groups by accident.
 */
import type { BankBuilder } from './bank-builder';
import type { GroupContext } from './group-context';
import { personName } from './names';

export function staffGroup(b: BankBuilder, g: GroupContext): void {
  const last = b.companies.length - 1;
  for (let n = g.first; n <= last; n++) staffCompany(b, g, n);
  const fam = g.family;
  if (fam !== null) {
    // The founder's relatives sit on the top company's board.
    const t = g.tops[0];
    for (const relative of [fam.spouse, ...fam.children]) {
      if (relative !== null && b.seatsLeft(t) > 1) {
        b.seat(t, [
          { holder: relative, role: 'DIRECTOR', appointedBy: null, from: b.founded[t], to: null },
        ]);
      }
    }
  }
}

function staffCompany(b: BankBuilder, g: GroupContext, n: number): void {
  const { rng, cal } = b;
  // Staff serve while the group owns the company: a company bought later had other
  // officers before, one sold after as-of gets the buyer's legal representative then.
  const from = Math.max(b.founded[n], b.staffFrom[n]);
  const until = b.staffUntil[n] === 0 ? null : b.staffUntil[n];
  const isTop = g.tops.includes(n);
  const parent = b.parentOf[n];
  const appointer = parent >= 0 ? b.companyId(parent) : null;
  const rep = isTop && g.headPerson !== null ? g.headPerson : rng.pick(g.managers);
  const change = cal.pastAfter(rng, from);
  if (rng.chance(0.05) && (until === null || change < until)) {
    b.role(rng.pick(g.managers), n, 'LEGAL_REPRESENTATIVE', null, from, change);
    b.role(rep, n, 'LEGAL_REPRESENTATIVE', null, change, until);
  } else {
    b.role(rep, n, 'LEGAL_REPRESENTATIVE', null, from, until);
  }
  if (until !== null)
    b.role(b.addPerson(personName(rng)), n, 'LEGAL_REPRESENTATIVE', null, until, null);

  const hasBoard = b.companies[n].boardSeats !== null;
  if (!hasBoard && (isTop || rng.chance(0.22))) {
    const seats = rng.pick([3, 5, 7]);
    b.setBoard(n, seats);
    const chair = isTop && g.headPerson !== null ? g.headPerson : rng.pick(g.managers);
    const by = isTop ? null : appointer;
    b.seat(n, [{ holder: chair, role: 'CHAIRMAN', appointedBy: by, from, to: until }]);
    const directors = rng.int(0, seats - 3);
    for (let i = 0; i < directors; i++) {
      const director = rng.pick(g.managers);
      b.seat(n, [
        {
          holder: director,
          role: 'DIRECTOR',
          appointedBy: rng.chance(0.5) ? appointer : null,
          from,
          to: until,
        },
      ]);
    }
  }
  if (rng.chance(0.12)) b.role(rng.pick(g.managers), n, 'GENERAL_MANAGER', null, from, until);
}
