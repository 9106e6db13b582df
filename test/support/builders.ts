import type { Party } from '../../src/domain/model';

/**
 * A party for tests: the kind follows the id's prefix (P- person, S- state body, else a
 * PRIVATE company) unless `fields` says otherwise.
 */
export function aParty(id: string, fields: Partial<Party> = {}): Party {
  const kind =
    fields.kind ?? (/^P[-\d]/.test(id) ? 'PERSON' : id.startsWith('S-') ? 'STATE' : 'COMPANY');
  return {
    id,
    kind,
    name: id,
    ownership: kind === 'COMPANY' ? 'PRIVATE' : null,
    country: 'CN',
    uscc: null,
    lei: null,
    industry: null,
    boardSeats: null,
    customer: false,
    portfolio: null,
    ...fields,
  };
}
