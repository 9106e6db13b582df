/**
 * Every group of a derivation as integers: what a whole-bank pass hands back across a
 * thread, with no id string and no group object built. Group i's members, ascending, then
 * its heads, primary-first (heads-by-reach), are the next `memberCounts[i] + headCounts[i]`
 * entries of `entities`; groups in the order `deriveGroups` lists them.
 */
import { coreOf, DerivationCore } from './derivation-core';
import { claimFrom, claimScratch, reachOrder } from './heads-by-reach';
import { Derivation } from './types';

export interface PackedGroups {
  entities: Int32Array;
  memberCounts: Int32Array;
  headCounts: Int32Array;
}

/** The groups of a derivation from columns, in the numbers of its input. */
export function packedGroupsOf(derivation: Derivation): PackedGroups {
  const core = coreOf(derivation);
  if (core?.numberOf === undefined)
    throw new Error('packed-groups: a derivation made by deriveGroupsOfColumns is needed');
  return packGroupNumbers(core, core.numberOf);
}

/** `numberOf[x]`: the number the caller gave entity index x. */
function packGroupNumbers(s: DerivationCore, numberOf: Int32Array): PackedGroups {
  const { groupOf, isHead, groupCount } = s;
  const n = groupOf.length;
  const memberCounts = new Int32Array(groupCount);
  const headCounts = new Int32Array(groupCount);
  for (let x = 0; x < n; x++) {
    memberCounts[groupOf[x]]++;
    headCounts[groupOf[x]] += isHead[x];
  }
  // Where each group's members and heads start, filled from the front in index order.
  const memberAt = new Int32Array(groupCount);
  const headAt = new Int32Array(groupCount);
  for (let i = 0, at = 0; i < groupCount; i++) {
    memberAt[i] = at;
    headAt[i] = at + memberCounts[i];
    at += memberCounts[i] + headCounts[i];
  }
  const entities = new Int32Array(n + count(isHead));
  for (let x = 0; x < n; x++) {
    const i = groupOf[x];
    entities[memberAt[i]++] = x;
    if (isHead[x] === 1) entities[headAt[i]++] = x;
  }
  primaryFirst(s, entities, memberCounts, headCounts);
  for (let k = 0; k < entities.length; k++) entities[k] = numberOf[entities[k]];
  return { entities, memberCounts, headCounts };
}

/** Reorders each several-head group's heads (ascending in `entities`) by reach. */
function primaryFirst(
  s: DerivationCore,
  entities: Int32Array,
  memberCounts: Int32Array,
  headCounts: Int32Array,
): void {
  const scratch = claimScratch(s.groupOf.length);
  for (let i = 0, at = 0; i < memberCounts.length; i++) {
    const start = at + memberCounts[i];
    at = start + headCounts[i];
    if (headCounts[i] < 2) continue;
    const heads = entities.slice(start, at);
    const order = reachOrder(claimFrom(s.control, heads, scratch));
    for (let k = 0; k < order.length; k++) entities[start + k] = heads[order[k]];
  }
}

function count(flags: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < flags.length; i++) total += flags[i];
  return total;
}
