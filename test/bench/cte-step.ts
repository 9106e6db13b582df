/**
 * The SQL reference: what a recursive CTE in PostgreSQL does with the same question. It
 * computes far less than our derivation — only R1 (voting > 50 %) and the control links,
 * undirected, valid on the date; no indirect or pooled control, board, executives, family,
 * state exemption, heads or evidence — and labels every entity with its component root (the
 * smallest entity id reachable). A recursive CTE cannot union-find, so it builds the
 * reachability closure: one row per (root, reachable entity), Σ size² rows over components.
 * Its component count must equal the union-find reference over the same edges.
 */
import { Client } from 'pg';
import { createDatabase, dropDatabase } from './bench-database';
import type { CteReference } from './bench-results';
import { deriveTimed, loadGraph, storeDerivation } from './derivation-step';
import { generateAndImport } from './import-step';
import { round } from './timing';
import { componentReference } from './union-find-reference';

export const COMPONENT_ROOT_CTE = `
with recursive
  valid_edge(a, b) as (
    select holder_id, company_id from shareholding
     where voting_pct > 50
       and (valid_from is null or valid_from <= $1::date) and (valid_to is null or $1::date < valid_to)
    union all
    select from_id, to_id from control_link
     where (valid_from is null or valid_from <= $1::date) and (valid_to is null or $1::date < valid_to)
  ),
  undirected(a, b) as (select a, b from valid_edge union select b, a from valid_edge),
  reach(root, node) as (
    select id, id from party
    union
    select r.root, u.b from reach r join undirected u on u.a = r.node
  ),
  labelled as (select node, min(root) as root from reach group by node)
select count(distinct root)::int as components,
       (select max(c)::int from (select count(*) as c from labelled group by root) s) as largest,
       (select count(*)::bigint from reach) as closure_rows
  from labelled`;

export interface CteFigures {
  entities: number;
  ms: number | null;
  timedOut: boolean;
  components: number | null;
  largest: number | null;
  closureRows: number | null;
}

export async function runComponentCte(
  url: string,
  asOf: string,
  entities: number,
  timeoutS: number,
): Promise<CteFigures> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`set statement_timeout = ${Math.round(timeoutS * 1000)}`);
    const start = performance.now();
    try {
      const { rows } = await client.query(COMPONENT_ROOT_CTE, [asOf]);
      const row = rows[0] as { components: number; largest: number; closure_rows: string };
      return {
        entities,
        ms: round(performance.now() - start),
        timedOut: false,
        components: row.components,
        largest: row.largest,
        closureRows: Number(row.closure_rows),
      };
    } catch (err) {
      if ((err as { code?: string }).code !== '57014') throw err; // query_canceled
      return {
        entities,
        ms: null,
        timedOut: true,
        components: null,
        largest: null,
        closureRows: null,
      };
    }
  } finally {
    await client.end();
  }
}

/** The reference on this run's bank, or on a side bank of `entities` when the run's is bigger. */
export async function cteReference(
  options: {
    serverUrl: string;
    runUrl: string;
    runEntities: number;
    entities: number;
    seed: number;
    asOf: string;
    timeoutS: number;
    keepDb: boolean;
  },
  runFigures: {
    serverDeriveBestMs: number;
    serverDeriveFirstMs: number;
    deriveBestMs: number;
    majorityComponents: number;
  },
): Promise<CteReference> {
  const same = options.entities === options.runEntities;
  let url = options.runUrl;
  let figures = runFigures;
  let importMs: number | undefined;
  const side = `bench_cte_${options.entities}_s${options.seed}`;
  if (!same) {
    url = await createDatabase(options.serverUrl, side);
    importMs = (await generateAndImport(url, options.entities, options.seed)).importMs;
    const server = await storeDerivation(url, options.asOf, options.timeoutS);
    const { graph } = await loadGraph(url);
    const { runs } = deriveTimed(graph, options.asOf, 3, options.timeoutS);
    const uf = componentReference(graph, options.asOf, 'majorityAndLinks', 1);
    figures = {
      serverDeriveBestMs: server.figures.deriveBestMs,
      serverDeriveFirstMs: server.figures.deriveRunsMs[0],
      deriveBestMs: Math.min(...runs),
      majorityComponents: uf.components,
    };
  }
  try {
    const cte = await runComponentCte(url, options.asOf, options.entities, options.timeoutS);
    return {
      sameDatabase: same,
      cte,
      serverDeriveBestMs: figures.serverDeriveBestMs,
      serverDeriveFirstMs: figures.serverDeriveFirstMs,
      deriveBestMs: figures.deriveBestMs,
      unionFindComponents: figures.majorityComponents,
      serverRatio: cte.ms === null ? null : round(cte.ms / figures.serverDeriveBestMs, 1),
      ratio: cte.ms === null ? null : round(cte.ms / figures.deriveBestMs, 1),
      ...(importMs === undefined ? {} : { importMs }),
    };
  } finally {
    if (!same && !options.keepDb) await dropDatabase(options.serverUrl, side);
  }
}
