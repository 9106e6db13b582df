/**
 * Layer assignment for a structure chart: longest-path layering of the condensation
 * (Sugiyama, Tagawa & Toda 1981, step 1; cycles by strongly connected components, Tarjan).
 *
 * Why longest path and not the shortest distance from a head: with the longest path every
 * controller sits strictly above everything it controls, so every control arrow points
 * down. A control cycle (mutual cross-holdings) is one component and shares one layer.
 * Heads, the members no one outside their own cycle controls, are exactly the sources: layer 0.
 *
 * Satellites (parties outside the group that a fact or its evidence names) are placed next to
 * what they relate to: one layer above the highest node they point to, else one below the
 * lowest node that points to them. Layers are then shifted so the smallest is 0.
 */
import { buildCsr } from '../graph/csr';
import { stronglyConnectedComponents } from '../graph/scc';
import { int32 } from '../graph/typed-arena';
import { Arc, ChartLayoutError } from './layout-input';

/** Layer per member; members and arcs must come sorted and without duplicates. */
export function memberLayers(members: readonly string[], control: readonly Arc[]): Int32Array {
  const index = new Map(members.map((id, i) => [id, i]));
  const from = int32(control.length);
  const to = int32(control.length);
  control.forEach(([a, b], e) => {
    const u = index.get(a);
    const v = index.get(b);
    if (u === undefined || v === undefined) throw ChartLayoutError.notAMember(a, b);
    from[e] = u;
    to[e] = v;
  });
  const graph = buildCsr(members.length, from, to);
  const scc = stronglyConnectedComponents(graph);
  const nodesOf = buildCsr(scc.count, scc.componentOf, identity(members.length));
  const layerOfComponent = int32(scc.count);
  // Tarjan completes a component after every component it reaches: the highest number is a
  // source, so a descending sweep sees each component after all of its controllers.
  for (let c = scc.count - 1; c >= 0; c--) {
    for (let i = nodesOf.offsets[c]; i < nodesOf.offsets[c + 1]; i++) {
      const u = nodesOf.targets[i];
      for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++) {
        const d = scc.componentOf[graph.targets[j]];
        if (d !== c && layerOfComponent[d] < layerOfComponent[c] + 1) {
          layerOfComponent[d] = layerOfComponent[c] + 1;
        }
      }
    }
  }
  const layers = int32(members.length);
  for (let u = 0; u < members.length; u++) layers[u] = layerOfComponent[scc.componentOf[u]];
  return layers;
}

/**
 * Adds the satellites' layers to `layers` (members already in), in rounds: a round places
 * every satellite related to a node placed before the round, so the result does not depend
 * on the order satellites are visited in. One unrelated to anything goes on layer 0.
 */
export function placeSatellites(
  layers: Map<string, number>,
  satellites: readonly string[],
  ties: readonly Arc[],
): void {
  const pointsTo = new Map<string, string[]>();
  const pointedFrom = new Map<string, string[]>();
  for (const [a, b] of ties) {
    push(pointsTo, a, b);
    push(pointedFrom, b, a);
  }
  let pending = satellites.filter((s) => !layers.has(s));
  while (pending.length > 0) {
    const placed: [string, number][] = [];
    for (const s of pending) {
      const below = known(layers, pointsTo.get(s));
      const above = known(layers, pointedFrom.get(s));
      if (below.length > 0) placed.push([s, below.reduce(min) - 1]);
      else if (above.length > 0) placed.push([s, above.reduce(max) + 1]);
    }
    if (placed.length === 0) placed.push(...pending.map((s): [string, number] => [s, 0]));
    for (const [s, layer] of placed) layers.set(s, layer);
    pending = pending.filter((s) => !layers.has(s));
  }
  const lowest = [...layers.values()].reduce(min, 0);
  if (lowest < 0) for (const [id, layer] of layers) layers.set(id, layer - lowest);
}

// Spreading a large list into Math.min would overflow the call stack on a big group.
const min = (a: number, b: number): number => (a < b ? a : b);
const max = (a: number, b: number): number => (a > b ? a : b);

function identity(n: number): Int32Array {
  const ids = int32(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  return ids;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function known(layers: Map<string, number>, ids: string[] | undefined): number[] {
  const found: number[] = [];
  for (const id of ids ?? []) {
    const layer = layers.get(id);
    if (layer !== undefined) found.push(layer);
  }
  return found;
}
