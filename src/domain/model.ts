/**
 * The dated graph as plain data: the contract between import, persistence, the group
 * engine and exposure math. Field names follow docs/interchange (../shared/formats) with
 * camelCase; every id is the source system's external id.
 *
 * Decimals (percentages, amounts, rates) travel as strings so no float ever touches
 * them; dates as ISO `YYYY-MM-DD` strings, which order correctly as strings.
 */

export type IsoDate = string;
export type DecimalString = string;

export const ENTITY_KINDS = ['COMPANY', 'PERSON', 'INSTITUTION', 'STATE'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const OWNERSHIP_TYPES = ['PRIVATE', 'STATE', 'FOREIGN', 'COLLECTIVE', 'OTHER'] as const;
export type OwnershipType = (typeof OWNERSHIP_TYPES)[number];

export const ROLE_TYPES = [
  'CHAIRMAN',
  'DIRECTOR',
  'GENERAL_MANAGER',
  'CFO',
  'LEGAL_REPRESENTATIVE',
  'SUPERVISOR',
  'ACTUAL_CONTROLLER',
] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

export const FAMILY_RELATIONS = ['SPOUSE', 'PARENT_OF', 'SIBLING'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];

export const LINK_TYPES = [
  'ACTING_IN_CONCERT',
  'VOTING_PROXY',
  'CONSOLIDATION',
  'CENTRAL_TREASURY',
  'UNIFIED_FINANCING',
  'FUNDS_OCCUPATION',
  'RELATED_PARTY_TRANSFER',
  'OTHER_CONTROL',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const PRODUCTS = [
  'TERM_LOAN',
  'REVOLVING_LOAN',
  'OVERDRAFT',
  'BANK_ACCEPTANCE',
  'FINANCIAL_GUARANTEE',
  'STANDBY_LC',
  'PERFORMANCE_GUARANTEE',
  'TRADE_LC',
  'BOND_HOLDING',
  'OTHER',
] as const;
export type Product = (typeof PRODUCTS)[number];

/** `validFrom <= d < validTo`; null means "always" / "still holds". */
export interface Validity {
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export interface Party {
  id: string;
  kind: EntityKind;
  name: string;
  ownership: OwnershipType | null;
  country: string | null;
  uscc: string | null;
  lei: string | null;
  industry: string | null;
  boardSeats: number | null;
  customer: boolean;
  portfolio: string | null;
}

export interface Shareholding extends Validity {
  id: string;
  holderId: string;
  companyId: string;
  votingPct: DecimalString;
  equityPct: DecimalString;
  source: string | null;
}

export interface Role extends Validity {
  id: string;
  holderId: string;
  companyId: string;
  role: RoleType;
  appointedById: string | null;
  source: string | null;
}

export interface FamilyTie extends Validity {
  id: string;
  personAId: string;
  personBId: string;
  relation: FamilyRelation;
  source: string | null;
}

export interface ControlLink extends Validity {
  id: string;
  fromId: string;
  toId: string;
  type: LinkType;
  source: string | null;
  reason: string | null;
}

export interface Guarantee extends Validity {
  id: string;
  guarantorId: string;
  borrowerId: string;
  amount: DecimalString;
  currency: string;
}

export interface Facility {
  id: string;
  borrowerId: string;
  product: Product;
  limit: DecimalString;
  currency: string;
  committed: boolean;
  cancellable: boolean;
  start: IsoDate | null;
  maturity: IsoDate | null;
  cashMargin: DecimalString | null;
  guarantorId: string | null;
  guaranteedAmount: DecimalString | null;
}

export interface Drawing {
  facilityId: string;
  asOf: IsoDate;
  drawn: DecimalString;
}

export interface FxRate {
  currency: string;
  asOf: IsoDate;
  rate: DecimalString;
}

export interface Capital {
  asOf: IsoDate;
  tier1Capital: DecimalString;
  netCapital: DecimalString;
  currency: string;
}

export interface GroupLimit extends Validity {
  id: string;
  memberId: string;
  limit: DecimalString;
  currency: string;
}

/**
 * R11: an analyst's decision, with reason and approver. `JOIN` puts `entityId` into the
 * group that contains `targetId`; `SEVER` removes the derived control link between the
 * two (in either direction) from the group derivation.
 */
export const DESIGNATION_KINDS = ['JOIN', 'SEVER'] as const;
export type DesignationKind = (typeof DESIGNATION_KINDS)[number];

export interface ManualDesignation extends Validity {
  id: string;
  kind: DesignationKind;
  entityId: string;
  targetId: string;
  reason: string;
  approvedBy: string;
}

/** Everything the interchange format carries. */
export interface Dataset {
  entities: Party[];
  shareholdings: Shareholding[];
  roles: Role[];
  familyTies: FamilyTie[];
  links: ControlLink[];
  guarantees: Guarantee[];
  facilities: Facility[];
  drawings: Drawing[];
  fxRates: FxRate[];
  capital: Capital[];
  groupLimits: GroupLimit[];
}

/** The control-relevant part of the graph: what the group engine reads. */
export interface ControlGraph extends Pick<
  Dataset,
  'entities' | 'shareholdings' | 'roles' | 'familyTies' | 'links' | 'guarantees'
> {
  designations: ManualDesignation[];
}

export function emptyControlGraph(): ControlGraph {
  return {
    entities: [],
    shareholdings: [],
    roles: [],
    familyTies: [],
    links: [],
    guarantees: [],
    designations: [],
  };
}

/** A dataset's control graph; manual designations live outside the interchange format. */
export function controlGraphOf(d: Dataset, designations: ManualDesignation[] = []): ControlGraph {
  const { entities, shareholdings, roles, familyTies, links, guarantees } = d;
  return { entities, shareholdings, roles, familyTies, links, guarantees, designations };
}

export function emptyDataset(): Dataset {
  return {
    entities: [],
    shareholdings: [],
    roles: [],
    familyTies: [],
    links: [],
    guarantees: [],
    facilities: [],
    drawings: [],
    fxRates: [],
    capital: [],
    groupLimits: [],
  };
}

export function isValidOn(v: Validity, date: IsoDate): boolean {
  return (v.validFrom === null || v.validFrom <= date) && (v.validTo === null || date < v.validTo);
}
