/**
 * Fixtures for the exposure tests. Source of the example data: the CSV files of
 * /work/shared/formats/example (../shared/formats/example from the repository root),
 * copied verbatim below, the dataset EXPECTED.md describes. Group memberships are
 * EXPECTED.md's "Groups on 2026-09-30", given by hand: deriving them is not this area's job.
 */
import { Capital, Drawing, Facility, FxRate, GroupLimit } from '../../../src/domain/model';
import {
  DEFAULT_EXPOSURE_POLICY,
  ExposurePolicy,
} from '../../../src/domain/policy/exposure-policy';
import {
  facilityExposuresOn,
  groupExposure,
  GroupExposure,
  selectGroupLimit,
  SubLimit,
} from '../../../src/domain/exposure';

export function aFacility(id: string, overrides: Partial<Facility> = {}): Facility {
  return {
    id,
    borrowerId: 'C-A',
    product: 'TERM_LOAN',
    limit: '1000',
    currency: 'CNY',
    committed: true,
    cancellable: false,
    start: null,
    maturity: null,
    cashMargin: null,
    guarantorId: null,
    guaranteedAmount: null,
    ...overrides,
  };
}

export function aDrawing(facilityId: string, asOf: string, drawn: string): Drawing {
  return { facilityId, asOf, drawn };
}

/** Rows of a CSV without quoting, as records keyed by the header. */
function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

const orNull = (cell: string): string | null => (cell === '' ? null : cell);

// Verbatim copy of ../shared/formats/example/facilities.csv
export const EXAMPLE_FACILITIES: Facility[] = csvRows(`
id,borrower,product,limit,currency,committed,cancellable,start,maturity,cash_margin,guarantor,guaranteed_amount
FC-1,C-HXS,TERM_LOAN,2000000000,CNY,true,false,2025-01-01,2030-01-01,,,
FC-2,C-HXL,BANK_ACCEPTANCE,500000000,CNY,false,false,2025-01-01,2027-01-01,100000000,,
FC-3,C-NAT,REVOLVING_LOAN,100000000,USD,true,true,2025-01-01,2028-01-01,,,
FC-4,C-DFP,TERM_LOAN,7000000000,CNY,true,false,2024-01-01,2034-01-01,,,
FC-5,C-DFPS,TERM_LOAN,1000000000,CNY,true,false,2024-01-01,2031-01-01,,,
FC-6,C-WQ1,TRADE_LC,50000000,CNY,false,false,2025-01-01,2026-12-31,,,
FC-7,C-SOLO,OVERDRAFT,20000000,CNY,false,false,2025-01-01,2027-01-01,,C-HXH,5000000
FC-8,C-JH,TERM_LOAN,300000000,CNY,true,false,2025-01-01,2029-01-01,,,
`).map((r) =>
  aFacility(r.id, {
    borrowerId: r.borrower,
    product: r.product as Facility['product'],
    limit: r.limit,
    currency: r.currency,
    committed: r.committed === 'true',
    cancellable: r.cancellable === 'true',
    start: orNull(r.start),
    maturity: orNull(r.maturity),
    cashMargin: orNull(r.cash_margin),
    guarantorId: orNull(r.guarantor),
    guaranteedAmount: orNull(r.guaranteed_amount),
  }),
);

// Verbatim copy of ../shared/formats/example/drawings.csv
export const EXAMPLE_DRAWINGS: Drawing[] = csvRows(`
facility,as_of,drawn
FC-1,2026-06-30,1200000000
FC-1,2026-09-30,1500000000
FC-2,2026-09-30,300000000
FC-3,2026-09-30,60000000
FC-4,2026-09-30,7000000000
FC-5,2026-09-30,800000000
FC-6,2026-09-30,50000000
FC-7,2026-09-30,5000000
FC-8,2026-09-30,300000000
`).map((r) => aDrawing(r.facility, r.as_of, r.drawn));

// Verbatim copy of ../shared/formats/example/fx_rates.csv
export const EXAMPLE_FX: FxRate[] = csvRows(`
currency,as_of,rate
USD,2026-06-30,7.20
USD,2026-09-30,7.10
CNY,2000-01-01,1
`).map((r) => ({ currency: r.currency, asOf: r.as_of, rate: r.rate }));

// Verbatim copy of ../shared/formats/example/capital.csv
export const EXAMPLE_CAPITAL: Capital[] = csvRows(`
as_of,tier1_capital,net_capital,currency
2026-06-30,50000000000,62000000000,CNY
`).map((r) => ({
  asOf: r.as_of,
  tier1Capital: r.tier1_capital,
  netCapital: r.net_capital,
  currency: r.currency,
}));

// Verbatim copy of ../shared/formats/example/group_limits.csv
export const EXAMPLE_GROUP_LIMITS: GroupLimit[] = csvRows(`
id,member,limit,currency,valid_from,valid_to
GL-1,C-HXH,3500000000,CNY,2025-01-01,
`).map((r) => ({
  id: r.id,
  memberId: r.member,
  limit: r.limit,
  currency: r.currency,
  validFrom: orNull(r.valid_from),
  validTo: orNull(r.valid_to),
}));

// EXPECTED.md, "Groups on 2026-09-30" (the people and bodies alone have no facilities).
export const EXAMPLE_GROUPS: Record<string, string[]> = {
  'Zhang family': [
    'C-HXH',
    'C-HXS',
    'C-HXL',
    'C-NAT',
    'C-HAO',
    'C-BRD',
    'C-CONS',
    'C-TREAS',
    'P-ZHANG',
    'P-LI',
    'P-HAO',
  ],
  'Dongfang Power': ['C-DFP', 'C-DFPS'],
  'Dongfang Grid': ['C-DFG'],
  Qiangsheng: ['C-WQ1', 'C-WQ2'],
  Jinhe: ['C-JH', 'P-SUN', 'P-ZHOU'],
  'C-SOLO': ['C-SOLO'],
};

// entities.csv, names for messages.
export const EXAMPLE_NAMES: Record<string, string> = {
  'C-DFP': 'Dongfang Power',
  'C-DFPS': 'Dongfang Power Services',
  'C-HXS': 'Huaxin Steel',
};

/** The error `call` throws, or null: lets a test inspect a typed error's details. */
export function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return null;
}

export interface ExampleData {
  facilities: Facility[];
  drawings: Drawing[];
}

/** The example's group on `asOf` under the default policy, as the API would compute it. */
export function exampleGroup(
  groupName: string,
  asOf: string,
  data: ExampleData = { facilities: EXAMPLE_FACILITIES, drawings: EXAMPLE_DRAWINGS },
  options: { policy?: ExposurePolicy; subLimits?: SubLimit[] } = {},
): GroupExposure {
  const policy = options.policy ?? DEFAULT_EXPOSURE_POLICY;
  const memberIds = EXAMPLE_GROUPS[groupName];
  const groupLimit = selectGroupLimit(EXAMPLE_GROUP_LIMITS, memberIds, asOf);
  return groupExposure({
    memberIds,
    facilityExposures: facilityExposuresOn({ ...data, fxRates: EXAMPLE_FX, asOf, policy }),
    capital: EXAMPLE_CAPITAL,
    groupLimit,
    subLimits: options.subLimits ?? [],
    policy,
    asOf,
    fxRates: EXAMPLE_FX,
    groupName,
    names: EXAMPLE_NAMES,
  });
}
