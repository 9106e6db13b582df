import type { EntityManager } from '@mikro-orm/postgresql';
import { isIsoDate } from '../../domain/dates';
import { DESIGNATION_KINDS, type ManualDesignation } from '../../domain/model';

/**
 * R11 manual designations are not part of the interchange files, so their rules live here:
 * a known kind, two different existing entities, a reason and an approver, ordered dates.
 */
export async function validateDesignation(
  em: EntityManager,
  d: ManualDesignation,
): Promise<string[]> {
  const problems: string[] = [];
  if (!d.id || d.id.length > 64) problems.push('id: must be 1 to 64 characters');
  if (!DESIGNATION_KINDS.includes(d.kind)) problems.push(`kind: "${d.kind}" is not JOIN or SEVER`);
  if (d.entityId === d.targetId) problems.push('target: an entity cannot be designated to itself');
  if (!d.reason?.trim()) problems.push('reason: required: say why the analyst decided this');
  if (!d.approvedBy?.trim()) problems.push('approved_by: required: who approved the designation');
  for (const [column, date] of [
    ['valid_from', d.validFrom],
    ['valid_to', d.validTo],
  ] as const) {
    if (date !== null && !isIsoDate(date))
      problems.push(`${column}: "${date}" is not a date YYYY-MM-DD`);
  }
  if (d.validFrom && d.validTo && d.validFrom >= d.validTo) {
    problems.push(`valid_to: ${d.validTo} must be after valid_from ${d.validFrom}`);
  }
  const ids = [d.entityId, d.targetId];
  const found = await em.execute<{ id: string }[]>(`select id from party where id in (?, ?)`, ids);
  const known = new Set(found.map((r) => r.id));
  if (!known.has(d.entityId)) problems.push(`entity: unknown entity "${d.entityId}"`);
  if (!known.has(d.targetId)) problems.push(`target: unknown entity "${d.targetId}"`);
  return problems;
}
