/**
 * The E1-exempt facts the single-control rounds find, settled once the fixpoint is reached.
 *
 * In a round, an exempt fact whose controller already reaches the company adds nothing, but
 * whether it already does depends on the round that route was found in: a state body that
 * holds H by R1 wins H's company D beside H in D's first round; one that holds H by R2,
 * found in that same round, reaches D through H only the round after. Both are the same
 * control, and a write that derives D again alone must find what a whole-bank derivation
 * finds. So every exempt fact found is kept to the end (one that adds no reach gets no
 * edge, so the rounds run as before) and judged on the final graph: it is left out where
 * its controller x controls another controller c of the company y, neither control going
 * back (y does not control c, c does not control x). x's control of y is then shown by the
 * chain through c, as the lowest-winner rule shows a private controller of another winner,
 * and the reachable pairs stay what they were.
 */
import { IntBuffer } from '../graph/int-buffer';
import { Reachability } from '../graph/reachability';
import { RawFact, RuleContext } from './raw-fact';

export class ExemptFacts {
  /** Found while the controller did not reach the company: in the fact list, with an edge. */
  private readonly withEdge: RawFact[] = [];
  /** Found while the controller already reached the company: no edge, not yet listed. */
  private readonly reached: RawFact[] = [];
  private readonly reachedPairs = new Set<number>();
  private readonly aboveCompany = new IntBuffer(16);
  private readonly aboveController = new IntBuffer(8);
  private readonly aboveOther = new IntBuffer(16);

  constructor(
    private readonly ctx: RuleContext,
    private readonly reach: Reachability,
  ) {}

  /** Notes a fact that adds reach; it is returned to be added as usual. */
  found(f: RawFact): RawFact {
    this.withEdge.push(f);
    return f;
  }

  /** Notes a fact whose controller already reaches the company, once per pair. */
  foundReached(f: RawFact): void {
    if (this.hasEdge(f.from, f.to)) return;
    const pair = f.from * this.ctx.g.n + f.to;
    if (this.reachedPairs.has(pair)) return;
    this.reachedPairs.add(pair);
    this.reached.push(f);
  }

  /** `facts` with the reached facts added and those the final graph shows redundant left out. */
  settle(facts: RawFact[]): RawFact[] {
    const redundant = new Set<RawFact>();
    for (const f of this.withEdge) if (this.runsThroughAnother(f.from, f.to)) redundant.add(f);
    const kept = this.reached.filter((f) => !this.runsThroughAnother(f.from, f.to));
    if (redundant.size === 0) return kept.length === 0 ? facts : facts.concat(kept);
    return facts.filter((f) => !redundant.has(f)).concat(kept);
  }

  private hasEdge(from: number, to: number): boolean {
    const control = this.ctx.control;
    const source = control.from;
    for (let e = control.headIn[to]; e !== -1; e = control.nextIn[e]) {
      if (source[e] === from) return true;
    }
    return false;
  }

  /** Whether x controls a c that controls y, with y not controlling c nor c controlling x. */
  private runsThroughAnother(x: number, y: number): boolean {
    this.ancestorsInto(y, this.aboveCompany);
    this.ancestorsInto(x, this.aboveController);
    const aboveX = new Set(this.aboveController.toArray());
    for (let i = 0; i < this.aboveCompany.length; i++) {
      const c = this.aboveCompany.at(i);
      if (c === y || aboveX.has(c)) continue;
      this.ancestorsInto(c, this.aboveOther);
      if (this.holds(this.aboveOther, x) && !this.holds(this.aboveOther, y)) return true;
    }
    return false;
  }

  private ancestorsInto(x: number, out: IntBuffer): void {
    out.clear();
    this.reach.ancestors(x, out);
  }

  private holds(list: IntBuffer, x: number): boolean {
    for (let i = 0; i < list.length; i++) if (list.at(i) === x) return true;
    return false;
  }
}
