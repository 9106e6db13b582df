import fc from 'fast-check';
import { compareBySubjectThenRule, type CheckStatus } from '../../../src/domain/exposure';
import type { LimitCheckView } from '../../../src/services/exposure/exposure-views';
import { memberCheckPage } from '../../../src/services/exposure/member-check-page';

const RULES = ['SINGLE_CLIENT_EXPOSURE', 'SINGLE_CLIENT_LOANS'];
const RANK: Record<CheckStatus, number> = { PASS: 0, WARN: 1, BREACH: 2 };

function aMemberCheck(subjectId: string, rule: string, status: CheckStatus): LimitCheckView {
  return {
    rule,
    source: 'test',
    scope: 'CLIENT',
    subjectId,
    measure: 'NET_EXPOSURE',
    capitalBase: 'TIER1',
    currency: 'CNY',
    value: '0',
    capital: '100',
    valuePct: '0',
    limitPct: '15',
    limit: '15',
    utilisation: '0',
    status,
    warnLevel: 0,
    message: `${subjectId} ${rule}`,
  };
}

/** Member checks as a view holds them: one per member and rule, by member then rule. */
const listArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 999 }), { maxLength: 40 })
  .chain((members) =>
    fc
      .array(fc.constantFrom<CheckStatus>('PASS', 'WARN', 'BREACH'), {
        minLength: members.length * RULES.length,
        maxLength: members.length * RULES.length,
      })
      .map((statuses) =>
        members
          .flatMap((m, i) =>
            RULES.map((rule, j) => aMemberCheck(`C-${m}`, rule, statuses[i * RULES.length + j])),
          )
          .sort(compareBySubjectThenRule),
      ),
  );

const statusArb = fc.constantFrom<CheckStatus>('PASS', 'WARN', 'BREACH');

function allPages(list: LimitCheckView[], first: number, minStatus: CheckStatus) {
  const pages = [memberCheckPage(list, { first, after: null, minStatus })];
  while (pages.at(-1)!.pageInfo.hasNextPage) {
    const after = pages.at(-1)!.pageInfo.endCursor;
    pages.push(memberCheckPage(list, { first, after, minStatus }));
  }
  return pages;
}

describe('member check pages', () => {
  it('join up to the checks at or above the status, each page at most `first` long', () => {
    fc.assert(
      fc.property(listArb, fc.integer({ min: 1, max: 7 }), statusArb, (list, first, minStatus) => {
        const kept = list.filter((c) => RANK[c.status] >= RANK[minStatus]);
        const pages = allPages(list, first, minStatus);
        expect(pages.flatMap((p) => p.edges.map((e) => e.node))).toEqual(kept);
        expect(pages.every((p) => p.edges.length <= first && p.totalCount === kept.length)).toBe(
          true,
        );
        expect(pages).toHaveLength(Math.max(1, Math.ceil(kept.length / first)));
      }),
    );
  });

  it('continue after the same member and rule when statuses changed between pages', () => {
    fc.assert(
      fc.property(listArb, fc.integer({ min: 1, max: 5 }), (list, first) => {
        const page = memberCheckPage(list, { first, after: null, minStatus: 'PASS' });
        fc.pre(page.pageInfo.hasNextPage);
        const changed = list.map((c) => ({ ...c, status: 'BREACH' as const }));
        const next = memberCheckPage(changed, {
          first,
          after: page.pageInfo.endCursor,
          minStatus: 'PASS',
        });
        expect(next.edges[0].node.message).toBe(list[first].message);
      }),
    );
  });

  it('continue after a check that has gone, at the next one in order', () => {
    const list = ['C-1', 'C-2', 'C-3'].map((m) => aMemberCheck(m, RULES[0], 'PASS'));
    const cursor = memberCheckPage(list, { first: 2, after: null, minStatus: 'PASS' }).pageInfo
      .endCursor;
    const without = list.filter((c) => c.subjectId !== 'C-2');
    const next = memberCheckPage(without, { first: 2, after: cursor, minStatus: 'PASS' });
    expect(next.edges.map((e) => e.node.subjectId)).toEqual(['C-3']);
  });

  it.each([
    ['first of 0', { first: 0, after: null }],
    ['first above 500', { first: 501, after: null }],
    [
      'a cursor of an entity list',
      { first: 5, after: Buffer.from('id:C-1').toString('base64url') },
    ],
  ])('rejects %s as a validation error', (_case, args) => {
    expect(() => memberCheckPage([], { ...args, minStatus: 'PASS' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});
