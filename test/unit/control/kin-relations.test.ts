import fc from 'fast-check';
import { CompactGraph } from '../../../src/domain/control/compact-graph';
import { byId } from '../../../src/domain/control/kin-relations';

/** byId reads only the family rows' ids. */
function withFamilyIds(ids: string[]): Pick<CompactGraph, 'familyRelation' | 'familyId'> {
  return { familyRelation: new Uint8Array(ids.length), familyId: (r) => ids[r] };
}

function expectedOrder(ids: string[]): number[] {
  return ids
    .map((id, row) => ({ id, row }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.row - b.row))
    .map((x) => x.row);
}

describe('byId (family rows in id order)', () => {
  it('keeps rows given in id order as they are, equal ids in row order', () => {
    expect([...byId(withFamilyIds(['F-1', 'F-1', 'F-10', 'F-2']))]).toEqual([0, 1, 2, 3]);
  });

  it('orders any rows by id, equal ids in row order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('F-1', 'F-10', 'F-2', 'G', 'f'), { maxLength: 12 }),
        (ids) => {
          expect([...byId(withFamilyIds(ids))]).toEqual(expectedOrder(ids));
        },
      ),
    );
  });
});
