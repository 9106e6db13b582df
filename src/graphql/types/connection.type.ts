import { Field, ObjectType } from 'type-graphql';
import { EntityType } from './entity.type';

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('EntityEdge')
export class EntityEdge {
  @Field(() => String) cursor!: string;
  @Field(() => EntityType) node!: EntityType;
}

@ObjectType('EntityConnection')
export class EntityConnection {
  @Field(() => [EntityEdge]) edges!: EntityEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
