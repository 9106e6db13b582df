import type { ControlPolicy, ExposurePolicy, LimitCheckDefinition } from '../../domain/policy';
import { PRODUCTS, type Capital, type IsoDate } from '../../domain/model';
import type { ProductCcf } from './policy-patch';
import type { PolicyView } from './policy.service';

/** The policy as the API shows it: CCFs as a list in the products' order. */
export interface PolicyOutput {
  asOf: IsoDate;
  validFrom: IsoDate | null;
  recordedBy: string | null;
  control: ControlPolicy;
  exposure: Omit<ExposurePolicy, 'productCcfPct' | 'warnLevelsPct'> & {
    productCcf: ProductCcf[];
    warnLevelsPct: string[];
    limitChecks: LimitCheckDefinition[];
  };
  capital: Capital | null;
}

export function policyOutput(view: PolicyView): PolicyOutput {
  const { productCcfPct, ...exposure } = view.policy.exposure;
  return {
    asOf: view.asOf,
    validFrom: view.validFrom,
    recordedBy: view.recordedBy,
    control: view.policy.control,
    exposure: {
      ...exposure,
      productCcf: PRODUCTS.map((product) => ({ product, ccfPct: productCcfPct[product] })),
      warnLevelsPct: [...exposure.warnLevelsPct],
    },
    capital: view.capital,
  };
}
