import { registerEnumType } from 'type-graphql';
import {
  DESIGNATION_KINDS,
  ENTITY_KINDS,
  FAMILY_RELATIONS,
  LINK_TYPES,
  OWNERSHIP_TYPES,
  PRODUCTS,
  ROLE_TYPES,
} from '../../domain/model';

/** GraphQL enums straight from the domain's lists, so the two can never drift apart. */
function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

export const EntityKindEnum = enumOf(ENTITY_KINDS);
export const OwnershipEnum = enumOf(OWNERSHIP_TYPES);
export const RoleTypeEnum = enumOf(ROLE_TYPES);
export const FamilyRelationEnum = enumOf(FAMILY_RELATIONS);
export const LinkTypeEnum = enumOf(LINK_TYPES);
export const ProductEnum = enumOf(PRODUCTS);
export const DesignationKindEnum = enumOf(DESIGNATION_KINDS);

registerEnumType(EntityKindEnum, { name: 'EntityKind' });
registerEnumType(OwnershipEnum, { name: 'Ownership' });
registerEnumType(RoleTypeEnum, { name: 'RoleType' });
registerEnumType(FamilyRelationEnum, { name: 'FamilyRelation' });
registerEnumType(LinkTypeEnum, { name: 'LinkType' });
registerEnumType(ProductEnum, { name: 'Product' });
registerEnumType(DesignationKindEnum, { name: 'DesignationKind' });
