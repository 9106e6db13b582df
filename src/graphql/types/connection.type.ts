import { Field, ObjectType } from 'type-graphql';
import { EntityType } from './entity.type';

@ObjectType('PageInfo', { simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('EntityEdge', { simpleResolvers: true })
export class EntityEdge {
  @Field(() => String) cursor!: string;
  @Field(() => EntityType) node!: EntityType;
}

@ObjectType('EntityConnection', { simpleResolvers: true })
export class EntityConnection {
  @Field(() => [EntityEdge]) edges!: EntityEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
