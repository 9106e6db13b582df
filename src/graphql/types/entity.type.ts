import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { EntityKind, OwnershipType } from '../../domain/model';
import { EntityKindEnum, OwnershipEnum } from './enums';

@ObjectType('Entity', {
  simpleResolvers: true,
  description: 'A legal entity, person, institution or state body: a node of the control graph.',
})
export class EntityType {
  @Field(() => ID, { description: "The source system's id (as in the interchange files)." })
  id!: string;

  @Field(() => EntityKindEnum)
  kind!: EntityKind;

  @Field(() => String)
  name!: string;

  @Field(() => OwnershipEnum, { nullable: true })
  ownership!: OwnershipType | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '统一社会信用代码 (unified social credit code).',
  })
  uscc!: string | null;

  @Field(() => String, { nullable: true, description: 'Legal Entity Identifier (ISO 17442).' })
  lei!: string | null;

  @Field(() => String, { nullable: true })
  industry!: string | null;

  @Field(() => Int, { nullable: true, description: 'Size of the board of directors.' })
  boardSeats!: number | null;

  @Field(() => Boolean, { description: 'True when the bank lends to this entity.' })
  customer!: boolean;

  @Field(() => String, { nullable: true, description: "The relationship manager's portfolio." })
  portfolio!: string | null;
}
