/**
 * The derivation object handed to callers, with its costly parts computed on first read.
 *
 * A start-up derivation over the whole bank needs only `groups` and the heads; building a
 * ControlFact (evidence rows, a sentence, a decimal total) for every fact would be most of
 * its time and memory. So `facts`, `groupIndexOf` and `guaranteeCircles` (and `groups`, for a
 * derivation from columns, whose caller may want them as numbers only: packed-groups) are
 * getters that compute once and keep the result; they are own enumerable properties, so spreading,
 * JSON and deep equality still see plain values. The integer form they are built from
 * stays reachable from the derivation through a WeakMap, for the heads and explanations.
 */
import { Csr } from '../graph/csr';
import { CompactGraph } from './compact-graph';
import { guaranteeCircles } from './guarantee-circles';
import { materializeFacts } from './materialize-facts';
import { RawFact } from './raw-fact';
import { ControlFact, Derivation, DerivedGroup, GuaranteeCircle } from './types';

export interface DerivationCore {
  readonly g: CompactGraph;
  /** The policy's threshold as written, for sentences. */
  readonly thresholdText: string;
  readonly raw: readonly RawFact[];
  /** Group label per entity index. */
  readonly groupOf: Int32Array;
  /** Directed joining facts (controller -> controlled), the graph heads are taken on. */
  readonly control: Csr;
  readonly groupCount: number;
  /** 1 for the heads. */
  readonly isHead: Uint8Array;
  /** For a derivation from columns: the caller's number of each entity index. */
  readonly numberOf?: Int32Array;
}

const cores = new WeakMap<Derivation, DerivationCore>();

/** The integer form behind a derivation made by `deriveGroups`, or undefined for any other. */
export function coreOf(derivation: Derivation): DerivationCore | undefined {
  return cores.get(derivation);
}

export function lazyDerivation(
  asOf: string,
  groupsOf: () => DerivedGroup[],
  core: DerivationCore,
): Derivation {
  let groups: DerivedGroup[] | undefined;
  let facts: ControlFact[] | undefined;
  let groupIndexOf: Map<string, number> | undefined;
  let circles: GuaranteeCircle[] | undefined;
  const derivation: Derivation = {
    asOf,
    get facts(): ControlFact[] {
      return (facts ??= materializeFacts(core.g, core.thresholdText, core.raw));
    },
    get groups(): DerivedGroup[] {
      return (groups ??= groupsOf());
    },
    get groupIndexOf(): Map<string, number> {
      return (groupIndexOf ??= indexOfGroups(core));
    },
    get guaranteeCircles(): GuaranteeCircle[] {
      return (circles ??= guaranteeCircles(core.g));
    },
  };
  cores.set(derivation, core);
  return derivation;
}

/** The group of one entity without building the whole id -> group map. */
export function groupIndexOfEntity(derivation: Derivation, entityId: string): number | undefined {
  const core = coreOf(derivation);
  if (core === undefined) return derivation.groupIndexOf.get(entityId);
  const x = core.g.index.indexOf(entityId);
  return x === -1 ? undefined : core.groupOf[x];
}

function indexOfGroups(core: DerivationCore): Map<string, number> {
  const map = new Map<string, number>();
  for (let x = 0; x < core.g.n; x++) map.set(core.g.index.idOf(x), core.groupOf[x]);
  return map;
}
