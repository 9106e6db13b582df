import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../domain/model';
import { DEFAULT_POLICY, type Policy } from '../../domain/policy';
import {
  PolicyRepository,
  type PolicyVersion,
} from '../../persistence/repositories/policy.repository';

/** The policy in force on a date, with the version it came from (null: the built-in default). */
export interface PolicyInForce {
  asOf: IsoDate;
  validFrom: IsoDate | null;
  recordedBy: string | null;
  policy: Policy;
}

/**
 * The bank's policy versions, held in memory for every request (they are few and change
 * rarely): loaded once at start-up, updated after each committed `setPolicy`. Before the
 * first stored version the built-in DEFAULT_POLICY is in force.
 */
export class PolicyStore {
  private versions: PolicyVersion[] = [];

  static async load(em: EntityManager): Promise<PolicyStore> {
    const store = new PolicyStore();
    const stored = await new PolicyRepository(em).versions();
    store.replaceAll(stored.map((v) => ({ ...v, policy: withDefaults(v.policy) })));
    return store;
  }

  inForce(asOf: IsoDate): PolicyInForce {
    let found: PolicyVersion | null = null;
    for (const v of this.versions) if (v.validFrom <= asOf) found = v;
    return found === null
      ? { asOf, validFrom: null, recordedBy: null, policy: DEFAULT_POLICY }
      : { asOf, validFrom: found.validFrom, recordedBy: found.recordedBy, policy: found.policy };
  }

  policyOn(asOf: IsoDate): Policy {
    return this.inForce(asOf).policy;
  }

  list(): readonly PolicyVersion[] {
    return this.versions;
  }

  /** The version starting exactly on `validFrom`, if any. */
  version(validFrom: IsoDate): PolicyVersion | undefined {
    return this.versions.find((v) => v.validFrom === validFrom);
  }

  /** Records a version (replacing one of the same date). */
  put(version: PolicyVersion): void {
    this.replaceAll([...this.versions.filter((v) => v.validFrom !== version.validFrom), version]);
  }

  /** Puts back what `validFrom` held before a change that did not commit. */
  restore(validFrom: IsoDate, previous: PolicyVersion | undefined): void {
    if (previous) this.put(previous);
    else this.replaceAll(this.versions.filter((v) => v.validFrom !== validFrom));
  }

  private replaceAll(versions: PolicyVersion[]): void {
    this.versions = [...versions].sort((a, b) =>
      a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
    );
  }
}

/** A version stored before a field existed reads that field's default. */
function withDefaults(stored: Partial<Policy>): Policy {
  return {
    control: { ...DEFAULT_POLICY.control, ...stored.control },
    exposure: {
      ...DEFAULT_POLICY.exposure,
      ...stored.exposure,
      productCcfPct: {
        ...DEFAULT_POLICY.exposure.productCcfPct,
        ...stored.exposure?.productCcfPct,
      },
    },
  };
}
