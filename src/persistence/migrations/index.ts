import { Migration20261123000001_dated_graph } from './Migration20261123000001_dated_graph';
import { Migration20261123000002_groups } from './Migration20261123000002_groups';
import { Migration20261123000003_policy_limits } from './Migration20261123000003_policy_limits';
import { Migration20261208000004_byte_order_indexes } from './Migration20261208000004_byte_order_indexes';

/** Every migration, in order. Schema changes only ever come through here. */
export const MIGRATIONS = [
  { name: 'Migration20261123000001_dated_graph', class: Migration20261123000001_dated_graph },
  { name: 'Migration20261123000002_groups', class: Migration20261123000002_groups },
  { name: 'Migration20261123000003_policy_limits', class: Migration20261123000003_policy_limits },
  {
    name: 'Migration20261208000004_byte_order_indexes',
    class: Migration20261208000004_byte_order_indexes,
  },
];
