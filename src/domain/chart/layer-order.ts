/**
 * Order within each layer by the barycenter heuristic (Sugiyama, Tagawa & Toda 1981, step 2):
 * alternate sweeps down and up, each node moving to the mean position of its neighbours in
 * the layers already fixed, to cut edge crossings. Deterministic: the start is id order,
 * ties keep the previous order, no randomness, at most a fixed number of sweeps.
 *
 * Positions are centred slots (a layer of 3 is at -1, 0, 1), so layers of different widths
 * line up around one axis and a node under a single parent can sit right below it.
 */
import { Arc } from './layout-input';

const SWEEPS = 4;

export function orderLayers(
  layerOf: ReadonlyMap<string, number>,
  arcs: readonly Arc[],
): string[][] {
  let layerCount = 0;
  for (const layer of layerOf.values()) if (layer >= layerCount) layerCount = layer + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const id of [...layerOf.keys()].sort()) layers[layerOf.get(id) as number].push(id);
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of arcs) {
    add(neighbours, a, b);
    add(neighbours, b, a);
  }
  const x = new Map<string, number>();
  layers.forEach((layer) => placeAt(x, layer));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    let moved = false;
    for (let l = 1; l < layers.length; l++) {
      moved = reorder(layers, l, (other) => other < l, neighbours, layerOf, x) || moved;
    }
    for (let l = layers.length - 2; l >= 0; l--) {
      moved = reorder(layers, l, (other) => other > l, neighbours, layerOf, x) || moved;
    }
    if (!moved) break;
  }
  return layers;
}

/** Centred slot of the i-th of n nodes in a layer. */
export function slot(i: number, n: number): number {
  return i - (n - 1) / 2;
}

function reorder(
  layers: string[][],
  l: number,
  fixed: (layer: number) => boolean,
  neighbours: ReadonlyMap<string, string[]>,
  layerOf: ReadonlyMap<string, number>,
  x: Map<string, number>,
): boolean {
  const before = layers[l];
  const keyed = before.map((id, i) => {
    let sum = 0;
    let count = 0;
    for (const n of neighbours.get(id) ?? []) {
      if (!fixed(layerOf.get(n) as number)) continue;
      sum += x.get(n) as number;
      count++;
    }
    return { id, i, key: count > 0 ? sum / count : (x.get(id) as number) };
  });
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  const after = keyed.map((k) => k.id);
  layers[l] = after;
  placeAt(x, after);
  return after.some((id, i) => id !== before[i]);
}

function placeAt(x: Map<string, number>, layer: readonly string[]): void {
  layer.forEach((id, i) => x.set(id, slot(i, layer.length)));
}

function add(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
