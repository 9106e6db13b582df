/**
 * R9 family of controllers: two persons who each control something (any directed fact)
 * and are close relatives of each other. Pairwise, never a transitive closure: a man and
 * his wife's brother are not linked through her. Undirected: no one becomes a controller.
 * Source: seed 集团客户认定标准 (一)3 and (二)10 (近亲属共同控制).
 */
import { uint8 } from '../../graph/typed-arena';
import { KIND_CODE } from '../compact-graph';
import { Kinship } from '../kinship';
import { rawFact, RawFact, RuleContext } from '../raw-fact';

export function familyOfControllersFacts(
  ctx: RuleContext,
  kinship: Kinship,
  directed: readonly RawFact[],
): RawFact[] {
  const isController = uint8(ctx.g.n);
  for (const f of directed) {
    if (ctx.g.kind[f.from] === KIND_CODE.PERSON) isController[f.from] = 1;
  }
  const out: RawFact[] = [];
  for (let p = 0; p < ctx.g.n; p++) {
    if (isController[p] === 0) continue;
    for (const tie of kinship.of(p)) {
      if (tie.other <= p || isController[tie.other] === 0) continue;
      out.push(
        rawFact(p, tie.other, 'R9', {
          directed: false,
          familyRows: tie.rows,
          note: { kind: 'kin', label: tie.label },
        }),
      );
    }
  }
  return out;
}
