import { ValidationError } from '../../domain/errors';
import {
  isValidOn,
  type ControlGraph,
  type ControlLink,
  type FamilyTie,
  type IsoDate,
  type Role,
  type Shareholding,
} from '../../domain/model';
import { dec, sum } from '../../domain/money/decimal';
import type { GraphStore } from '../graph-store';

export const EDGE_KINDS = ['SHAREHOLDING', 'ROLE', 'LINK', 'FAMILY_TIE'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

type Proposed<T> = Omit<T, 'id' | 'validFrom' | 'validTo' | 'source'> & { source?: string | null };

/** Exactly one edge to add (valid from the what-if's date) or one existing edge to end. */
export interface RelationshipChange {
  addShareholding?:
    (Omit<Proposed<Shareholding>, 'equityPct'> & { equityPct?: string | null }) | null;
  addRole?: (Omit<Proposed<Role>, 'appointedById'> & { appointedById?: string | null }) | null;
  addLink?: (Omit<Proposed<ControlLink>, 'reason'> & { reason?: string | null }) | null;
  addFamilyTie?: Proposed<FamilyTie> | null;
  end?: { kind: EdgeKind; id: string } | null;
}

const TABLE = {
  SHAREHOLDING: 'shareholdings',
  ROLE: 'roles',
  LINK: 'links',
  FAMILY_TIE: 'familyTies',
} as const;

const WHAT_IF = { id: 'WHAT-IF', validTo: null, source: 'what-if' } as const;

export interface HypotheticalEdit {
  touchedIds: string[];
  /** A copy of `graph` with the change made; `graph` itself is left as it was. */
  apply(graph: ControlGraph): ControlGraph;
}

/** Validates the change against the in-memory graph and says how to make it in a copy. */
export function hypotheticalGraph(
  store: GraphStore,
  change: RelationshipChange,
  asOf: IsoDate,
): HypotheticalEdit {
  const given = Object.entries(change).filter(([, v]) => v !== null && v !== undefined);
  if (given.length !== 1) {
    throw ValidationError.of([
      'simulateRelationship: give exactly one of addShareholding, addRole, addLink, addFamilyTie, end',
    ]);
  }
  const problems: string[] = [];
  const known = (id: string | null | undefined) => {
    if (id && !store.hasEntity(id)) problems.push(`simulateRelationship: no entity "${id}"`);
  };
  const distinct = (a: string, b: string) => {
    if (a === b) problems.push(`simulateRelationship: an edge needs two different entities`);
  };
  const fail = () => {
    if (problems.length > 0) throw ValidationError.of(problems);
  };
  const adding = <K extends keyof ControlGraph>(
    table: K,
    edge: ControlGraph[K][number],
    ids: string[],
  ) => {
    fail();
    return {
      touchedIds: [...new Set(ids)],
      apply: (g: ControlGraph) => ({ ...g, [table]: [...g[table], edge] }),
    };
  };

  if (change.addShareholding) {
    const s = change.addShareholding;
    [s.holderId, s.companyId].forEach(known);
    distinct(s.holderId, s.companyId);
    const voting = dec(s.votingPct);
    const equity = dec(s.equityPct ?? s.votingPct);
    if (
      !voting.greaterThan(0) ||
      voting.greaterThan(100) ||
      !equity.greaterThan(0) ||
      equity.greaterThan(100)
    ) {
      problems.push(
        'simulateRelationship: votingPct and equityPct must be above 0 and at most 100',
      );
    }
    const held = sum(
      store
        .subgraph(new Set([s.companyId]))
        .shareholdings.filter((h) => h.companyId === s.companyId && isValidOn(h, asOf))
        .map((h) => h.votingPct),
    );
    if (held.plus(voting).greaterThan(100)) {
      problems.push(
        `simulateRelationship: ${s.companyId}'s voting stakes would sum to ${held.plus(voting).toFixed()} % on ${asOf}, above 100 %`,
      );
    }
    const edge: Shareholding = {
      ...s,
      ...WHAT_IF,
      equityPct: equity.toFixed(),
      validFrom: asOf,
      source: s.source ?? WHAT_IF.source,
    };
    return adding('shareholdings', edge, [s.holderId, s.companyId]);
  }
  if (change.addRole) {
    const r = change.addRole;
    [r.holderId, r.companyId, r.appointedById].forEach(known);
    distinct(r.holderId, r.companyId);
    const edge: Role = {
      ...r,
      ...WHAT_IF,
      appointedById: r.appointedById ?? null,
      validFrom: asOf,
      source: r.source ?? WHAT_IF.source,
    };
    const ids = [r.holderId, r.companyId, ...(r.appointedById ? [r.appointedById] : [])];
    return adding('roles', edge, ids);
  }
  if (change.addLink) {
    const l = change.addLink;
    [l.fromId, l.toId].forEach(known);
    distinct(l.fromId, l.toId);
    if (l.type === 'OTHER_CONTROL' && !l.reason?.trim()) {
      problems.push('simulateRelationship: an OTHER_CONTROL link needs a reason');
    }
    const edge: ControlLink = {
      ...l,
      ...WHAT_IF,
      reason: l.reason ?? null,
      validFrom: asOf,
      source: l.source ?? WHAT_IF.source,
    };
    return adding('links', edge, [l.fromId, l.toId]);
  }
  if (change.addFamilyTie) {
    const f = change.addFamilyTie;
    [f.personAId, f.personBId].forEach(known);
    distinct(f.personAId, f.personBId);
    for (const id of [f.personAId, f.personBId]) {
      const kind = store.entity(id)?.kind;
      if (kind !== undefined && kind !== 'PERSON') {
        problems.push(`simulateRelationship: a family tie links persons; ${id} is a ${kind}`);
      }
    }
    const edge: FamilyTie = {
      ...f,
      ...WHAT_IF,
      validFrom: asOf,
      source: f.source ?? WHAT_IF.source,
    };
    return adding('familyTies', edge, [f.personAId, f.personBId]);
  }
  return ending(store, change.end!, asOf);
}

function ending(
  store: GraphStore,
  end: { kind: EdgeKind; id: string },
  asOf: IsoDate,
): HypotheticalEdit {
  const table = TABLE[end.kind];
  const edge = store.edge(table, end.id);
  if (!edge) {
    throw ValidationError.of([
      `simulateRelationship: no ${end.kind.toLowerCase()} with id "${end.id}"`,
    ]);
  }
  if (!isValidOn(edge, asOf)) {
    throw ValidationError.of([
      `simulateRelationship: ${end.kind.toLowerCase()} "${end.id}" is not in force on ${asOf}`,
    ]);
  }
  const touchedIds = endpointsOf(edge);
  return {
    touchedIds,
    // Ended on `asOf`: not valid on that date, which is all the derivation looks at.
    apply: (g) => ({
      ...g,
      [table]: (g[table] as { id: string }[]).filter((e) => e.id !== end.id),
    }),
  };
}

function endpointsOf(edge: object): string[] {
  const ids: string[] = [];
  for (const key of [
    'holderId',
    'companyId',
    'appointedById',
    'fromId',
    'toId',
    'personAId',
    'personBId',
  ]) {
    const value = (edge as Record<string, unknown>)[key];
    if (typeof value === 'string') ids.push(value);
  }
  return [...new Set(ids)];
}
