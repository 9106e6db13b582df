/**
 * A deterministic synthetic bank for benchmarks and demos: `generateBank({ entities, seed })`
 * returns a `Dataset` that passes import validation, with the structure real group-customer
 * books have (power-law groups up to 10 000 members, families, cross-holdings, state groups,
 * board control, concert pairs, guarantee circles, facilities for ~20 % of companies).
 * Same entities, seed and as-of → byte-identical output; Math.random is never used.
 *
 * Each phase draws from its own forked stream, so tuning one phase leaves the others' draws
 * unchanged.
 */
import type { Dataset, IsoDate } from '../../src/domain/model';
import { addCapital, addFxRates, addGroupLimits } from './bank-capital';
import { BankBuilder, type GroupKind } from './bank-builder';
import { addBooks } from './books';
import { Calendar } from './calendar';
import { buildGroup } from './group-shapes';
import { drawGroupKind, drawGroupSize, planBank, type BankPlan } from './group-sizes';
import { addGuarantees } from './guarantees';
import { addIndependentDirectors, addMinorityStakes } from './minority';
import { institutionName, personName, stateBodyName } from './names';
import { Rng } from './rng';
import { dispersedCompany, sharedRepresentativeCluster, stateSingle } from './standalone';

export interface GenerateBankOptions {
  entities: number;
  seed: number;
  /** "Today" of the bank: rows start before it, some have ended, some start after. */
  asOf?: IsoDate;
}

export const DEFAULT_AS_OF = '2026-09-30';
export const MIN_ENTITIES = 100;
export const MAX_ENTITIES = 5_000_000;

/** Share of companies built inside groups; the rest stand alone. */
const GROUPED_SHARE = 0.8;
const NOISE_SHARE = 0.55;
const GUARANTEE_SHARE = 0.1;
const FACILITY_SHARE = 0.2;

export function generateBank(options: GenerateBankOptions): Dataset {
  const { entities, seed } = options;
  if (!Number.isInteger(entities) || entities < MIN_ENTITIES || entities > MAX_ENTITIES) {
    throw new RangeError(
      `generate-bank: entities must be an integer in [${MIN_ENTITIES}, ${MAX_ENTITIES}], got ${entities}`,
    );
  }
  const root = new Rng(seed);
  const plan = planBank(entities);
  const b = new BankBuilder(root.fork(1), new Calendar(options.asOf ?? DEFAULT_AS_OF), entities);

  for (let i = 0; i < plan.states; i++) b.addBody('STATE', stateBodyName(i));
  for (let i = 0; i < plan.institutions; i++) b.addBody('INSTITUTION', institutionName(i));
  for (let i = Math.max(10, Math.round(entities * 0.02)); i > 0; i--)
    b.investors.push(b.addPerson(personName(b.rng)));

  b.rng = root.fork(2);
  buildGroups(b, plan);
  b.rng = root.fork(3);
  for (let i = Math.max(1, Math.round(entities / 2500)); i > 0; i--) sharedRepresentativeCluster(b);
  for (let i = Math.max(1, Math.round(entities / 4000)); i > 0; i--) stateSingle(b);
  b.rng = root.fork(4);
  fillBank(b, plan);

  b.rng = root.fork(5);
  addMinorityStakes(b, NOISE_SHARE);
  addIndependentDirectors(b);
  b.rng = root.fork(6);
  addGuarantees(b, GUARANTEE_SHARE);
  b.rng = root.fork(7);
  const totals = addBooks(b, FACILITY_SHARE);
  for (const g of b.data.guarantees) totals.currencies.add(g.currency);
  addFxRates(b, totals.currencies);
  addCapital(b, totals);
  addGroupLimits(b, totals);
  return b.data;
}

function buildGroups(b: BankBuilder, plan: BankPlan): void {
  // The largest group first, then one of each special shape, so every bank has them.
  const forced: [GroupKind, number][] = [
    ['FAMILY', plan.cap],
    ['STATE', Math.max(2, Math.floor(plan.cap / 2))],
    ['CONCERT', 3],
    ['MUTUAL', 4],
    ['INSTITUTION', 3],
    ['FOREIGN', 3],
  ];
  for (const [kind, size] of forced) buildGroup(b, kind, size);
  while (
    b.companies.length < plan.companies * GROUPED_SHARE &&
    b.persons < plan.persons * 0.85 &&
    b.entityCount < plan.entities * 0.9
  ) {
    const size = drawGroupSize(b.rng, plan.cap);
    buildGroup(b, drawGroupKind(b.rng, size), size);
  }
}

/** Stand-alone companies and loose persons up to exactly the planned size. */
function fillBank(b: BankBuilder, plan: BankPlan): void {
  const { rng } = b;
  const standalone = Math.max(0, plan.companies - b.companies.length);
  const personsLeft = Math.max(0, plan.persons - b.persons);
  const reps = Math.min(Math.round(standalone * 0.6), personsLeft);
  for (let i = personsLeft - reps; i > 0; i--) b.investors.push(b.addPerson(personName(rng)));
  for (let i = 0; i < standalone && b.entityCount < plan.entities; i++) {
    dispersedCompany(b, i < reps ? b.addPerson(personName(rng)) : null);
  }
  while (b.entityCount < plan.entities) {
    if (b.persons < plan.persons) b.investors.push(b.addPerson(personName(rng)));
    else dispersedCompany(b, null);
  }
}
