/**
 * Exposure views are cached across requests until something that can change them is written.
 * Each kind of write — a facility, a drawing or an FX rate (bulk import, which the server hears
 * of by NOTIFY), capital, the group limit, sub-limits, the policy, a graph edge — must show in
 * the very next answer (the import's, as soon as its notice arrives).
 */
import { emptyDataset, type Dataset } from '../../src/domain/model';
import { importDataset } from '../../src/import/postgres';
import { sqlCounter } from '../support/sql-counter';
import { demoBankApi } from '../support/demo-api';
import {
  RECORD_CAPITAL,
  SET_GROUP_LIMIT,
  SET_POLICY,
  SET_SUB_LIMITS,
} from '../integration/exposure/exposure-queries';
import { DEFAULT_EXPOSURE_POLICY } from '../../src/domain/policy';
import { GROUP_EXPOSURE_QUERY } from '../bench/load-step';

const ADMIN = { 'x-actor': 'admin-li' };

const EXPOSURE = `query($id: ID!) {
  groupOf(entityId: $id) {
    id memberCount
    exposure {
      memberIds approvedLimits drawn netExposure tier1Capital groupLimit headroom
      checks { rule subjectId limit status message }
      memberChecks(first: 100) { totalCount edges { node { rule subjectId status message } } }
      members { entityId subLimit }
    }
  }
}`;

const CLIENT = `query($id: ID!) { entity(id: $id) { exposure { drawn netExposure } } }`;

const SAVE_ENTITY = `mutation($input: EntityInput!) { saveEntity(input: $input) { id } }`;

const SAVE_SHAREHOLDING = `mutation($input: ShareholdingInput!) { saveShareholding(input: $input) { id } }`;

interface Exposure {
  memberIds: string[];
  approvedLimits: string;
  drawn: string;
  netExposure: string;
  tier1Capital: string;
  groupLimit: string | null;
  headroom: string | null;
  checks: {
    rule: string;
    subjectId: string | null;
    limit: string;
    status: string;
    message: string;
  }[];
  memberChecks: {
    totalCount: number;
    edges: { node: { rule: string; subjectId: string; status: string; message: string } }[];
  };
  members: { entityId: string; subLimit: string | null }[];
}

describe('the exposure cache answers fresh figures after every kind of write', () => {
  const sql = sqlCounter();
  const suite = demoBankApi(sql.options);

  const exposureOf = async (id: string): Promise<Exposure> =>
    (await suite.api.data<{ groupOf: { exposure: Exposure } }>(EXPOSURE, { id })).groupOf.exposure;

  /** Asks twice (the second answer comes from the cache), then writes, then asks again. */
  async function acrossWrite(id: string, write: () => Promise<unknown>) {
    const before = await exposureOf(id);
    expect(await exposureOf(id)).toEqual(before);
    await write();
    return { before, after: await exposureOf(id) };
  }

  /** An import's notice reaches the server a moment after the commit: ask until it has. */
  async function acrossImport(id: string, dataset: Partial<Dataset>) {
    const before = await exposureOf(id);
    expect(await exposureOf(id)).toEqual(before);
    await importDataset(suite.db.orm, { ...emptyDataset(), ...dataset }, { actor: 'test-import' });
    for (let waited = 0; waited < 5000; waited += 50) {
      const after = await exposureOf(id);
      if (JSON.stringify(after) !== JSON.stringify(before)) return { before, after };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { before, after: await exposureOf(id) };
  }

  const mutate = async (query: string, variables: Record<string, unknown>) => {
    const res = await suite.api.query(query, variables, ADMIN);
    expect(res.errors).toBeUndefined();
  };

  it('serves a repeated question without reading the books again', async () => {
    await exposureOf('C-HXS');
    sql.reset();
    await suite.api.query(EXPOSURE, { id: 'C-HXS' }, { 'cache-control': 'no-cache' });
    expect(sql.statements.filter((s) => /\bfrom facility\b/.test(s))).toEqual([]);
  });

  it('answers the benchmark question again from memory: no statement, no EntityManager', async () => {
    await suite.api.data(GROUP_EXPOSURE_QUERY, { id: 'C-HXS' });
    const forks = jest.spyOn(suite.db.orm.em, 'fork');
    try {
      sql.reset();
      // Executed again (not handed out whole by the response cache): its parts come from memory.
      const again = await suite.api.query<{ groupOf: { heads: unknown[]; members: unknown } }>(
        GROUP_EXPOSURE_QUERY,
        { id: 'C-HXS' },
        { 'cache-control': 'no-cache' },
      );
      expect(again.errors).toBeUndefined();
      expect(again.data!.groupOf.heads.length).toBeGreaterThan(0);
      expect([sql.count, forks.mock.calls.length]).toEqual([0, 0]);
    } finally {
      forks.mockRestore();
    }
  });

  it("keeps answers out of HTTP caches (no-store), the cache being the server's own", async () => {
    const res = await fetch(suite.api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: EXPOSURE, variables: { id: 'C-HXS' } }),
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('after a facility is imported', async () => {
    const { before, after } = await acrossImport('C-HXS', {
      facilities: [
        {
          id: 'FC-CACHE',
          borrowerId: 'C-HXL',
          product: 'TERM_LOAN',
          limit: '100000000',
          currency: 'CNY',
          committed: false,
          cancellable: false,
          start: '2025-01-01',
          maturity: '2030-01-01',
          cashMargin: null,
          guarantorId: null,
          guaranteedAmount: null,
        },
      ],
    });
    expect(Number(after.approvedLimits) - Number(before.approvedLimits)).toBe(100_000_000);
  });

  it('after a drawing is imported, for the group and for the single client', async () => {
    const client = async () =>
      (await suite.api.data<{ entity: { exposure: { drawn: string } } }>(CLIENT, { id: 'C-HXL' }))
        .entity.exposure.drawn;
    const clientBefore = await client();
    const { before, after } = await acrossImport('C-HXS', {
      drawings: [{ facilityId: 'FC-CACHE', asOf: '2026-10-31', drawn: '40000000' }],
    });
    expect(Number(after.drawn) - Number(before.drawn)).toBe(40_000_000);
    expect(Number(await client()) - Number(clientBefore)).toBe(40_000_000);
  });

  it('after an FX rate is imported', async () => {
    const { before, after } = await acrossImport('C-NAT', {
      fxRates: [{ currency: 'USD', asOf: '2026-10-31', rate: '8.00' }],
    });
    expect(after.netExposure).not.toBe(before.netExposure);
  });

  it('after capital is recorded', async () => {
    const { after } = await acrossWrite('C-HXS', () =>
      mutate(RECORD_CAPITAL, {
        input: {
          asOf: '2026-11-01',
          tier1Capital: '40000000000',
          netCapital: '50000000000',
          currency: 'CNY',
        },
      }),
    );
    expect(after.tier1Capital).toBe('40000000000');
  });

  it('after the unified group limit is set', async () => {
    const { before, after } = await acrossWrite('C-HXS', () =>
      mutate(SET_GROUP_LIMIT, {
        memberId: 'C-HXH',
        limit: '9000000000',
        currency: 'CNY',
        validFrom: '2026-11-01',
      }),
    );
    expect(before.groupLimit).not.toBe('9000000000');
    expect(after.groupLimit).toBe('9000000000');
  });

  it('after sub-limits are set', async () => {
    const { after } = await acrossWrite('C-HXS', () =>
      mutate(SET_SUB_LIMITS, {
        groupMemberId: 'C-HXH',
        subLimits: [{ memberId: 'C-HXL', limit: '700000000', currency: 'CNY' }],
      }),
    );
    expect(after.members.find((m) => m.entityId === 'C-HXL')?.subLimit).toBe('700000000');
  });

  it('after a policy version changes a limit %', async () => {
    const limitChecks = DEFAULT_EXPOSURE_POLICY.limitChecks.map((c) =>
      c.name === 'CONNECTED_GROUP_EXPOSURE' ? { ...c, limitPct: '5' } : c,
    );
    const groupCheck = (e: Exposure) => e.checks.find((c) => c.rule === 'CONNECTED_GROUP_EXPOSURE');
    const { before, after } = await acrossWrite('C-HXS', () =>
      mutate(SET_POLICY, { validFrom: '2026-11-23', input: { exposure: { limitChecks } } }),
    );
    expect(Number(groupCheck(after)?.limit)).toBeLessThan(Number(groupCheck(before)?.limit));
  });

  it('after a graph edge merges another group in', async () => {
    const { before, after } = await acrossWrite('C-HXS', () =>
      mutate(SAVE_SHAREHOLDING, {
        input: {
          id: 'SH-CACHE',
          holderId: 'C-HXS',
          companyId: 'C-WQ2',
          votingPct: '60',
          validFrom: '2026-10-01',
          source: 'registry 2026-10',
        },
      }),
    );
    expect(before.memberIds).not.toContain('C-WQ1');
    expect(after.memberIds).toContain('C-WQ1');
    expect(Number(after.approvedLimits)).toBeGreaterThan(Number(before.approvedLimits));
  });

  it('after a graph write that keeps the group as it was (a member renamed)', async () => {
    const { after } = await acrossWrite('C-HXS', () =>
      mutate(SAVE_ENTITY, {
        input: {
          id: 'C-HXL',
          kind: 'COMPANY',
          name: 'Huaxin Logistics (renamed)',
          ownership: 'PRIVATE',
          customer: true,
          portfolio: 'RM-EAST',
        },
      }),
    );
    const own = after.memberChecks.edges.map((e) => e.node).filter((c) => c.subjectId === 'C-HXL');
    expect(own.length).toBeGreaterThan(0);
    for (const c of own) expect(c.message).toContain('Huaxin Logistics (renamed)');
  });
});
