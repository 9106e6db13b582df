/**
 * Which FAMILY_TIE edges the whole-group write phase inserts, then ends. A tie between two
 * persons can merge or split whole groups (R9 family of controllers, R3 family pools, R10
 * posts of relatives), so the engine re-derives groups, not only downstream of the write.
 * Both persons hold a stake on the bench date, so the tie can matter; a tie is ended on the
 * bench date, as the stake removals are, so the bank is back to its shape on that date.
 * Deterministic for a seed.
 */
import { isValidOn, type ControlGraph, type FamilyTie } from '../../src/domain/model';
import { Rng } from '../../seeds/synthetic/rng';
import type { WritePlan } from './write-plan';

export interface PlannedTieEnd {
  id: string;
  validTo: string;
}

export interface KinWritePlan {
  ties: FamilyTie[];
  /** `ends[i]` ends `ties[i]`. */
  ends: PlannedTieEnd[];
  /** Persons a tie could join: those still holding a stake after the stake writes. */
  eligiblePersons: number;
}

/** Its own stream, so adding kin writes does not move the stake plan's picks. */
const KIN_SEED_OFFSET = 11;

export function planKinWrites(
  graph: ControlGraph,
  asOf: string,
  stakes: WritePlan,
  options: { count: number; seed: number; idPrefix: string },
): KinWritePlan {
  const rng = new Rng(options.seed + KIN_SEED_OFFSET);
  const ended = new Set(stakes.removals.map((r) => r.id));
  const holders = new Set(
    graph.shareholdings
      .filter((s) => isValidOn(s, asOf) && !ended.has(s.id))
      .map((s) => s.holderId),
  );
  const persons = graph.entities
    .filter((e) => e.kind === 'PERSON' && holders.has(e.id))
    .map((e) => e.id)
    .sort();
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  // An existing tie between the pair would make the new one change nothing.
  const tied = new Set(graph.familyTies.map((t) => pairKey(t.personAId, t.personBId)));

  const ties: FamilyTie[] = [];
  for (let tries = 0; ties.length < options.count && tries < options.count * 50; tries++) {
    if (persons.length < 2) break;
    const personAId = rng.pick(persons);
    const personBId = rng.pick(persons);
    const key = pairKey(personAId, personBId);
    if (personAId === personBId || tied.has(key)) continue;
    tied.add(key);
    ties.push({
      id: `${options.idPrefix}-FT-${ties.length + 1}`,
      personAId,
      personBId,
      relation: 'SIBLING',
      validFrom: null,
      validTo: null,
      source: 'bench',
    });
  }
  // Ended on the bench date, as the stake removals are: from then on the tie no longer
  // holds (validTo is exclusive), and with validFrom null any validTo is after it.
  const ends = ties.map((t) => ({ id: t.id, validTo: asOf }));
  return { ties, ends, eligiblePersons: persons.length };
}
