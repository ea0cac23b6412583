import { Field, ID, InputType, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Cart } from './cart.types.js';

/** Line status and the inputs, payloads and errors of the mutations on cart lines. */

export const CartLineStatus = { AVAILABLE: 'AVAILABLE', UNAVAILABLE: 'UNAVAILABLE' } as const;
export type CartLineStatus = keyof typeof CartLineStatus;
registerEnumType(CartLineStatus, {
  name: 'CartLineStatus',
  description: 'Whether a cart line can be checked out as it is now.',
  valuesConfig: {
    AVAILABLE: { description: 'On sale, with enough stock for the quantity.' },
    UNAVAILABLE: { description: 'Cannot be checked out as it is; `unavailableReason` says why.' },
  },
});

export const CartLineUnavailableReason = {
  OFF_SALE: 'OFF_SALE',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
} as const;
export type CartLineUnavailableReason = keyof typeof CartLineUnavailableReason;
registerEnumType(CartLineUnavailableReason, {
  name: 'CartLineUnavailableReason',
  description: 'Why a cart line cannot be checked out as it is.',
  valuesConfig: {
    OFF_SALE: { description: 'The product was taken off sale, or its store is not open.' },
    OUT_OF_STOCK: { description: 'The variant is sold out.' },
    INSUFFICIENT_STOCK: {
      description: 'Fewer units are in stock than the line holds; `availableQuantity` says how many are.',
    },
  },
});

/** The user errors of the cart-line mutations name the line they are about. */
@InterfaceType('CartLineUserError', {
  implements: BaseUserError,
  description: 'An expected failure of a mutation on cart lines, naming the line it is about.',
})
export abstract class CartLineUserError extends BaseUserError {
  @Field(() => ID, {
    nullable: true,
    description: 'The cart line the error is about, as the client sent its ID (null when about no line).',
  })
  lineId!: string | null;
}

export const UpdateCartLineErrorCode = {
  INVALID_QUANTITY: 'INVALID_QUANTITY',
  QUANTITY_EXCEEDS_LINE_MAXIMUM: 'QUANTITY_EXCEEDS_LINE_MAXIMUM',
  QUANTITY_EXCEEDS_STOCK: 'QUANTITY_EXCEEDS_STOCK',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  OFF_SALE: 'OFF_SALE',
  LINE_NOT_FOUND: 'LINE_NOT_FOUND',
  CART_NOT_FOUND: 'CART_NOT_FOUND',
} as const;
export type UpdateCartLineErrorCode = keyof typeof UpdateCartLineErrorCode;
registerEnumType(UpdateCartLineErrorCode, {
  name: 'UpdateCartLineErrorCode',
  description: 'Why `updateCartLine` refused.',
  valuesConfig: {
    INVALID_QUANTITY: {
      description: 'Quantity must be a whole number of at least 1 (remove a line with `removeCartLines`).',
    },
    QUANTITY_EXCEEDS_LINE_MAXIMUM: { description: 'More than the per-line maximum; `maxQuantity` says it.' },
    QUANTITY_EXCEEDS_STOCK: { description: 'More units than are in stock; `maxQuantity` says how many are.' },
    OUT_OF_STOCK: { description: 'The variant is sold out.' },
    OFF_SALE: { description: 'The product is no longer on sale; the line can only be removed.' },
    LINE_NOT_FOUND: { description: 'This cart has no line with this ID.' },
    CART_NOT_FOUND: { description: 'No guest cart has this token.' },
  },
});

@ObjectType('UpdateCartLineUserError', {
  implements: [BaseUserError, CartLineUserError],
  description: 'An expected reason `updateCartLine` did not change the cart.',
})
export class UpdateCartLineUserError extends CartLineUserError {
  @Field(() => UpdateCartLineErrorCode, { description: 'Machine-readable reason.' })
  code!: UpdateCartLineErrorCode;

  @Field(() => Int, {
    nullable: true,
    description: 'The largest quantity that would have been accepted, when the limit is the cause.',
  })
  maxQuantity!: number | null;
}

@InputType('UpdateCartLineInput', { description: 'Sets the quantity of one cart line.' })
export class UpdateCartLineInput {
  @Field(() => String, { nullable: true, description: 'Token of the guest cart; ignored when signed in.' })
  cartToken?: string | null;

  @Field(() => ID, { description: 'The line to change.' })
  lineId!: string;

  @Field(() => Int, { description: 'The new number of units (at least 1).' })
  quantity!: number;
}

@ObjectType('UpdateCartLinePayload', { description: 'Result of `updateCartLine`.' })
export class UpdateCartLinePayload {
  @Field(() => Cart, { nullable: true, description: 'The cart after the change (null if nothing changed).' })
  cart!: Cart | null;

  @Field(() => [UpdateCartLineUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UpdateCartLineUserError[];
}

/** Codes shared by the mutations on a set of lines (each gets its own GraphQL enum). */
const CART_LINES_ERROR_CODES = {
  NO_LINES: 'NO_LINES',
  LINE_NOT_FOUND: 'LINE_NOT_FOUND',
  CART_NOT_FOUND: 'CART_NOT_FOUND',
} as const;
export type CartLinesErrorCode = keyof typeof CART_LINES_ERROR_CODES;

export const RemoveCartLinesErrorCode = { ...CART_LINES_ERROR_CODES };
export type RemoveCartLinesErrorCode = CartLinesErrorCode;
registerEnumType(RemoveCartLinesErrorCode, {
  name: 'RemoveCartLinesErrorCode',
  description: 'Why `removeCartLines` refused.',
  valuesConfig: {
    NO_LINES: { description: 'No line IDs were given.' },
    LINE_NOT_FOUND: { description: 'This cart has no line with this ID; nothing was removed.' },
    CART_NOT_FOUND: { description: 'No guest cart has this token.' },
  },
});

@ObjectType('RemoveCartLinesUserError', {
  implements: [BaseUserError, CartLineUserError],
  description: 'An expected reason `removeCartLines` did not change the cart.',
})
export class RemoveCartLinesUserError extends CartLineUserError {
  @Field(() => RemoveCartLinesErrorCode, { description: 'Machine-readable reason.' })
  code!: RemoveCartLinesErrorCode;
}

@InputType('RemoveCartLinesInput', { description: 'Removes one or several lines at once ("batch delete").' })
export class RemoveCartLinesInput {
  @Field(() => String, { nullable: true, description: 'Token of the guest cart; ignored when signed in.' })
  cartToken?: string | null;

  @Field(() => [ID], { description: 'The lines to remove; all must belong to the cart.' })
  lineIds!: string[];
}

@ObjectType('RemoveCartLinesPayload', { description: 'Result of `removeCartLines`.' })
export class RemoveCartLinesPayload {
  @Field(() => Cart, { nullable: true, description: 'The cart after the change (null if nothing changed).' })
  cart!: Cart | null;

  @Field(() => [ID], { description: 'IDs of the removed lines.' })
  removedLineIds!: string[];

  @Field(() => [RemoveCartLinesUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: RemoveCartLinesUserError[];
}

export const SetCartLinesSelectedErrorCode = { ...CART_LINES_ERROR_CODES };
export type SetCartLinesSelectedErrorCode = CartLinesErrorCode;
registerEnumType(SetCartLinesSelectedErrorCode, {
  name: 'SetCartLinesSelectedErrorCode',
  description: 'Why `setCartLinesSelected` refused.',
  valuesConfig: {
    NO_LINES: { description: 'An empty list of line IDs was given.' },
    LINE_NOT_FOUND: { description: 'This cart has no line with this ID; nothing was changed.' },
    CART_NOT_FOUND: { description: 'No guest cart has this token.' },
  },
});

@ObjectType('SetCartLinesSelectedUserError', {
  implements: [BaseUserError, CartLineUserError],
  description: 'An expected reason `setCartLinesSelected` did not change the cart.',
})
export class SetCartLinesSelectedUserError extends CartLineUserError {
  @Field(() => SetCartLinesSelectedErrorCode, { description: 'Machine-readable reason.' })
  code!: SetCartLinesSelectedErrorCode;
}

@InputType('SetCartLinesSelectedInput', { description: 'Ticks or unticks lines for checkout.' })
export class SetCartLinesSelectedInput {
  @Field(() => String, { nullable: true, description: 'Token of the guest cart; ignored when signed in.' })
  cartToken?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'The lines to change; omit to change every line of the cart ("select all").',
  })
  lineIds?: string[] | null;

  @Field({ description: 'Whether the lines are to be checked out.' })
  selected!: boolean;
}

@ObjectType('SetCartLinesSelectedPayload', { description: 'Result of `setCartLinesSelected`.' })
export class SetCartLinesSelectedPayload {
  @Field(() => Cart, { nullable: true, description: 'The cart after the change (null if nothing changed).' })
  cart!: Cart | null;

  @Field(() => [SetCartLinesSelectedUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: SetCartLinesSelectedUserError[];
}
