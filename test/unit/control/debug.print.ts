import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { exampleGraph } from './example-graph';
it('prints', () => {
  const d = deriveGroups(exampleGraph(), '2026-09-30');
  for (const f of d.facts)
    console.log(
      `${f.controllerId} -> ${f.controlledId} ${f.rule} ${f.joinsGroup}\n  ${f.description}\n  ${f.evidence.map((e) => e.kind + ':' + e.id).join(', ')}`,
    );
});
