import { compareBySubjectThenRule, type CheckStatus } from '../../domain/exposure';
import { ValidationError } from '../../domain/errors';
import { checkedPageSize, decodeCursor, encodeCursor } from '../paging';
import { severity } from './exposure-presenter';
import type { LimitCheckView } from './exposure-views';

export interface MemberCheckPageArgs {
  first: number;
  after: string | null;
  /** Only checks at or above this status; PASS lists every one. */
  minStatus: CheckStatus;
}

export interface MemberCheckPage {
  edges: { cursor: string; node: LimitCheckView }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Checks at or above minStatus, over every page. */
  totalCount: number;
}

/** Filtered lists of a cached view's member checks, computed once per view and status. */
const filtered = new WeakMap<readonly LimitCheckView[], Map<CheckStatus, LimitCheckView[]>>();

function atOrAbove(checks: readonly LimitCheckView[], minStatus: CheckStatus): LimitCheckView[] {
  if (minStatus === 'PASS') return checks as LimitCheckView[];
  let byStatus = filtered.get(checks);
  if (!byStatus) filtered.set(checks, (byStatus = new Map()));
  let list = byStatus.get(minStatus);
  if (!list) {
    list = checks.filter((c) => severity(c.status) >= severity(minStatus));
    byStatus.set(minStatus, list);
  }
  return list;
}

type CheckKey = Pick<LimitCheckView, 'subjectId' | 'rule'>;

/** A cursor names a check by member and rule, so it stays valid when statuses change. */
function cursorOf(c: CheckKey): string {
  return encodeCursor(`${c.subjectId ?? ''}\u0000${c.rule}`);
}

function keyOf(cursor: string): CheckKey {
  const text = decodeCursor(cursor);
  const split = text.indexOf('\u0000');
  if (split < 0) throw ValidationError.of([`"${cursor}" is not a member-check cursor.`]);
  return { subjectId: text.slice(0, split), rule: text.slice(split + 1) };
}

/** Index of the first check after `key` in a list sorted by member then rule. */
function firstAfter(checks: readonly LimitCheckView[], key: CheckKey): number {
  let [low, high] = [0, checks.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareBySubjectThenRule(checks[mid], key) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * A page of a group's member checks (sorted by member id, then rule), after a cursor: the
 * complete listing the group's `checks` summary leaves PASS checks out of.
 */
export function memberCheckPage(
  memberChecks: readonly LimitCheckView[],
  args: MemberCheckPageArgs,
): MemberCheckPage {
  const first = checkedPageSize(args.first);
  const checks = atOrAbove(memberChecks, args.minStatus);
  const start = args.after === null ? 0 : firstAfter(checks, keyOf(args.after));
  const edges = checks
    .slice(start, start + first)
    .map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + first < checks.length,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: checks.length,
  };
}
