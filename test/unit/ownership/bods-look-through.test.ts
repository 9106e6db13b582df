/**
 * Real published data: the BODS 0.4 example of Finnish state-owned Gasgrid Finland Oy
 * (test/fixtures/bods/README.md). The direct shareholdings with exact shares become
 * Shareholding rows; look-through must give the indirect holding the register published.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Party, Shareholding } from '../../../src/domain/model';
import { integratedOwnership, ultimateOwners } from '../../../src/domain/ownership';
import { aParty, describeStakes } from './builders';

interface BodsInterest {
  type: string;
  directOrIndirect?: string;
  share?: { exact?: number };
  startDate?: string;
  endDate?: string;
}
interface BodsStatement {
  statementId: string;
  statementDate: string;
  recordId: string;
  recordType: 'entity' | 'person' | 'relationship';
  recordDetails: {
    entityType?: { type: string };
    subject?: string;
    interestedParty?: string;
    interests?: BodsInterest[];
    componentRecords?: string[];
  };
}

const statements = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/bods/bods-package-fi-soe.json'), 'utf8'),
) as BodsStatement[];
const GASGRID = '19f1c5afe9d7';
const MINISTRY = '7ff95ba3682c';
const KAASUVERKKO = '0199c515a699';
const REPUBLIC = '05ce06ec97b1';
const asOf = statements[0].statementDate;

const parties: Party[] = statements
  .filter((s) => s.recordType === 'entity')
  .map((s) => {
    const type = s.recordDetails.entityType?.type;
    return aParty(s.recordId, type === 'state' || type === 'stateBody' ? 'STATE' : 'COMPANY');
  });

const interests = statements
  .filter((s) => s.recordType === 'relationship')
  .flatMap((s) => (s.recordDetails.interests ?? []).map((interest) => ({ s, interest })))
  .filter(
    ({ interest }) => interest.type === 'shareholding' && interest.share?.exact !== undefined,
  );

const rows: Shareholding[] = interests
  .filter(({ interest }) => interest.directOrIndirect === 'direct')
  .map(({ s, interest }) => ({
    id: s.recordId,
    holderId: s.recordDetails.interestedParty as string,
    companyId: s.recordDetails.subject as string,
    equityPct: String(interest.share?.exact),
    votingPct: String(interest.share?.exact),
    validFrom: interest.startDate ?? null,
    validTo: interest.endDate ?? null,
    source: s.statementId,
  }));

const published = interests.find(({ interest }) => interest.directOrIndirect === 'indirect');

describe('BODS example: Finnish state → Gasgrid', () => {
  it('maps the two direct layers with exact shares', () => {
    expect(rows.map((r) => `${r.holderId}->${r.companyId} ${r.equityPct}`).sort()).toEqual([
      `${KAASUVERKKO}->${GASGRID} 76.5`,
      `${MINISTRY}->${KAASUVERKKO} 100`,
      `${MINISTRY}->${GASGRID} 23.5`,
    ]);
  });

  it('looks through Suomen Kaasuverkko: the ministry holds 76.5 % × 100 % + 23.5 % = 100 %', () => {
    expect(describeStakes(integratedOwnership(rows, GASGRID, asOf))).toEqual([
      `${MINISTRY} 100 direct x2`,
      `${KAASUVERKKO} 76.5 direct x1`,
    ]);
  });

  it("gives the state's published indirect holding, through its own ministry", () => {
    // The Republic holds nothing itself: its ministry (a component of the published
    // statement, linked to it by otherInfluenceOrControl) is the top of the equity chains.
    expect(published?.s.recordDetails.interestedParty).toBe(REPUBLIC);
    expect(published?.s.recordDetails.componentRecords).toContain(MINISTRY);
    const owners = ultimateOwners(parties, rows, GASGRID, asOf);
    expect(owners.map((o) => [o.holderId, o.pct])).toEqual([
      [MINISTRY, String(published?.interest.share?.exact)],
    ]);
  });

  it('before the shareholdings started there is nothing to look through', () => {
    expect(integratedOwnership(rows, GASGRID, '2019-12-31')).toEqual([]);
  });
});
