/**
 * The import validation of ../shared/formats (README "General rules" and DESIGN.md §7),
 * restated for the tests: every problem found, as `file: id: reason`.
 */
import {
  ENTITY_KINDS,
  FAMILY_RELATIONS,
  isValidOn,
  LINK_TYPES,
  ROLE_TYPES,
  type Dataset,
  type Validity,
} from '../../../src/domain/model';
import { Decimal } from '../../../src/domain/money/decimal';
import { bookProblems } from './book-rules';
import { isValidLei, isValidUscc } from './checksums';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d+(\.\d+)?$/;

export function validationProblems(d: Dataset): string[] {
  const problems: string[] = [];
  const bad = (file: string, id: string, reason: string) =>
    problems.push(`${file}: ${id}: ${reason}`);
  const kindOf = new Map<string, string>();
  for (const e of d.entities) {
    if (kindOf.has(e.id)) bad('entities', e.id, 'duplicate id');
    if (e.id.length === 0 || e.id.length > 64) bad('entities', e.id, 'id length');
    if (!ENTITY_KINDS.includes(e.kind)) bad('entities', e.id, 'kind');
    if (e.uscc !== null && !isValidUscc(e.uscc)) bad('entities', e.id, `uscc ${e.uscc}`);
    if (e.lei !== null && !isValidLei(e.lei)) bad('entities', e.id, `lei ${e.lei}`);
    if (e.kind !== 'COMPANY' && (e.ownership !== null || e.boardSeats !== null))
      bad('entities', e.id, 'company fields');
    kindOf.set(e.id, e.kind);
  }
  uniqueValues(
    d.entities.map((e) => e.uscc),
    'uscc',
    bad,
  );
  uniqueValues(
    d.entities.map((e) => e.lei),
    'lei',
    bad,
  );
  const exists = (file: string, id: string, ref: string | null, kinds?: string[]) => {
    if (ref === null) return;
    const kind = kindOf.get(ref);
    if (kind === undefined) bad(file, id, `unknown entity ${ref}`);
    else if (kinds && !kinds.includes(kind)) bad(file, id, `${ref} is a ${kind}`);
  };
  const dated = (file: string, row: Validity & { id: string }) => {
    for (const v of [row.validFrom, row.validTo])
      if (v !== null && !DATE.test(v)) bad(file, row.id, 'date');
    if (row.validFrom !== null && row.validTo !== null && row.validFrom >= row.validTo)
      bad(file, row.id, 'dates not ordered');
  };
  const rowIds = (file: string, rows: { id: string }[]) =>
    uniqueValues(
      rows.map((r) => r.id),
      `${file} id`,
      bad,
    );

  rowIds('shareholdings', d.shareholdings);
  for (const s of d.shareholdings) {
    exists('shareholdings', s.id, s.holderId);
    exists('shareholdings', s.id, s.companyId, ['COMPANY']);
    dated('shareholdings', s);
    if (s.holderId === s.companyId) bad('shareholdings', s.id, 'self-holding');
    for (const p of [s.votingPct, s.equityPct]) {
      if (!DECIMAL.test(p) || new Decimal(p).lte(0) || new Decimal(p).gt(100))
        bad('shareholdings', s.id, `pct ${p}`);
    }
  }
  rowIds('roles', d.roles);
  for (const r of d.roles) {
    exists('roles', r.id, r.holderId);
    exists('roles', r.id, r.companyId, ['COMPANY']);
    exists('roles', r.id, r.appointedById);
    dated('roles', r);
    if (!ROLE_TYPES.includes(r.role)) bad('roles', r.id, 'role');
    if (r.holderId === r.companyId) bad('roles', r.id, 'self-role');
  }
  rowIds('family', d.familyTies);
  for (const f of d.familyTies) {
    exists('family', f.id, f.personAId, ['PERSON']);
    exists('family', f.id, f.personBId, ['PERSON']);
    dated('family', f);
    if (f.personAId === f.personBId || !FAMILY_RELATIONS.includes(f.relation))
      bad('family', f.id, 'tie');
  }
  rowIds('links', d.links);
  for (const l of d.links) {
    exists('links', l.id, l.fromId);
    exists('links', l.id, l.toId);
    dated('links', l);
    if (l.fromId === l.toId || !LINK_TYPES.includes(l.type)) bad('links', l.id, 'link');
    if (l.type === 'OTHER_CONTROL' && !l.reason) bad('links', l.id, 'OTHER_CONTROL without reason');
  }
  rowIds('guarantees', d.guarantees);
  for (const g of d.guarantees) {
    exists('guarantees', g.id, g.guarantorId);
    exists('guarantees', g.id, g.borrowerId);
    dated('guarantees', g);
    if (g.guarantorId === g.borrowerId || !DECIMAL.test(g.amount))
      bad('guarantees', g.id, 'guarantee');
  }
  problems.push(...stakeSumProblems(d), ...boardProblems(d), ...bookProblems(d, kindOf));
  return problems;
}

function uniqueValues(
  values: (string | null)[],
  what: string,
  bad: (f: string, id: string, r: string) => void,
): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (v === null) continue;
    if (v.length === 0 || v.length > 64) bad(what, v, 'length');
    if (seen.has(v)) bad(what, v, 'duplicate');
    seen.add(v);
  }
}

/** Every date on which some row of `rows` starts or ends, plus "before all of them". */
export function boundaryDates(rows: Validity[]): string[] {
  const dates = new Set<string>(['0001-01-01']);
  for (const r of rows) {
    if (r.validFrom !== null) dates.add(r.validFrom);
    if (r.validTo !== null) dates.add(r.validTo);
  }
  return [...dates];
}

export function byKey<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

export function stakeSumProblems(d: Dataset): string[] {
  const problems: string[] = [];
  for (const [company, rows] of byKey(d.shareholdings, (s) => s.companyId)) {
    for (const date of boundaryDates(rows)) {
      const total = rows
        .filter((r) => isValidOn(r, date))
        .reduce((t, r) => t.plus(r.votingPct), new Decimal(0));
      if (total.gt(100))
        problems.push(`shareholdings: ${company}: ${total.toFixed()} % on ${date}`);
    }
  }
  return problems;
}

export function boardProblems(d: Dataset): string[] {
  const problems: string[] = [];
  const seats = new Map(d.entities.map((e) => [e.id, e.boardSeats]));
  const board = d.roles.filter((r) => r.role === 'DIRECTOR' || r.role === 'CHAIRMAN');
  for (const [company, rows] of byKey(board, (r) => r.companyId)) {
    const size = seats.get(company) ?? null;
    for (const date of boundaryDates(rows)) {
      const taken = rows.filter((r) => isValidOn(r, date)).length;
      if (size === null || taken > size)
        problems.push(`roles: ${company}: ${taken} seats of ${size} on ${date}`);
    }
  }
  return problems;
}
