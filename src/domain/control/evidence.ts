/**
 * Evidence edges: the source rows behind a fact, with their dates and sources, in a form
 * a committee can read without opening a database.
 */
import { CompactGraph } from './compact-graph';
import { RawFact } from './raw-fact';
import { EvidenceEdge } from './types';

export function factEvidence(g: CompactGraph, f: RawFact): EvidenceEdge[] {
  const edges: EvidenceEdge[] = [];
  for (const r of unique(f.shareRows)) {
    const s = g.shares[r];
    edges.push(edge('SHAREHOLDING', s.id, s.holderId, s.companyId, 'SHAREHOLDING', s, s.source, s));
  }
  for (const r of unique(f.roleRows)) {
    const role = g.roles[r];
    edges.push(edge('ROLE', role.id, role.holderId, role.companyId, role.role, role, role.source));
  }
  for (const r of unique(f.linkRows)) {
    const link = g.links[r];
    edges.push(edge('LINK', link.id, link.fromId, link.toId, link.type, link, link.source));
  }
  for (const r of unique(f.familyRows)) {
    const tie = g.family[r];
    edges.push(edge('FAMILY', tie.id, tie.personAId, tie.personBId, tie.relation, tie, tie.source));
  }
  for (const r of unique(f.designationRows)) {
    const d = g.designations[r];
    const source = `${d.reason} (approved by ${d.approvedBy})`;
    edges.push(edge('DESIGNATION', d.id, d.entityId, d.targetId, d.kind, d, source));
  }
  // By kind as pushed, then by id, so the input order of rows never shows.
  if (edges.length > 1) {
    edges.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || cmp(a.id, b.id));
  }
  return edges;
}

/** One constructor, so every evidence edge has the same shape (fast property access). */
function edge(
  kind: EvidenceEdge['kind'],
  id: string,
  fromId: string,
  toId: string,
  type: string,
  dates: { validFrom: string | null; validTo: string | null },
  source: string | null,
  stake?: { votingPct: string; equityPct: string },
): EvidenceEdge {
  return {
    kind,
    id,
    fromId,
    toId,
    type,
    votingPct: stake?.votingPct ?? null,
    equityPct: stake?.equityPct ?? null,
    validFrom: dates.validFrom,
    validTo: dates.validTo,
    source,
  };
}

const KIND_ORDER: Record<EvidenceEdge['kind'], number> = {
  SHAREHOLDING: 0,
  ROLE: 1,
  LINK: 2,
  FAMILY: 3,
  DESIGNATION: 4,
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(rows: number[]): number[] {
  if (rows.length < 2) return rows;
  return [...new Set(rows)];
}
