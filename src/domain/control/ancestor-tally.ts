/**
 * The "x together with what it controls" measure shared by R2, R3, R4 and R5.
 *
 * For one company y, each contributor (a holder with its stake, an appointer with its
 * seat) is credited to itself and to every party that controls it, directly or down a
 * chain, in the single-control graph built so far. Afterwards `total[x]` is what x holds
 * or appointed in y directly and through the entities it controls, and `bits[x]` the OR of
 * the contributors' flags. Each contributor is a slot whose ancestor list is kept, so the
 * slots a winner used can be listed as evidence. All scratch arrays are allocated once.
 *
 * Crediting follows all single control (`credit`); deciding whether a winner is already
 * linked to the company follows only control that joins groups (`joined`, without
 * E1-exempt state control), so control through a state body never hides a private route.
 */
import { IntBuffer } from '../graph/int-buffer';
import { Reachability } from '../graph/reachability';
import { float64, int32 } from '../graph/typed-arena';

export class AncestorTally {
  readonly total: Float64Array;
  readonly bits: Int32Array;
  /** Parties credited for the current company, each once. */
  readonly touched = new IntBuffer(64);
  private readonly seen: Int32Array;
  private readonly targetMark: Int32Array;
  private readonly creditTargetMark: Int32Array;
  private readonly ancestors = new IntBuffer(64);
  private readonly slotStart = new IntBuffer(16);
  private readonly contributors = new IntBuffer(16);
  private readonly scratch = new IntBuffer(64);
  private epoch = 0;
  slotCount = 0;

  constructor(
    nodeCount: number,
    private readonly credit: Reachability,
    private readonly joined: Reachability,
  ) {
    this.total = float64(nodeCount);
    this.bits = int32(nodeCount);
    this.seen = int32(nodeCount);
    this.targetMark = int32(nodeCount);
    this.creditTargetMark = this.joined === this.credit ? this.targetMark : int32(nodeCount);
  }

  /** Starts a tally for company `target`, noting who already controls it. */
  begin(target: number): void {
    const epoch = ++this.epoch;
    this.touched.clear();
    this.ancestors.clear();
    this.slotStart.clear();
    this.contributors.clear();
    this.slotCount = 0;
    this.scratch.clear();
    this.joined.ancestors(target, this.scratch);
    for (let i = 0; i < this.scratch.length; i++) this.targetMark[this.scratch.at(i)] = epoch;
    if (this.joined !== this.credit) {
      this.scratch.clear();
      this.credit.ancestors(target, this.scratch);
      for (let i = 0; i < this.scratch.length; i++)
        this.creditTargetMark[this.scratch.at(i)] = epoch;
    }
  }

  /**
   * True when x already controls the target by any route, state bodies included. A new
   * fact that E1 would exempt adds no reach then: adding it as an edge each round would
   * never end on a cycle, so it is left to `ExemptFacts` to settle at the end.
   */
  controlsTargetAtAll(x: number): boolean {
    return this.creditTargetMark[x] === this.epoch;
  }

  /** True when x already controls the target (or is the target): nothing new to record. */
  controlsTarget(x: number): boolean {
    return this.targetMark[x] === this.epoch;
  }

  add(contributor: number, weight: number, bits: number): void {
    this.slotStart.push(this.ancestors.length);
    this.contributors.push(contributor);
    this.slotCount++;
    const from = this.ancestors.length;
    this.credit.ancestors(contributor, this.ancestors);
    for (let i = from; i < this.ancestors.length; i++) {
      const x = this.ancestors.at(i);
      if (this.seen[x] !== this.epoch) {
        this.seen[x] = this.epoch;
        this.total[x] = 0;
        this.bits[x] = 0;
        this.touched.push(x);
      }
      this.total[x] += weight;
      this.bits[x] |= bits;
    }
  }

  /** The parties credited through `slot` (the contributor first, then its controllers). */
  slotParties(slot: number): Int32Array {
    const start = this.slotStart.at(slot);
    const end = slot + 1 < this.slotCount ? this.slotStart.at(slot + 1) : this.ancestors.length;
    const out = int32(end - start);
    for (let i = start; i < end; i++) out[i - start] = this.ancestors.at(i);
    return out;
  }

  /** The slots whose contribution is credited to x. */
  slotsOf(x: number): number[] {
    const slots: number[] = [];
    for (let s = 0; s < this.slotCount; s++) {
      const end = s + 1 < this.slotCount ? this.slotStart.at(s + 1) : this.ancestors.length;
      for (let i = this.slotStart.at(s); i < end; i++) {
        if (this.ancestors.at(i) === x) {
          slots.push(s);
          break;
        }
      }
    }
    return slots;
  }

  /**
   * The slots to cite for winner x. Under E1, slots x reaches only through a state body are
   * left out when the rest still fires, so a private route is reported as one; otherwise
   * all slots are cited and `throughState` says the control relies on a state body.
   */
  slotsFor(
    x: number,
    fires: (slots: number[]) => boolean,
  ): { slots: number[]; throughState: boolean } {
    const all = this.slotsOf(x);
    if (this.joined === this.credit) return { slots: all, throughState: false };
    const joined = all.filter((s) => {
      const contributor = this.contributors.at(s);
      if (contributor === x) return true;
      this.scratch.clear();
      this.joined.ancestors(contributor, this.scratch);
      for (let i = 0; i < this.scratch.length; i++) if (this.scratch.at(i) === x) return true;
      return false;
    });
    if (joined.length === all.length || fires(joined))
      return { slots: joined, throughState: false };
    return { slots: all, throughState: true };
  }

  /**
   * The parties to record as new controllers of the target: those `fires` accepts that do
   * not already control it, keeping only the lowest in the control order — a controller of
   * another winner is already linked through it (winners in one control cycle all stay).
   */
  winners(fires: (x: number) => boolean): number[] {
    const candidates: number[] = [];
    for (let i = 0; i < this.touched.length; i++) {
      const x = this.touched.at(i);
      if (!this.controlsTarget(x) && fires(x)) candidates.push(x);
    }
    candidates.sort((a, b) => a - b);
    if (candidates.length < 2) return candidates;
    const above = candidates.map((c) => {
      const list = new IntBuffer(8);
      this.joined.ancestors(c, list);
      return new Set(list.toArray());
    });
    return candidates.filter((x, i) =>
      candidates.every((c, j) => j === i || !above[j].has(x) || above[i].has(c)),
    );
  }
}
