import { Field, ID, ObjectType } from 'type-graphql';
import type { Product } from '../../domain/model';
import { DateScalar } from '../scalars/date.scalar';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { ProductEnum } from './enums';

@ObjectType('Facility', {
  simpleResolvers: true,
  description: 'An approved credit line for one borrower and product.',
})
export class FacilityType {
  @Field(() => ID)
  id!: string;

  borrowerId!: string;
  guarantorId!: string | null;

  @Field(() => ProductEnum)
  product!: Product;

  @Field(() => DecimalScalar, { description: 'Approved limit in the facility currency.' })
  limit!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => Boolean)
  committed!: boolean;

  @Field(() => Boolean, { description: 'Unconditionally cancellable by the bank.' })
  cancellable!: boolean;

  @Field(() => DateScalar, { nullable: true })
  start!: string | null;

  @Field(() => DateScalar, { nullable: true })
  maturity!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Cash margin (保证金) held.' })
  cashMargin!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  guaranteedAmount!: string | null;
}
