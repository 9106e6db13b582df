/**
 * A group's heads with the primary head first: the head that controls the largest part of
 * the group. It names the group, carries its id across recomputation and starts every
 * explanation.
 *
 * Definition: one breadth-first search over the group's directed joining facts from all
 * heads at once, seeded in head id order. Each member belongs to the head that reaches it
 * first — the fewest control steps, ties to the smallest head id (a FIFO queue keeps every
 * level in nondecreasing seed order, so the first claim is the smallest id). Every member
 * is claimed: following control facts backwards from any member ends at a head. The
 * primary head has the most members, ties to the smallest id; the rest follow by members
 * claimed (descending), then id. O(members + facts) per group, so the group engine can ask
 * for every multi-head group of the bank; per-head searches were quadratic for groups of
 * thousands of R10-joined heads.
 */
import { buildCsr, Csr } from '../graph/csr';
import { NotFoundError } from '../errors';
import { coreOf } from './derivation-core';
import { Derivation } from './types';

const ordered = new WeakMap<Derivation, Map<number, string[]>>();

export function headsByReach(derivation: Derivation, groupIndex: number): string[] {
  const group = derivation.groups[groupIndex];
  if (group === undefined) throw NotFoundError.entity('group', String(groupIndex));
  if (group.headIds.length < 2) return [...group.headIds];
  let byGroup = ordered.get(derivation);
  if (byGroup === undefined) ordered.set(derivation, (byGroup = new Map()));
  let heads = byGroup.get(groupIndex);
  if (heads === undefined) {
    const ids = group.headIds;
    heads = Array.from(reachOrder(claimedCounts(derivation, groupIndex)), (k) => ids[k]);
    byGroup.set(groupIndex, heads);
  }
  return heads;
}

/** Head positions (in id order) by members claimed, most first, ties to the earlier head. */
export function reachOrder(claimed: Int32Array): Int32Array {
  const order = new Int32Array(claimed.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  return order.sort((a, b) => claimed[b] - claimed[a] || a - b);
}

/** Members claimed by each head, indexed like `headIds` (which ascend by id). */
function claimedCounts(derivation: Derivation, groupIndex: number): Int32Array {
  const core = coreOf(derivation);
  const headIds = derivation.groups[groupIndex].headIds;
  if (core === undefined) return localClaims(derivation, groupIndex);
  const seeds = Int32Array.from(headIds, (id) => core.g.index.indexOf(id));
  return claimFrom(core.control, seeds, scratchOf(core.g.n, derivation));
}

export interface Scratch {
  owner: Int32Array;
  queue: Int32Array;
}

/** Scratch for `claimFrom` over n entities. */
export function claimScratch(n: number): Scratch {
  return { owner: new Int32Array(n).fill(-1), queue: new Int32Array(n) };
}

const scratches = new WeakMap<Derivation, Scratch>();

/** Two arrays over all entities, reused for every group of one derivation. */
function scratchOf(n: number, derivation: Derivation): Scratch {
  let scratch = scratches.get(derivation);
  if (scratch === undefined) {
    scratch = claimScratch(n);
    scratches.set(derivation, scratch);
  }
  return scratch;
}

/**
 * The multi-source search. `owner` must be -1 on every node of the group on entry; it is
 * reset before returning, so one scratch serves all groups.
 */
export function claimFrom(control: Csr, seeds: Int32Array, { owner, queue }: Scratch): Int32Array {
  const counts = new Int32Array(seeds.length);
  let tail = 0;
  for (let k = 0; k < seeds.length; k++) {
    owner[seeds[k]] = k;
    queue[tail++] = seeds[k];
    counts[k] = 1;
  }
  const { offsets, targets } = control;
  for (let i = 0; i < tail; i++) {
    const u = queue[i];
    const k = owner[u];
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const v = targets[e];
      if (owner[v] === -1) {
        owner[v] = k;
        counts[k]++;
        queue[tail++] = v;
      }
    }
  }
  for (let i = 0; i < tail; i++) owner[queue[i]] = -1;
  return counts;
}

/** For a derivation not made by deriveGroups: the same search over its public facts. */
function localClaims(derivation: Derivation, groupIndex: number): Int32Array {
  const group = derivation.groups[groupIndex];
  const local = new Map<string, number>();
  for (const id of group.memberIds) local.set(id, local.size);
  const from: number[] = [];
  const to: number[] = [];
  for (const f of derivation.facts) {
    const a = local.get(f.controllerId);
    const b = local.get(f.controlledId);
    if (f.directed && f.joinsGroup && a !== undefined && b !== undefined) {
      from.push(a);
      to.push(b);
    }
  }
  const seeds = Int32Array.from(group.headIds, (id) => local.get(id) as number);
  const scratch = { owner: new Int32Array(local.size).fill(-1), queue: new Int32Array(local.size) };
  return claimFrom(buildCsr(local.size, from, to), seeds, scratch);
}
