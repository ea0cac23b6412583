import { randomUUID } from 'node:crypto';
import { ADDRESS, variantOf } from '../support.js';
import { type MatrixEntry, SIGNED_IN } from '../types.js';

/** Submitting an order: any signed-in account buys for itself (buy-now of store A's coffee); guests sign in first. */

const SUBMIT = `mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) {
  checkout { id orders { status merchant { handle } } } userErrors { code } } }`;

export const checkoutEntries: MatrixEntry[] = [
  {
    operation: 'submitOrder',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'buy now, for oneself',
        expect: SIGNED_IN,
        reusable: true,
        note: 'staff and admin accounts can shop too: checkout only requires a signed-in account',
        async prepare(ctx) {
          const v = await variantOf(ctx, 'A');
          return {
            query: SUBMIT,
            variables: () => ({
              input: {
                buyNow: { variantId: v.id, quantity: 1 },
                shippingAddress: ADDRESS,
                paymentMethod: 'PAYPAL',
                idempotencyKey: `matrix-${randomUUID()}`,
              },
            }),
            verify(res) {
              const orders = res.data.submitOrder.checkout.orders;
              if (orders[0]?.status !== 'AWAITING_PAYMENT') throw new Error(`order is ${orders[0]?.status}`);
            },
          };
        },
      },
    ],
  },
];
