import type { EntityManager } from '@mikro-orm/postgresql';
import { parseIsoDate } from '../../domain/dates';
import { ValidationError } from '../../domain/errors';
import type { Capital, IsoDate } from '../../domain/model';
import { dec } from '../../domain/money/decimal';
import { LimitsRepository } from '../../persistence/repositories/limits.repository';
import { AuditRepository } from '../../persistence/repositories/audit.repository';
import { PolicyRepository } from '../../persistence/repositories/policy.repository';
import type { AppServices } from '../app-services';
import type { GroupChange } from '../group-engine';
import { applyPolicyPatch, assertValidPolicy, type PolicyPatch } from './policy-patch';
import type { PolicyInForce } from './policy-store';

export interface PolicyView extends PolicyInForce {
  /** The capital row in force on `asOf` (the latest on or before it), if any. */
  capital: Capital | null;
}

const CURRENCY = /^[A-Z]{3}$/;

/**
 * Reads and admin changes of the bank's policy and capital base. Every change is one
 * transaction: the row and its audit entry (before and after) or neither. A version dated
 * in the past changes reports already made, so it must say why.
 */
export class PolicyService {
  constructor(
    private readonly app: AppServices,
    private readonly em: EntityManager,
  ) {}

  async policyOn(asOf: IsoDate | null | undefined): Promise<PolicyView> {
    const date = asOf ?? this.app.today();
    const [capital] = await new LimitsRepository(this.em).capitalOn(date);
    return { ...this.app.policies.inForce(date), capital: capital ?? null };
  }

  async setPolicy(
    patch: PolicyPatch,
    validFrom: IsoDate,
    actor: string,
    note: string | null,
  ): Promise<PolicyView> {
    parseIsoDate(validFrom);
    const today = this.app.today();
    if (validFrom < today && !note?.trim()) {
      throw ValidationError.of([
        `setPolicy: a version from ${validFrom}, before today (${today}), changes reports ` +
          'already made; give a note saying why',
      ]);
    }
    const store = this.app.policies;
    await this.app.writes.run(async () => {
      const before = store.inForce(validFrom);
      const next = applyPolicyPatch(before.policy, patch);
      assertValidPolicy(next);
      const previous = store.version(validFrom);
      const controlToday = JSON.stringify(this.app.policy().control);
      let change: GroupChange | undefined;
      try {
        await this.em.transactional(async (tx) => {
          const repo = new PolicyRepository(tx);
          const existing = await repo.versionForUpdate(validFrom);
          // The engine derives with the store's policy, so the store holds the new version
          // from here on; it is restored should the transaction fail.
          const recordedAt = new Date().toISOString();
          store.put({ validFrom, policy: next, recordedBy: actor, recordedAt });
          await repo.save(validFrom, next, actor);
          await new AuditRepository(tx).record({
            actor,
            action: existing ? 'UPDATE' : 'INSERT',
            tableName: 'policy_version',
            rowId: validFrom,
            before: { validFrom: before.validFrom, policy: before.policy },
            after: { validFrom, policy: next },
            note,
          });
          // Today's groups follow today's control thresholds, in the same transaction.
          if (JSON.stringify(this.app.policy().control) !== controlToday) {
            const cause = `control policy of ${validFrom} set by ${actor}`;
            change = await this.app.groups.rederiveAll(tx, cause);
          }
        });
      } catch (error) {
        store.restore(validFrom, previous);
        throw error;
      } finally {
        // After the commit or the restore: readers may have seen the uncommitted version.
        this.app.dataGeneration.bump();
      }
      change?.commit();
    });
    return this.policyOn(validFrom);
  }

  async recordCapital(row: Capital, actor: string): Promise<Capital> {
    const problems: string[] = [];
    parseIsoDate(row.asOf);
    for (const key of ['tier1Capital', 'netCapital'] as const) {
      if (!dec(row[key]).greaterThan(0)) problems.push(`capital: ${key} must be above 0`);
    }
    if (!CURRENCY.test(row.currency)) problems.push('capital: currency must be an ISO 4217 code');
    if (problems.length > 0) throw ValidationError.of(problems);
    const saved = {
      ...row,
      tier1Capital: dec(row.tier1Capital).toFixed(),
      netCapital: dec(row.netCapital).toFixed(),
    };
    await this.app.dataGeneration.around(() =>
      this.em.transactional(async (tx) => {
        const repo = new LimitsRepository(tx);
        const existing = await repo.capitalRow(row.asOf);
        await repo.upsertCapital(saved);
        await new AuditRepository(tx).record({
          actor,
          action: existing ? 'UPDATE' : 'INSERT',
          tableName: 'capital',
          rowId: row.asOf,
          before: existing,
          after: saved,
        });
      }),
    );
    return saved;
  }
}
