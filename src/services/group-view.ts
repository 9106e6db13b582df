/** What the API's `Group` resolves from: one group on one date. */
export interface GroupView {
  id: string;
  asOf: string;
  memberIds: string[];
  /** Primary head first. */
  headIds: string[];
}
