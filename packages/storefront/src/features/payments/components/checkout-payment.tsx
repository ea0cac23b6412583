import { useQuery } from '@apollo/client/react';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { LoadingState } from '../../../components/ui/spinner.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale } from '../../../lib/locale.js';
import { type IssuedOrderKey, takeOrderKeys } from '../order-key-handoff.js';
import { type CodeChallenge, PayStep } from './pay-step.js';
import { PaymentConfirmation } from './payment-confirmation.js';
import './payments.css';

const CheckoutPayment_Query = graphql(`
  query CheckoutPayment_Query($checkoutId: ID!, $locale: Locale!) {
    viewer {
      id
    }
    paymentSettings {
      methods
      cardFieldUrl
      cardPublishableKey
    }
    paymentConfirmation(checkoutId: $checkoutId) {
      status
      checkout {
        id
        paymentMethod
        total {
          amount
          currencyCode
        }
        orders {
          id
          status
        }
      }
      payment {
        id
        method
        status
        nextAction {
          __typename
          ... on CodeChallengeAction {
            paymentId
            phoneHint
          }
        }
      }
      ...PaymentConfirmation_ConfirmationFragment
    }
  }
`);

const POLL_MS = 3000;

type CheckoutPaymentProps = {
  checkoutId: string;
  /** Why the shopper is back here (`cancelled`: from PayPal's cancel link). */
  notice: 'cancelled' | null;
  /**
   * The page while the checkout is not paid (the checkout's own "order placed" page), with the pay
   * step to place in it — null when nothing awaits payment.
   */
  renderUnpaid: (payStep: ReactNode) => ReactNode;
};

/**
 * Paying a checkout after `submitOrder`: unpaid → the order page with the pay step; paid → the
 * order confirmation. Order keys handed over by the PayPal return page are read once, here.
 */
export function CheckoutPayment({ checkoutId, notice, renderUnpaid }: CheckoutPaymentProps) {
  const locale = useApiLocale();
  const [orderKeys, setOrderKeys] = useState<readonly IssuedOrderKey[]>(() => takeOrderKeys(checkoutId));
  const [justPaid, setJustPaid] = useState(false);
  const result = useQuery(CheckoutPayment_Query, {
    variables: { checkoutId, locale },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const data = result.data ?? result.previousData;
  const confirmation = data?.paymentConfirmation ?? null;
  const status = confirmation?.status ?? null;
  const { startPolling, stopPolling } = result;

  // The payment service has not answered yet (or a webhook will settle it): look again shortly.
  useEffect(() => {
    if (status !== 'PROCESSING') return;
    startPolling(POLL_MS);
    return () => stopPolling();
  }, [status, startPolling, stopPolling]);

  const nextAction = confirmation?.payment?.nextAction;
  const challengeId = nextAction?.__typename === 'CodeChallengeAction' ? nextAction.paymentId : null;
  const phoneHint = nextAction?.__typename === 'CodeChallengeAction' ? (nextAction.phoneHint ?? null) : null;
  const challenge = useMemo<CodeChallenge | null>(
    () => (challengeId ? { paymentId: challengeId, phoneHint } : null),
    [challengeId, phoneHint],
  );

  if (confirmation && status === 'PAID') {
    return <PaymentConfirmation confirmation={confirmation} orderKeys={orderKeys} />;
  }
  if (!data && result.loading) {
    return (
      <div className="page">
        <LoadingState />
      </div>
    );
  }
  // Paid a moment ago: the confirmation is on its way.
  if (justPaid) return renderUnpaid(<LoadingState />);

  const settings = data?.paymentSettings;
  const payable = confirmation?.checkout.orders.some((o) => o.status === 'AWAITING_PAYMENT') ?? false;
  const payStep =
    confirmation && settings && payable ? (
      <PayStep
        key={confirmation.checkout.id}
        checkoutId={confirmation.checkout.id}
        total={confirmation.checkout.total}
        initialMethod={confirmation.payment?.method ?? confirmation.checkout.paymentMethod}
        methods={settings.methods}
        cardFieldUrl={settings.cardFieldUrl}
        cardPublishableKey={settings.cardPublishableKey}
        challenge={challenge}
        paypalPending={status === 'ACTION_REQUIRED' && confirmation.payment?.method === 'PAYPAL'}
        processing={status === 'PROCESSING'}
        cancelled={notice === 'cancelled'}
        onPaid={(keys) => {
          setOrderKeys(keys);
          setJustPaid(true);
          void result.refetch().finally(() => setJustPaid(false));
        }}
        onChanged={() => void result.refetch()}
      />
    ) : null;
  return renderUnpaid(payStep);
}
