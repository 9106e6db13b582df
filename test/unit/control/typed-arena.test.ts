import fc from 'fast-check';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import {
  float64,
  int32,
  lastArenaBytesUsed,
  uint8,
  withTypedArena,
} from '../../../src/domain/graph/typed-arena';
import { exampleGraph } from './example-graph';
import { aLink, aRole, aShareholding, graphOf } from './builders';

describe('typed arena', () => {
  it('serves zeroed, aligned arrays from one buffer inside an arena, separate ones outside', () => {
    const outside = int32(2048);
    expect(outside.buffer.byteLength).toBe(outside.byteLength);
    withTypedArena(
      1 << 20,
      () => {
        const a = uint8(5001);
        const b = float64(2000);
        const c = int32(3000);
        expect(a.buffer).toBe(b.buffer);
        expect(b.buffer).toBe(c.buffer);
        expect(b.byteOffset % 8).toBe(0);
        expect([...a, ...b, ...c].every((v) => v === 0)).toBe(true);
        b[0] = 1.5;
        c[0] = -7;
        expect([a[0], b[0], c[0]]).toEqual([0, 1.5, -7]);
      },
      0,
    );
    // Each array rounded up to 8 bytes, so the float64 array after 5001 bytes stays aligned.
    expect(lastArenaBytesUsed()).toBe(5008 + 16000 + 12000);
  });

  it('takes a further buffer when the first runs out, and small arrays stay separate', () => {
    withTypedArena(
      16384,
      () => {
        const first = int32(3000);
        const second = int32(3000);
        expect(second.buffer).not.toBe(first.buffer);
        expect(second.every((v) => v === 0)).toBe(true);
        expect(int32(4).buffer).not.toBe(first.buffer);
      },
      0,
    );
  });

  it('runs without an arena below the minimum size', () => {
    withTypedArena(1000, () => expect(int32(4096).buffer.byteLength).toBe(16384));
  });

  it('derives the same groups and facts inside a small arena as without one (property)', () => {
    const parties = ['A', 'B', 'C', 'D', 'E', 'P1', 'P2'];
    const pick = fc.constantFrom(...parties);
    const pct = fc.constantFrom('20', '30', '51', '60');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(pick, pick, pct), { maxLength: 10 }),
        fc.array(fc.tuple(pick, pick), { maxLength: 3 }),
        (stakes, links) => {
          const graph = graphOf({
            shareholdings: stakes
              .filter(([a, b]) => a !== b)
              .map(([a, b, p], i) => aShareholding(a, b, p, { id: `S${i}` })),
            links: links
              .filter(([a, b]) => a !== b)
              .map(([a, b], i) => aLink(a, b, 'VOTING_PROXY', { id: `L${i}` })),
            roles: [
              aRole('P1', 'A', 'LEGAL_REPRESENTATIVE'),
              aRole('P1', 'C', 'ACTUAL_CONTROLLER'),
            ],
          });
          const plain = deriveGroups(graph, '2026-01-01');
          // A 4 KB arena overflows at once: every array comes from further buffers.
          const arena = withTypedArena(4096, () => deriveGroups(graph, '2026-01-01'), 0);
          expect(arena).toEqual(plain);
        },
      ),
    );
  });

  it('derives the example dataset identically inside an arena', () => {
    const plain = deriveGroups(exampleGraph(), '2026-09-30');
    const arena = withTypedArena(1 << 16, () => deriveGroups(exampleGraph(), '2026-09-30'), 0);
    expect(arena).toEqual(plain);
  });
});
