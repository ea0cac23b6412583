import { randomUUID } from 'node:crypto';
import {
  approveAtPayPal,
  cardToken,
  CARDS,
  smsCode,
} from '../../../src/modules/payments/payments.test-support.js';
import { type ArrangedOrder, call, dbId, orderIn } from '../support.js';
import {
  type Actor,
  type MatrixCase,
  type MatrixContext,
  type MatrixEntry,
  type Outcome,
  userError,
} from '../types.js';

/**
 * Payments are the shopper's own: target A is a checkout of the shopper actor (store A's goods), target B another
 * shopper's (store B's goods). Nobody but the owner may pay, confirm or cancel; staff get the same answer as
 * for a checkout that does not exist.
 */

const ACTION =
  'nextAction { __typename ... on RedirectAction { url } ... on CodeChallengeAction { paymentId } }';
const PAY = `mutation ($input: PayOrderInput!) { payOrder(input: $input) {
  payment { id status } ${ACTION} userErrors { code } } }`;
const COMPLETE = `mutation ($input: CompletePayPalPaymentInput!) { completePayPalPayment(input: $input) {
  payment { status } userErrors { code } } }`;
const CANCEL = `mutation ($input: CancelPayPalPaymentInput!) { cancelPayPalPayment(input: $input) {
  payment { status } userErrors { code } } }`;
const CONFIRM = `mutation ($input: ConfirmCardPaymentInput!) { confirmCardPayment(input: $input) {
  payment { status } userErrors { code } } }`;
const RESEND = `mutation ($input: ResendCardPaymentCodeInput!) { resendCardPaymentCode(input: $input) {
  payment { status } userErrors { code } } }`;

const ownerOnly = (code: string): Record<Actor, Outcome> => ({
  guest: 'UNAUTHENTICATED',
  shopper: 'ALLOWED',
  staffA: userError(code),
  support: userError(code),
  admin: userError(code),
});
const nobody = (code: string): Record<Actor, Outcome> => ({ ...ownerOnly(code), shopper: userError(code) });

async function unpaid(ctx: MatrixContext, target: 'A' | 'B'): Promise<ArrangedOrder> {
  return orderIn(ctx, target, { owner: target === 'A' ? 'shopper' : 'other' });
}

async function paymentStatus(ctx: MatrixContext, checkoutId: string): Promise<string | undefined> {
  const [row] = await ctx.api.sql<{ status: string }>(
    'select status from payment where checkout_id = $1 order by id desc limit 1',
    [dbId(checkoutId)],
  );
  return row?.status;
}

/** Starts a payment as the owner: PayPal (approval page, approved or not) or a card that asks for an SMS code. */
async function startPayment(ctx: MatrixContext, o: ArrangedOrder, method: 'PAYPAL' | 'CHALLENGE') {
  const input: Record<string, unknown> = {
    checkoutId: o.checkoutId,
    idempotencyKey: `matrix-${randomUUID()}`,
    method: method === 'PAYPAL' ? 'PAYPAL' : 'UNIONPAY_CARD',
  };
  if (method === 'CHALLENGE') input.cardToken = await cardToken(ctx.sandbox, CARDS.challenge);
  const res = await call(ctx, o.owner.token, PAY, { input });
  return res.payOrder as { payment: { id: string }; nextAction: { url?: string; paymentId?: string } };
}

function cases(
  build: (
    ctx: MatrixContext,
    o: ArrangedOrder,
  ) => Promise<{ query: string; variables: Record<string, unknown> }>,
  code: string,
  verify?: (ctx: MatrixContext, o: ArrangedOrder) => Promise<void>,
): MatrixCase[] {
  return (['A', 'B'] as const).map((target) => ({
    target,
    name: target === 'A' ? "the shopper's own checkout" : "another shopper's checkout",
    expect: target === 'A' ? ownerOnly(code) : nobody(code),
    async prepare(ctx) {
      const o = await unpaid(ctx, target);
      return { ...(await build(ctx, o)), verify: verify ? () => verify(ctx, o) : undefined };
    },
  }));
}

const expectPayment = (status: string) => async (ctx: MatrixContext, o: ArrangedOrder) => {
  const actual = await paymentStatus(ctx, o.checkoutId);
  if (actual !== status) throw new Error(`payment is ${actual}, expected ${status}`);
};

export const paymentsEntries: MatrixEntry[] = [
  {
    operation: 'payOrder',
    kind: 'mutation',
    cases: cases(
      async (_ctx, o) => ({
        query: PAY,
        variables: {
          input: { checkoutId: o.checkoutId, method: 'PAYPAL', idempotencyKey: `matrix-${randomUUID()}` },
        },
      }),
      'CHECKOUT_NOT_FOUND',
      expectPayment('REQUIRES_ACTION'),
    ),
  },
  {
    operation: 'completePayPalPayment',
    kind: 'mutation',
    cases: cases(
      async (ctx, o) => {
        const started = await startPayment(ctx, o, 'PAYPAL');
        const back = await approveAtPayPal(started.nextAction.url!);
        return {
          query: COMPLETE,
          variables: {
            input: {
              checkoutId: o.checkoutId,
              token: back.searchParams.get('token'),
              payerId: back.searchParams.get('PayerID'),
            },
          },
        };
      },
      'CHECKOUT_NOT_FOUND',
      expectPayment('SUCCEEDED'),
    ),
  },
  {
    operation: 'cancelPayPalPayment',
    kind: 'mutation',
    cases: cases(
      async (ctx, o) => {
        const started = await startPayment(ctx, o, 'PAYPAL');
        const token = new URL(started.nextAction.url!).searchParams.get('token');
        return { query: CANCEL, variables: { input: { checkoutId: o.checkoutId, token } } };
      },
      'CHECKOUT_NOT_FOUND',
      expectPayment('CANCELLED'),
    ),
  },
  {
    operation: 'confirmCardPayment',
    kind: 'mutation',
    cases: cases(
      async (ctx, o) => {
        const started = await startPayment(ctx, o, 'CHALLENGE');
        const [row] = await ctx.api.sql<{ gateway_payment_id: string }>(
          'select gateway_payment_id from payment where id = $1',
          [dbId(started.payment.id)],
        );
        const code = await smsCode(ctx.sandbox, row!.gateway_payment_id);
        return { query: CONFIRM, variables: { input: { paymentId: started.payment.id, code } } };
      },
      'PAYMENT_NOT_FOUND',
      expectPayment('SUCCEEDED'),
    ),
  },
  {
    operation: 'resendCardPaymentCode',
    kind: 'mutation',
    cases: cases(
      async (ctx, o) => {
        const started = await startPayment(ctx, o, 'CHALLENGE');
        return { query: RESEND, variables: { input: { paymentId: started.payment.id } } };
      },
      'PAYMENT_NOT_FOUND',
      expectPayment('REQUIRES_ACTION'),
    ),
  },
];
