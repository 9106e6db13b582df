/**
 * The check the write-path tests end on: the harness's groups and kept facts against a
 * whole-bank derivation of the same store.
 */
import type { ControlPolicy } from '../../../src/domain/policy/control-policy';
import type { GraphStore } from '../../../src/services/graph-store';
import { DIRECTED, JOINS, type StoredFact } from '../../../src/services/incremental/group-facts';
import { groupsByEntity } from './write-fixtures';
import { wholeBank, type WriteHarness } from './write-harness';

/** A fact as text in ids, undirected ones with their ends in order. */
function factText(store: GraphStore, f: StoredFact): string {
  const [a, b] = [store.idAt(f.from), store.idAt(f.to)];
  if ((f.flags & DIRECTED) !== 0) return `${a}>${b}:${f.flags}`;
  return `${a < b ? a : b}-${a < b ? b : a}:${f.flags}`;
}

/**
 * What a group's kept facts must hold: directed facts into `ids`, joining ones there, each
 * once (two rules may give the same fact: nothing reads which), sorted.
 */
export function keptFactsText(
  store: GraphStore,
  facts: readonly StoredFact[],
  ids: readonly string[],
): string[] {
  const members = new Set(ids.map((id) => store.numberOfId(id)));
  const texts = new Set<string>();
  for (const f of facts) {
    if ((f.flags & (DIRECTED | JOINS)) === 0 || !members.has(f.to)) continue;
    texts.add(factText(store, f));
  }
  return [...texts].sort();
}

/**
 * Groups, heads and every group's kept facts against a whole-bank derivation. With
 * `everyGroupKept`, a group without kept facts fails the check; else it is skipped.
 */
export function expectWholeBank(
  harness: WriteHarness,
  policy: ControlPolicy,
  everyGroupKept = false,
): void {
  const { store } = harness;
  const whole = wholeBank(store, policy);
  expect(groupsByEntity(harness.shapes())).toEqual(groupsByEntity(whole.shapes));
  for (const group of harness.shapes()) {
    const kept = harness.facts.of(group);
    if (everyGroupKept) expect(kept).toBeDefined();
    if (!kept) continue;
    const paths = harness.paths.join();
    expect({
      group: group.memberIds,
      paths,
      facts: keptFactsText(store, kept.facts, group.memberIds),
    }).toEqual({
      group: group.memberIds,
      paths,
      facts: keptFactsText(store, whole.facts, group.memberIds),
    });
  }
}
