/**
 * A change to the policy as an admin sends it: every field optional, merged onto the version
 * in force on the change's date. Lists (limit checks, loan products, warning levels, disabled
 * rules) replace the old list whole; CCFs are patched product by product.
 */
import { ValidationError } from '../../domain/errors';
import type { Product } from '../../domain/model';
import {
  assertValidControlPolicy,
  validateExposurePolicy,
  type ControlPolicy,
  type ExposurePolicy,
  type Policy,
} from '../../domain/policy';

export interface ProductCcf {
  product: Product;
  ccfPct: string;
}

export interface ExposurePolicyPatch extends Partial<
  Omit<ExposurePolicy, 'productCcfPct' | 'warnLevelsPct'>
> {
  productCcf?: ProductCcf[] | null;
  warnLevelsPct?: string[] | null;
}

export interface PolicyPatch {
  control?: Partial<ControlPolicy> | null;
  exposure?: ExposurePolicyPatch | null;
}

/** The fields actually given: GraphQL sends an omitted input field as undefined or null. */
function given<T extends object>(patch: T | null | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!patch) return out;
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && value !== null) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

export function applyPolicyPatch(base: Policy, patch: PolicyPatch): Policy {
  const problems: string[] = [];
  const { productCcf, warnLevelsPct, ...exposure } = given(patch.exposure);
  const productCcfPct = { ...base.exposure.productCcfPct };
  const seen = new Set<Product>();
  for (const entry of productCcf ?? []) {
    if (seen.has(entry.product)) {
      problems.push(`exposure policy: productCcf lists ${entry.product} twice`);
    }
    seen.add(entry.product);
    productCcfPct[entry.product] = entry.ccfPct;
  }
  if (warnLevelsPct && warnLevelsPct.length !== 2) {
    problems.push('exposure policy: warnLevelsPct must list exactly two levels, e.g. ["80", "90"]');
  }
  if (problems.length > 0) throw ValidationError.of(problems);
  return {
    control: { ...base.control, ...given(patch.control) },
    exposure: {
      ...base.exposure,
      ...exposure,
      productCcfPct,
      warnLevelsPct: warnLevelsPct
        ? [warnLevelsPct[0], warnLevelsPct[1]]
        : base.exposure.warnLevelsPct,
    },
  };
}

/** Every problem with both halves of the policy, as one BAD_USER_INPUT. */
export function assertValidPolicy(policy: Policy): void {
  const problems = validateExposurePolicy(policy.exposure);
  try {
    assertValidControlPolicy(policy.control);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...((error.details?.problems as string[] | undefined) ?? [error.message]));
  }
  if (problems.length > 0) throw ValidationError.of(problems);
}
