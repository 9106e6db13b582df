/**
 * A layered (Sugiyama-style) layout of a group's structure chart: heads on top, each
 * controlled entity below all of its controllers, control cycles side by side on one layer,
 * outside parties next to what they relate to. Pure and deterministic: the same group gives
 * the same picture on every call, whatever order its facts were listed in.
 *
 * Why our own and not graphology's standard library: graphology-layout offers circular,
 * random and circle-pack layouts, none layered; graphology-dag's topological generations
 * reject cycles, which cross-holdings make common, and the condensation they would need is
 * already here (graph/scc). Coordinates are in slots: x a centred position within the layer
 * (one unit between neighbours), y the layer (0 at the top, growing downwards).
 */
import { memberLayers, placeSatellites } from './layering';
import { LayoutInput, normalised } from './layout-input';
import { orderLayers, slot } from './layer-order';

export interface Placement {
  layer: number;
  /** Rank within the layer, 0 on the left. */
  order: number;
  x: number;
  y: number;
}

export interface Layout {
  placements: Map<string, Placement>;
  /** Node ids per layer, top layer first, left to right. */
  layers: string[][];
}

export function layeredLayout(input: LayoutInput): Layout {
  const { members, control, satellites, ties } = normalised(input);
  const layers = memberLayers(members, control);
  const layerOf = new Map<string, number>(members.map((id, i) => [id, layers[i]]));
  placeSatellites(layerOf, satellites, ties);
  const ordered = orderLayers(layerOf, [...control, ...ties]);
  const placements = new Map<string, Placement>();
  ordered.forEach((layer, y) =>
    layer.forEach((id, order) => {
      placements.set(id, { layer: y, order, x: slot(order, layer.length), y });
    }),
  );
  return { placements, layers: ordered };
}

export type { Arc, LayoutInput } from './layout-input';
export { ChartLayoutError } from './layout-input';
