/**
 * A group's `checks` summary (group checks, then member checks that are not PASS) and the
 * paged `memberChecks` listing behind it, over HTTP on the demo bank: pages join up to the
 * whole list, filters keep what they say, the summary hides nothing that is not PASS, and
 * bad paging arguments are coded errors.
 */
import { demoBankApi } from '../support/demo-api';
import { GROUP_OF, MEMBER_CHECKS } from '../integration/exposure/exposure-queries';

const AS_OF = '2026-09-30';

interface Listed {
  rule: string;
  subjectId: string;
  status: string;
  utilisation: string;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Listed }[];
}
interface Summary {
  checks: { rule: string; subjectId: string | null; status: string; utilisation: string }[];
  worstStatus: string;
}

describe('a group exposure: check summary and paged member checks (demo bank)', () => {
  const suite = demoBankApi();

  async function page(entityId: string, first: number, after?: string, minStatus = 'PASS') {
    const data = await suite.api.data<{ groupOf: { exposure: { memberChecks: Page } } }>(
      MEMBER_CHECKS,
      {
        entityId,
        asOf: AS_OF,
        first,
        after: after ?? null,
        minStatus,
      },
    );
    return data.groupOf.exposure.memberChecks;
  }

  async function everyPage(entityId: string, first: number, minStatus = 'PASS') {
    const pages: Page[] = [];
    let after: string | undefined;
    do {
      pages.push(await page(entityId, first, after, minStatus));
      after = pages.at(-1)!.pageInfo.endCursor ?? undefined;
    } while (pages.at(-1)!.pageInfo.hasNextPage);
    return pages;
  }

  const key = (c: { subjectId: string | null; rule: string }) => `${c.subjectId} ${c.rule}`;

  it.each([1, 3, 8])(
    'pages of %i join up to the whole list, in member then rule order',
    async (n) => {
      const whole = await page('C-HXS', 50);
      const pages = await everyPage('C-HXS', n);
      expect(pages).toHaveLength(Math.ceil(8 / n));
      expect(pages.every((p) => p.totalCount === 8)).toBe(true);
      expect(pages.flatMap((p) => p.edges)).toEqual(whole.edges);
      const keys = whole.edges.map((e) => key(e.node));
      expect(keys).toEqual([...keys].sort());
      expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    },
  );

  it.each([
    ['WARN', ['WARN', 'BREACH']],
    ['BREACH', ['BREACH']],
  ])('keeps only checks at or above %s', async (minStatus, allowed) => {
    const all = (await page('C-DFP', 50)).edges.map((e) => e.node);
    const kept = (await everyPage('C-DFP', 1, minStatus)).flatMap((p) =>
      p.edges.map((e) => e.node),
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(all.filter((c) => allowed.includes(c.status)));
  });

  it.each(['C-DFP', 'C-HXS', 'C-JH', 'C-WQ2'])(
    "the summary of %s's group: its group checks, then every flagged member check, worst first",
    async (entityId) => {
      const data = await suite.api.data<{ groupOf: { exposure: Summary } }>(GROUP_OF, {
        entityId,
        asOf: AS_OF,
      });
      const { checks } = data.groupOf.exposure;
      const groupOwn = checks.filter((c) => c.subjectId === null);
      const members = checks.slice(groupOwn.length);
      expect(groupOwn.map((c) => c.rule)).toEqual([
        'CONNECTED_GROUP_EXPOSURE',
        'GROUP_CREDIT_BALANCE',
      ]);
      expect(members.every((c) => c.subjectId !== null && c.status !== 'PASS')).toBe(true);
      const flagged = (await everyPage(entityId, 50, 'WARN')).flatMap((p) => p.edges);
      expect(members.map(key).sort()).toEqual(flagged.map((e) => key(e.node)).sort());
      const rank = (s: string) => ['PASS', 'WARN', 'BREACH'].indexOf(s);
      for (let i = 1; i < members.length; i++) {
        const [a, b] = [members[i - 1], members[i]];
        expect(
          rank(a.status) > rank(b.status) || Number(a.utilisation) >= Number(b.utilisation),
        ).toBe(true);
        expect(rank(a.status)).toBeGreaterThanOrEqual(rank(b.status));
      }
    },
  );

  it.each([
    ['first below 1', { first: 0 }],
    ['first above the page limit', { first: 501 }],
    ['a cursor that is not one', { first: 5, after: 'not-a-cursor' }],
    ['an entity cursor', { first: 5, after: Buffer.from('id:C-HXS').toString('base64url') }],
  ])('answers %s with BAD_USER_INPUT', async (_case, args) => {
    const res = await suite.api.query(MEMBER_CHECKS, { entityId: 'C-HXS', asOf: AS_OF, ...args });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
