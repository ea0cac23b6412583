import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import type { CartLineRow, CartRow } from './cart.rows.js';

@ObjectType('Cart', {
  implements: Node,
  description: 'A shopping cart: the signed-in shopper’s, or a guest’s found by its token.',
})
export class Cart extends Node {
  @Field({ description: 'Secret token of a guest cart; send it back as `cartToken`. Keep it private.' })
  token!: string;

  @Field({ description: 'When the cart last changed.' })
  updatedAt!: Date;

  row!: CartRow;

  static from(row: CartRow): Cart {
    return Object.assign(new Cart(), {
      id: toGlobalId('Cart', row.id),
      token: row.token,
      updatedAt: row.updatedAt,
      row,
    });
  }
}

@ObjectType('CartLine', { implements: Node, description: 'One variant in a cart with its quantity.' })
export class CartLine extends Node {
  @Field(() => Int, { description: 'Units of the variant.' })
  quantity!: number;

  @Field({ description: 'Whether the line is selected for checkout.' })
  selected!: boolean;

  row!: CartLineRow;

  static from(row: CartLineRow): CartLine {
    return Object.assign(new CartLine(), {
      id: toGlobalId('CartLine', row.id),
      quantity: row.quantity,
      selected: row.selected,
      row,
    });
  }
}

export const AddToCartErrorCode = {
  INVALID_QUANTITY: 'INVALID_QUANTITY',
  QUANTITY_EXCEEDS_LINE_MAXIMUM: 'QUANTITY_EXCEEDS_LINE_MAXIMUM',
  QUANTITY_EXCEEDS_STOCK: 'QUANTITY_EXCEEDS_STOCK',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  VARIANT_NOT_FOUND: 'VARIANT_NOT_FOUND',
  CART_NOT_FOUND: 'CART_NOT_FOUND',
} as const;
export type AddToCartErrorCode = keyof typeof AddToCartErrorCode;

registerEnumType(AddToCartErrorCode, {
  name: 'AddToCartErrorCode',
  description: 'Why `addToCart` refused.',
  valuesConfig: {
    INVALID_QUANTITY: { description: 'Quantity must be a whole number of at least 1.' },
    QUANTITY_EXCEEDS_LINE_MAXIMUM: { description: 'The line would hold more than the per-line maximum.' },
    QUANTITY_EXCEEDS_STOCK: { description: 'The line would hold more units than are in stock.' },
    OUT_OF_STOCK: { description: 'The variant is sold out.' },
    VARIANT_NOT_FOUND: { description: 'No variant on sale has this ID.' },
    CART_NOT_FOUND: { description: 'No guest cart has this token.' },
  },
});

@ObjectType('AddToCartUserError', {
  implements: BaseUserError,
  description: 'An expected reason `addToCart` did not change the cart.',
})
export class AddToCartUserError extends BaseUserError {
  @Field(() => AddToCartErrorCode, { description: 'Machine-readable reason.' })
  code!: AddToCartErrorCode;
}

@InputType('AddToCartInput', { description: 'Adds units of a variant to a cart.' })
export class AddToCartInput {
  @Field(() => String, {
    nullable: true,
    description: 'Token of the guest cart to add to. Omit to start a new guest cart; ignored when signed in.',
  })
  cartToken?: string | null;

  @Field(() => ID, { description: 'The variant to add.' })
  variantId!: string;

  @Field(() => Int, {
    defaultValue: 1,
    description: 'Units to add (default 1); adding again increases the line.',
  })
  quantity!: number;
}

@ObjectType('AddToCartPayload', { description: 'Result of `addToCart`.' })
export class AddToCartPayload {
  @Field(() => Cart, { nullable: true, description: 'The cart after the change (null if nothing changed).' })
  cart!: Cart | null;

  @Field(() => [AddToCartUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: AddToCartUserError[];
}
