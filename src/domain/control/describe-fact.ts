/**
 * One English sentence per fact, naming the parties, the figures that crossed the line
 * and the rule, so a credit committee can read why without opening a database.
 */
import { sum } from '../money/decimal';
import { CompactGraph } from './compact-graph';
import { RawFact } from './raw-fact';

export function describeFact(g: CompactGraph, threshold: string, f: RawFact): string {
  const who = (x: number): string => `${g.party(x).name} (${g.index.idOf(x)})`;
  const X = who(f.from);
  const Y = who(f.to);
  const list = (xs: number[]): string => joinAnd(xs.map(who));
  const stakeOf = (holder: number): string =>
    sum(
      f.shareRows
        .filter((r) => g.shares[r].holderId === g.index.idOf(holder))
        .map((r) => g.shares[r].votingPct),
    ).toFixed();
  // The fact's own party first, then the others by id.
  const holders = [...new Set(f.shareRows.map((r) => g.shareEnds.from[r]))].sort(
    (a, b) => Number(b === f.from) - Number(a === f.from) || a - b,
  );
  const through = f.poolIds.length > 0 ? `, with ${list(f.poolIds)} which it controls,` : '';
  const main = ((): string => {
    switch (f.rule) {
      case 'R1':
        return `${X} holds ${stakeOf(f.from)} % of the voting rights of ${Y}, more than ${threshold} % (R1 direct majority).`;
      case 'R2': {
        const parts = holders.map((h) =>
          h === f.from
            ? `${stakeOf(h)} % held directly`
            : `${stakeOf(h)} % through ${who(h)}, which it controls`,
        );
        return `${X} controls ${pooledTotal(g, f)} % of the voting rights of ${Y} (${joinAnd(parts)}), more than ${threshold} % (R2 indirect majority).`;
      }
      case 'R3': {
        const note = f.note.kind === 'pool' ? f.note : null;
        const anchor = note?.anchor ?? f.from;
        const others = f.poolIds.filter((m) => m !== f.from);
        const pool =
          note?.pool === 'CONCERT'
            ? `${who(anchor)} and its acting-in-concert partners`
            : `${who(anchor)} and his or her close relatives`;
        const parts = holders.map((h) => `${stakeOf(h)} % by ${who(h)}`);
        return `The pool of ${pool} holds ${pooledTotal(g, f)} % of the voting rights of ${Y} (${joinAnd(parts)}), more than ${threshold} %, and no single party controls ${Y}, so ${X} controls it jointly with ${list(others)} (R3 pooled control).`;
      }
      case 'R4': {
        const n = f.note.kind === 'seats' ? f.note : { appointed: f.roleRows.length, total: 0 };
        return `${X}${through} appointed ${n.appointed} of the ${n.total} board seats of ${Y}, more than half (R4 board majority).`;
      }
      case 'R5': {
        const bits = f.note.kind === 'keys' ? f.note.bits : 0;
        const posts = [
          bits & 1 ? 'chairman' : '',
          bits & 2 ? 'general manager' : '',
          bits & 4 ? 'CFO' : '',
        ].filter(Boolean);
        return `${X}${through} appointed the ${joinAnd(posts)} of ${Y} (R5 key executives).`;
      }
      case 'R6':
        return `${X} consolidates ${Y} in its financial statements (R6 consolidation).`;
      case 'R7': {
        const phrases = [
          ...(f.roleRows.length > 0 ? [`is the declared actual controller of ${Y}`] : []),
          ...f.linkRows
            .map((r) => g.links[r])
            .map((l) =>
              l.type === 'VOTING_PROXY'
                ? `holds a voting proxy over ${Y}`
                : `controls ${Y} by agreement (${l.reason ?? 'no reason given'})`,
            ),
        ];
        return `${X} ${joinAnd([...new Set(phrases)])} (R7 declared control).`;
      }
      case 'R8': {
        const kinds = [
          ...new Set(f.linkRows.map((r) => LINK_WORDS[g.links[r].type] ?? g.links[r].type)),
        ];
        return `${X} is linked to ${Y} by ${joinAnd(kinds)}, which counts as control in that direction (R8 financial dependence).`;
      }
      case 'R9': {
        const label = f.note.kind === 'kin' ? f.note.label : 'close relative';
        return `${X} and ${Y} each control a company and are close relatives: ${Y} is the ${label} of ${X} (R9 family of controllers).`;
      }
      case 'R10': {
        const note = f.note.kind === 'identity' ? f.note : { persons: [], kinLabel: null };
        const roles = new Set(f.roleRows.map((r) => g.roles[r].role));
        const post =
          roles.size > 1
            ? 'legal representative or actual controller'
            : roles.has('ACTUAL_CONTROLLER')
              ? 'actual controller'
              : 'legal representative';
        if (note.persons.length < 2) {
          return `${X} and ${Y} are private companies with the same ${post}, ${list(note.persons)} (R10 private-company identity).`;
        }
        const [p, q] = note.persons;
        return `${X} and ${Y} are private companies whose ${post}s are close relatives: ${who(q)} is the ${note.kinLabel} of ${who(p)} (R10 private-company identity).`;
      }
      case 'R11': {
        const d = g.designations[f.designationRows[0]];
        return `An analyst put ${X} into the group of ${Y}: ${d.reason} (designation ${d.id}, approved by ${d.approvedBy}) (R11 manual designation).`;
      }
    }
  })();
  return f.exclusion === null ? main : `${main} ${f.exclusion}`;
}

/** R2 / R3: the voting stakes of the rows cited, added up exactly. */
export function pooledTotal(g: CompactGraph, f: RawFact): string {
  return sum(f.shareRows.map((r) => g.shares[r].votingPct)).toFixed();
}

const LINK_WORDS: Record<string, string> = {
  CENTRAL_TREASURY: 'a central treasury (cash pool)',
  UNIFIED_FINANCING: 'unified financing',
  FUNDS_OCCUPATION: 'long-term occupation of funds',
  RELATED_PARTY_TRANSFER: 'related-party transfers',
};

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
