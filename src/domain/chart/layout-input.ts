/**
 * What the layered layout takes, its errors, and the one normal form it works on: ids and
 * arcs sorted and without duplicates, so the picture never depends on the order the
 * caller happened to list things in.
 */

/** A directed relation: [from, to]. */
export type Arc = readonly [string, string];

export interface LayoutInput {
  /** Laid out by control: heads on layer 0, everything below all of its controllers. */
  members: readonly string[];
  /** Control among members, [controller, controlled]. */
  control: readonly Arc[];
  /** Parties outside the group, placed beside what they relate to. */
  satellites: readonly string[];
  /** Every other relation: places satellites (direction matters) and orders each layer. */
  ties: readonly Arc[];
}

export class ChartLayoutError extends Error {
  constructor(message: string) {
    super(`chart/layered-layout: ${message}`);
    this.name = 'ChartLayoutError';
  }

  static notAMember(from: string, to: string): ChartLayoutError {
    return new ChartLayoutError(`control arc "${from}" > "${to}" names a node that is no member.`);
  }

  static unknownNode(from: string, to: string): ChartLayoutError {
    return new ChartLayoutError(`tie "${from}" > "${to}" names a node that is not laid out.`);
  }

  static satelliteIsMember(id: string): ChartLayoutError {
    return new ChartLayoutError(`"${id}" is given both as a member and as a satellite.`);
  }
}

export function normalised(input: LayoutInput): LayoutInput {
  const members = uniqueSorted(input.members);
  const memberSet = new Set(members);
  const satellites = uniqueSorted(input.satellites);
  for (const s of satellites) if (memberSet.has(s)) throw ChartLayoutError.satelliteIsMember(s);
  const all = new Set([...members, ...satellites]);
  for (const [a, b] of input.ties)
    if (!all.has(a) || !all.has(b)) throw ChartLayoutError.unknownNode(a, b);
  return {
    members,
    satellites,
    control: uniqueArcs(input.control.filter(([a, b]) => a !== b)),
    ties: uniqueArcs(input.ties.filter(([a, b]) => a !== b)),
  };
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function uniqueSorted(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort(byCodeUnits);
}

function uniqueArcs(arcs: readonly Arc[]): Arc[] {
  const seen = new Map<string, Arc>();
  for (const arc of arcs) seen.set(`${arc[0]}\u0000${arc[1]}`, arc);
  return [...seen.values()].sort((x, y) => byCodeUnits(x[0], y[0]) || byCodeUnits(x[1], y[1]));
}
