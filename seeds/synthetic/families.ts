/**
 * Families of up to three generations behind private groups: the persons whose stakes are
 * pooled under R3 (a person with his own close relatives) and whose separate holdings join
 * the group under R9 (close relatives who each control something). Family members are never
 * used as minority "noise" holders elsewhere, so pooling only happens where it is meant to.
 */
import type { BankBuilder } from './bank-builder';
import { personName, SURNAMES } from './names';

export interface Family {
  founder: string;
  spouse: string | null;
  sibling: string | null;
  children: string[];
  grandchildren: string[];
}

export function buildFamily(b: BankBuilder, generations: 1 | 2 | 3): Family {
  const { rng } = b;
  const surname = rng.pick(SURNAMES);
  const person: Person = (own) => b.addPerson(own ? personName(rng, surname) : personName(rng));
  const founder = person(true);
  const family: Family = { founder, spouse: null, sibling: null, children: [], grandchildren: [] };

  if (rng.chance(generations === 1 ? 0.5 : 0.85)) {
    family.spouse = person(false);
    marry(b, founder, family.spouse);
  }
  if (rng.chance(0.15)) {
    family.sibling = person(true);
    b.tie(founder, family.sibling, 'SIBLING', null);
  }
  if (generations === 1) return family;

  const childCount = rng.int(1, 3);
  for (let i = 0; i < childCount; i++) {
    const child = person(true);
    family.children.push(child);
    b.tie(founder, child, 'PARENT_OF', null);
    if (family.spouse !== null) b.tie(family.spouse, child, 'PARENT_OF', null);
    if (generations === 3) addGrandchildren(b, family, child, person);
  }
  if (childCount > 1 && rng.chance(0.5)) {
    b.tie(family.children[0], family.children[1], 'SIBLING', null);
  }
  return family;
}

/** Creates a family member: `own` ones carry the family's surname. */
type Person = (own: boolean) => string;

function addGrandchildren(b: BankBuilder, family: Family, child: string, person: Person): void {
  const { rng } = b;
  const inLaw = rng.chance(0.7) ? person(false) : null;
  if (inLaw !== null) marry(b, child, inLaw);
  const count = rng.int(0, 2);
  for (let i = 0; i < count; i++) {
    const grandchild = person(true);
    family.grandchildren.push(grandchild);
    b.tie(child, grandchild, 'PARENT_OF', null);
    if (inLaw !== null) b.tie(inLaw, grandchild, 'PARENT_OF', null);
  }
}

/** A marriage from a past date; a few have ended, so R3/R9 pools differ by date. */
function marry(b: BankBuilder, a: string, c: string): void {
  const { rng, cal } = b;
  const since = cal.yearsAgo(rng, 2, 35);
  const until = rng.chance(0.04) ? cal.pastAfter(rng, since) : null;
  b.tie(a, c, 'SPOUSE', since, until);
}
