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
    edges.push({
      kind: 'SHAREHOLDING',
      id: s.id,
      fromId: s.holderId,
      toId: s.companyId,
      type: 'SHAREHOLDING',
      votingPct: s.votingPct,
      equityPct: s.equityPct,
      validFrom: s.validFrom,
      validTo: s.validTo,
      source: s.source,
    });
  }
  for (const r of unique(f.roleRows)) {
    const role = g.roles[r];
    edges.push({
      ...plain(role),
      kind: 'ROLE',
      fromId: role.holderId,
      toId: role.companyId,
      type: role.role,
    });
  }
  for (const r of unique(f.linkRows)) {
    const link = g.links[r];
    edges.push({
      ...plain(link),
      kind: 'LINK',
      fromId: link.fromId,
      toId: link.toId,
      type: link.type,
    });
  }
  for (const r of unique(f.familyRows)) {
    const tie = g.family[r];
    edges.push({
      ...plain(tie),
      kind: 'FAMILY',
      fromId: tie.personAId,
      toId: tie.personBId,
      type: tie.relation,
    });
  }
  for (const r of unique(f.designationRows)) {
    const d = g.designations[r];
    edges.push({
      ...plain({ ...d, source: `${d.reason} (approved by ${d.approvedBy})` }),
      kind: 'DESIGNATION',
      fromId: d.entityId,
      toId: d.targetId,
      type: d.kind,
    });
  }
  // By kind as pushed, then by id, so the input order of rows never shows.
  return edges.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || cmp(a.id, b.id));
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

function plain(row: {
  id: string;
  validFrom: string | null;
  validTo: string | null;
  source?: string | null;
}): Omit<EvidenceEdge, 'kind' | 'fromId' | 'toId' | 'type'> {
  return {
    id: row.id,
    votingPct: null,
    equityPct: null,
    validFrom: row.validFrom,
    validTo: row.validTo,
    source: row.source ?? null,
  };
}

function unique(rows: number[]): number[] {
  return [...new Set(rows)];
}
