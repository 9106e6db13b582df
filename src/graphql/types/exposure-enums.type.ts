import { registerEnumType } from 'type-graphql';
import { EDGE_KINDS } from '../../services/exposure/relationship-change';

/** The exposure API's enums; values are the domain's own strings. */
function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

export const CheckStatusEnum = enumOf(['PASS', 'WARN', 'BREACH'] as const);
export const LimitScopeEnum = enumOf(['CLIENT', 'GROUP'] as const);
export const MeasureEnum = enumOf(['NET_EXPOSURE', 'LOAN_BALANCE', 'CREDIT_BALANCE'] as const);
export const CapitalBaseEnum = enumOf(['TIER1', 'NET_CAPITAL'] as const);
export const UndrawnBasisEnum = enumOf(['COMMITTED', 'CANCELLABLE', 'UNCOMMITTED'] as const);
export const TopGroupsOrderEnum = enumOf(['NET_EXPOSURE', 'SHARE_OF_TIER1'] as const);
export const RelationshipKindEnum = enumOf(EDGE_KINDS);

registerEnumType(CheckStatusEnum, {
  name: 'CheckStatus',
  description: 'BREACH above the limit; WARN at or above a warning level of it; else PASS.',
});
registerEnumType(LimitScopeEnum, { name: 'LimitScope' });
registerEnumType(MeasureEnum, {
  name: 'ExposureMeasure',
  description:
    'NET_EXPOSURE: CCF-weighted, after mitigation and substitution; LOAN_BALANCE: drawn on ' +
    'loan products; CREDIT_BALANCE: drawn nominal on and off balance sheet, less cash margin.',
});
registerEnumType(CapitalBaseEnum, {
  name: 'CapitalBase',
  description: 'TIER1: 一级资本净额; NET_CAPITAL: 资本净额.',
});
registerEnumType(UndrawnBasisEnum, {
  name: 'UndrawnBasis',
  description:
    'How the undrawn part counts: committed, unconditionally cancellable or uncommitted.',
});
registerEnumType(TopGroupsOrderEnum, { name: 'TopGroupsOrder' });
registerEnumType(RelationshipKindEnum, { name: 'RelationshipKind' });
