import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../domain/model';
import type { Policy } from '../../domain/policy';

/** A stored policy version: in force from `validFrom` until the next version's date. */
export interface PolicyVersion {
  validFrom: IsoDate;
  policy: Policy;
  recordedBy: string;
  recordedAt: string;
}

/** Dated policy versions, each a jsonb document. */
export class PolicyRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every version, oldest first. */
  versions(): Promise<PolicyVersion[]> {
    return this.em.execute(
      `select valid_from::text as "validFrom", policy, recorded_by as "recordedBy",
         to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "recordedAt"
       from policy_version order by valid_from`,
    );
  }

  /** The version starting exactly on `validFrom`, locked for the caller's transaction. */
  async versionForUpdate(validFrom: IsoDate): Promise<PolicyVersion | null> {
    const [row] = await this.em.execute<PolicyVersion[]>(
      `select valid_from::text as "validFrom", policy, recorded_by as "recordedBy",
         recorded_at::text as "recordedAt"
       from policy_version where valid_from = ?::date for update`,
      [validFrom],
    );
    return row ?? null;
  }

  async save(validFrom: IsoDate, policy: Policy, actor: string): Promise<void> {
    await this.em.execute(
      `insert into policy_version (valid_from, policy, recorded_by) values (?::date, ?::jsonb, ?)
       on conflict (valid_from) do update set policy = excluded.policy,
         recorded_by = excluded.recorded_by, recorded_at = now(),
         version = policy_version.version + 1`,
      [validFrom, JSON.stringify(policy), actor],
    );
  }
}
