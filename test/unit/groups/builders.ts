import type {
  GroupEvent,
  GroupShape,
  IdentifiedGroup,
  IdentityContext,
} from '../../../src/domain/groups';

export const aContext = (overrides: Partial<IdentityContext> = {}): IdentityContext => ({
  date: '2024-06-30',
  cause: 'shareholding SH-42',
  ...overrides,
});

/** `aShape('A,B,C', 'A')`: members and heads as comma lists; heads default to the first member. */
export function aShape(members: string, heads?: string): GroupShape {
  const memberIds = members.split(',').sort();
  return { memberIds, headIds: heads === undefined ? [memberIds[0]] : heads.split(',').sort() };
}

export function aGroup(id: string, members: string, heads?: string): IdentifiedGroup {
  return { id, ...aShape(members, heads) };
}

/** `{ 'A,B': 'G-A' }`: which id each next group (keyed by its members) received. */
export function idsByMembers(groups: IdentifiedGroup[]): Record<string, string> {
  return Object.fromEntries(groups.map((g) => [g.memberIds.join(','), g.id]));
}

/** One line per event, e.g. `MERGED G-A <G-X> {X,Y}`, so tables read like the audit log. */
export function describeEvents(events: GroupEvent[]): string[] {
  return events.map(
    (e) => `${e.type} ${e.groupId} <${e.relatedGroupIds.join(',')}> {${e.entityIds.join(',')}}`,
  );
}
