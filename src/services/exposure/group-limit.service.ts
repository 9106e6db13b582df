import type { EntityManager } from '@mikro-orm/postgresql';
import { parseIsoDate } from '../../domain/dates';
import { ValidationError } from '../../domain/errors';
import {
  currencyConverter,
  MissingFxRateError,
  selectGroupLimit,
  validateSubLimits,
  type SubLimit,
} from '../../domain/exposure';
import type { GroupLimit, IsoDate } from '../../domain/model';
import { dec } from '../../domain/money/decimal';
import { LimitsRepository } from '../../persistence/repositories/limits.repository';
import { AuditRepository } from '../../persistence/repositories/audit.repository';
import type { AppServices } from '../app-services';
import type { GroupView } from '../group-view';
import { GroupLocator } from '../group-locator';

export interface GroupLimitView extends GroupLimit {
  /** The group the limit governs, on the date asked. */
  groupId: string;
  subLimits: SubLimit[];
}

const CURRENCY = /^[A-Z]{3}$/;

/**
 * Unified group limits and member sub-limits (集团统一授信, CBRC 集团客户授信业务风险管理指引):
 * a new limit ends the one in force on its date and inherits its sub-limits; sub-limits may
 * never exceed the limit, one by one or in total. Each change is one audited transaction,
 * with the group's limit rows locked so two approvals cannot interleave.
 */
export class GroupLimitService {
  private readonly locator: GroupLocator;

  constructor(
    private readonly app: AppServices,
    private readonly em: EntityManager,
  ) {
    this.locator = new GroupLocator(app);
  }

  async setGroupLimit(
    input: { memberId: string; limit: string; currency: string; validFrom: IsoDate },
    actor: string,
  ): Promise<GroupLimitView> {
    const { memberId, validFrom } = input;
    const group = this.groupOf(memberId, parseIsoDate(validFrom));
    assertAmount('setGroupLimit', input.limit, input.currency);
    const limit = dec(input.limit).toFixed();
    return this.app.dataGeneration.around(() =>
      this.em.transactional(async (tx) => {
        const repo = new LimitsRepository(tx);
        const rows = await repo.groupLimitsForUpdate(group.memberIds);
        const current = selectGroupLimit(rows, group.memberIds, validFrom);
        const inherited = current ? await repo.subLimitsOf([current.id]) : [];
        const later = rows
          .map((r) => r.validFrom)
          .filter((d): d is string => d !== null && d > validFrom)
          .sort();
        let saved: GroupLimit;
        if (current && current.validFrom === validFrom) {
          saved = { ...current, memberId, limit, currency: input.currency };
          await this.assertSubLimitsFit(repo, saved, inherited, validFrom);
          await repo.updateGroupLimit(saved);
          await this.audit(tx, actor, 'UPDATE', 'group_limit', saved.id, current, saved);
        } else {
          saved = {
            id: await this.freshId(repo, memberId, validFrom),
            memberId,
            limit,
            currency: input.currency,
            validFrom,
            validTo: current ? current.validTo : (later[0] ?? null),
          };
          await this.assertSubLimitsFit(repo, saved, inherited, validFrom);
          if (current) {
            const ended = { ...current, validTo: validFrom };
            await repo.updateGroupLimit(ended);
            await this.audit(tx, actor, 'UPDATE', 'group_limit', ended.id, current, ended);
          }
          await repo.insertGroupLimit(saved);
          await this.audit(tx, actor, 'INSERT', 'group_limit', saved.id, null, saved);
          if (inherited.length > 0) {
            const subLimits = inherited.map(({ memberId: m, limit: l, currency }) => ({
              memberId: m,
              limit: l,
              currency,
            }));
            await repo.replaceSubLimits(saved.id, subLimits);
            await this.audit(tx, actor, 'INSERT', 'group_sub_limit', saved.id, null, subLimits);
          }
        }
        return this.view(saved, group, await repo.subLimitsOf([saved.id]));
      }),
    );
  }

  async setSubLimits(
    groupMemberId: string,
    subLimits: SubLimit[],
    asOf: IsoDate | null,
    actor: string,
  ): Promise<GroupLimitView> {
    const date = parseIsoDate(asOf ?? this.app.today());
    const group = this.groupOf(groupMemberId, date);
    const members = new Set(group.memberIds);
    const problems: string[] = [];
    for (const s of subLimits) {
      if (!members.has(s.memberId)) {
        problems.push(`sub-limits: ${s.memberId} is not a member of group ${group.id} on ${date}`);
      }
      try {
        assertAmount(`sub-limits: ${s.memberId}`, s.limit, s.currency);
      } catch (error) {
        problems.push(...problemsOf(error));
      }
    }
    if (problems.length > 0) throw ValidationError.of(problems);
    const normalised = subLimits.map((s) => ({ ...s, limit: dec(s.limit).toFixed() }));
    return this.app.dataGeneration.around(() =>
      this.em.transactional(async (tx) => {
        const repo = new LimitsRepository(tx);
        const rows = await repo.groupLimitsForUpdate(group.memberIds);
        const groupLimit = selectGroupLimit(rows, group.memberIds, date);
        if (groupLimit === null) {
          throw ValidationError.of([
            `sub-limits: group ${group.id} (of ${groupMemberId}) has no unified group limit on ` +
              `${date}; set one with setGroupLimit first`,
          ]);
        }
        await this.assertSubLimitsFit(repo, groupLimit, normalised, date);
        const before = await repo.subLimitsOf([groupLimit.id]);
        await repo.replaceSubLimits(groupLimit.id, normalised);
        await this.audit(
          tx,
          actor,
          'REPLACE',
          'group_sub_limit',
          groupLimit.id,
          before,
          normalised,
        );
        return this.view(groupLimit, group, await repo.subLimitsOf([groupLimit.id]));
      }),
    );
  }

  private groupOf(entityId: string, date: IsoDate): GroupView {
    if (!this.app.groups.store.hasEntity(entityId)) {
      throw ValidationError.of([`no entity with id "${entityId}"`]);
    }
    return this.locator.groupOf(entityId, date);
  }

  private async assertSubLimitsFit(
    repo: LimitsRepository,
    groupLimit: GroupLimit,
    subLimits: readonly SubLimit[],
    date: IsoDate,
  ): Promise<void> {
    if (subLimits.length === 0) return;
    const reporting = this.app.policies.policyOn(date).exposure.reportingCurrency;
    const fx = currencyConverter(await repo.fxRatesOn(date), reporting, date);
    let problems: string[];
    try {
      problems = validateSubLimits(groupLimit, subLimits, fx);
    } catch (error) {
      if (!(error instanceof MissingFxRateError)) throw error;
      problems = [`sub-limits: ${error.message}`];
    }
    if (problems.length > 0) throw ValidationError.of(problems);
  }

  private async freshId(repo: LimitsRepository, memberId: string, validFrom: IsoDate) {
    const base = `GL-${memberId}-${validFrom}`.slice(0, 60);
    let id = base;
    for (let n = 2; await repo.groupLimitIdTaken(id); n++) id = `${base}-${n}`;
    return id;
  }

  private audit(
    tx: EntityManager,
    actor: string,
    action: string,
    tableName: string,
    rowId: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    return new AuditRepository(tx).record({ actor, action, tableName, rowId, before, after });
  }

  private view(limit: GroupLimit, group: GroupView, subLimits: SubLimit[]): GroupLimitView {
    return {
      ...limit,
      groupId: group.id,
      subLimits: subLimits.map(({ memberId, limit: l, currency }) => ({
        memberId,
        limit: l,
        currency,
      })),
    };
  }
}

function assertAmount(what: string, amount: string, currency: string): void {
  const problems: string[] = [];
  if (dec(amount).isNegative()) problems.push(`${what}: the limit must not be negative`);
  if (!CURRENCY.test(currency)) problems.push(`${what}: currency must be an ISO 4217 code`);
  if (problems.length > 0) throw ValidationError.of(problems);
}

function problemsOf(error: unknown): string[] {
  if (!(error instanceof ValidationError)) throw error;
  return (error.details?.problems as string[] | undefined) ?? [error.message];
}
