import { AuditLogRow } from './audit.entity';
import { CapitalRow, DrawingRow, FacilityRow, FxRateRow, GroupLimitRow } from './books.entity';
import {
  ControlLinkRow,
  FamilyTieRow,
  GuaranteeRow,
  ManualDesignationRow,
  RoleRow,
  ShareholdingRow,
} from './edges.entity';
import { PartyRow } from './party.entity';

export * from './audit.entity';
export * from './books.entity';
export * from './edges.entity';
export * from './party.entity';

export const ENTITIES = [
  PartyRow,
  ShareholdingRow,
  RoleRow,
  FamilyTieRow,
  ControlLinkRow,
  GuaranteeRow,
  ManualDesignationRow,
  FacilityRow,
  DrawingRow,
  FxRateRow,
  CapitalRow,
  GroupLimitRow,
  AuditLogRow,
];
