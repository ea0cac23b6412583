/** Checkout, order confirmation and My Orders (owned by the checkout/orders work). English is the source of the keys; zh-TW must have the same. */
export const ordersEn = {} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const ordersZhTw: Strings<typeof ordersEn> = {};
