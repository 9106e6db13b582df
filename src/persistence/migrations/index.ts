import { Migration20261123000001_dated_graph } from './Migration20261123000001_dated_graph';

/** Every migration, in order. Schema changes only ever come through here. */
export const MIGRATIONS = [
  { name: 'Migration20261123000001_dated_graph', class: Migration20261123000001_dated_graph },
];
