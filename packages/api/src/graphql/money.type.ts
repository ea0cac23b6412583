import { type Money as CoreMoney, toDecimalString } from '@marketplace/core';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An amount of money. Amounts are exact: never use floating point for them.' })
export class Money {
  @Field({
    description: 'Decimal amount as a string, e.g. "12.34" (as many fraction digits as the currency has).',
  })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code, e.g. "USD".' })
  currencyCode!: string;

  @Field(() => Int, {
    description: 'The same amount in integer minor units of the currency (cents for USD).',
  })
  minorUnits!: number;

  static from(m: CoreMoney): Money {
    return Object.assign(new Money(), {
      amount: toDecimalString(m),
      currencyCode: m.currency,
      minorUnits: m.minor,
    });
  }
}
