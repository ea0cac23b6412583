import { ADDRESS, call, orderIn } from '../support.js';
import type { Actor, MatrixCase, MatrixContext, MatrixEntry, Outcome, Prepared } from '../types.js';

/**
 * Not staff queries, but queries of the viewer's own objects by number or ID (`queries.ts` PUBLIC_QUERIES): a
 * wrong scope here would leak one shopper's orders, payments or addresses to anyone who guesses an ID. Target A
 * is the shopper actor's own object, B another shopper's; nobody but the owner sees them (staff included: they
 * use the staff queries).
 */

const OWN = (guest: Outcome): Record<Actor, Outcome> => ({
  guest,
  shopper: 'ALLOWED',
  staffA: 'NULL',
  support: 'NULL',
  admin: 'NULL',
});
const NOBODY = (guest: Outcome): Record<Actor, Outcome> => ({ ...OWN(guest), shopper: 'NULL' });

function ownCases(
  guest: Outcome,
  build: (ctx: MatrixContext, target: 'A' | 'B') => Promise<Prepared>,
  what: string,
): MatrixCase[] {
  return (['A', 'B'] as const).map((target) => ({
    target,
    name: target === 'A' ? `the shopper's own ${what}` : `another shopper's ${what}`,
    reusable: true,
    expect: target === 'A' ? OWN(guest) : NOBODY(guest),
    prepare: (ctx) => build(ctx, target),
  }));
}

const paidOrder = (ctx: MatrixContext, target: 'A' | 'B') =>
  orderIn(ctx, target, { state: 'PAID', owner: target === 'A' ? 'shopper' : 'other' });

export const viewerQueriesEntries: MatrixEntry[] = [
  {
    operation: 'order',
    kind: 'query',
    cases: ownCases(
      'UNAUTHENTICATED',
      async (ctx, target) => {
        const o = await paidOrder(ctx, target);
        return { query: 'query ($n: String!) { order(number: $n) { number } }', variables: { n: o.number } };
      },
      'order',
    ),
  },
  {
    operation: 'checkout',
    kind: 'query',
    cases: ownCases(
      'UNAUTHENTICATED',
      async (ctx, target) => {
        const o = await paidOrder(ctx, target);
        return { query: 'query ($id: ID!) { checkout(id: $id) { id } }', variables: { id: o.checkoutId } };
      },
      'checkout',
    ),
  },
  {
    operation: 'payment',
    kind: 'query',
    cases: ownCases(
      'NULL',
      async (ctx, target) => {
        const o = await paidOrder(ctx, target);
        return { query: 'query ($id: ID!) { payment(id: $id) { id } }', variables: { id: o.paymentId } };
      },
      'payment',
    ),
  },
  {
    operation: 'paymentConfirmation',
    kind: 'query',
    cases: ownCases(
      'UNAUTHENTICATED',
      async (ctx, target) => {
        const o = await paidOrder(ctx, target);
        return {
          query: 'query ($id: ID!) { paymentConfirmation(checkoutId: $id) { status } }',
          variables: { id: o.checkoutId },
        };
      },
      'checkout confirmation',
    ),
  },
  {
    operation: 'node',
    kind: 'query',
    cases: [
      ...ownCases(
        'NULL',
        async (ctx, target) => {
          const o = await paidOrder(ctx, target);
          return { query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: o.id } };
        },
        'order by global ID',
      ),
      ...ownCases(
        'NULL',
        async (ctx, target) => {
          const o = await paidOrder(ctx, target);
          return { query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: o.paymentId } };
        },
        'payment by global ID',
      ),
      ...ownCases(
        'NULL',
        async (ctx, target) => {
          const o = await orderIn(ctx, target, { owner: target === 'A' ? 'shopper' : 'other' });
          const created = await call(
            ctx,
            o.owner.token,
            'mutation ($input: AddressInput!) { createAddress(input: $input) { address { id } userErrors { code } } }',
            { input: ADDRESS },
          );
          return {
            query: 'query ($id: ID!) { node(id: $id) { id } }',
            variables: { id: created.createAddress.address.id },
          };
        },
        'address by global ID',
      ),
    ],
  },
];
