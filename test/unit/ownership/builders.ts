import { aParty as aCommonParty } from '../../support/builders';
import type { EntityKind, Party, Shareholding, Validity } from '../../../src/domain/model';
import type { IntegratedStake } from '../../../src/domain/ownership';

/** `aShareholding('A', 'B', '51')`: A holds 51 % of B's equity (and votes), always valid. */
export function aShareholding(
  holderId: string,
  companyId: string,
  equityPct: string,
  validity: Partial<Validity> & { id?: string; votingPct?: string } = {},
): Shareholding {
  return {
    id: validity.id ?? `${holderId}->${companyId}`,
    holderId,
    companyId,
    equityPct,
    votingPct: validity.votingPct ?? equityPct,
    validFrom: validity.validFrom ?? null,
    validTo: validity.validTo ?? null,
    source: 'test',
  };
}

export function aParty(id: string, kind: EntityKind = 'COMPANY'): Party {
  return aCommonParty(id, { kind });
}

/** `P 30 indirect x1`: holder, percent, whether held directly, number of paths. */
export function describeStakes(stakes: IntegratedStake[]): string[] {
  return stakes.map(
    (s) => `${s.holderId} ${s.pct} ${s.direct ? 'direct' : 'indirect'} x${s.paths}`,
  );
}
