import { useMutation } from '@apollo/client/react';
import { isPaymentCaptured } from '@marketplace/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { paths } from '../../../app/paths.js';
import { ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { handOffOrderKeys } from '../order-key-handoff.js';
import { paymentErrorMessage } from '../payment-errors.js';
import { isUnauthenticated } from '../payment-format.js';
import './payments.css';

const PayPalReturnPage_CompleteMutation = graphql(`
  mutation PayPalReturnPage_CompleteMutation($input: CompletePayPalPaymentInput!) {
    completePayPalPayment(input: $input) {
      payment {
        id
        status
      }
      orderKeys {
        orderNumber
        key
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const PayPalCancelPage_CancelMutation = graphql(`
  mutation PayPalCancelPage_CancelMutation($input: CancelPayPalPaymentInput!) {
    cancelPayPalPayment(input: $input) {
      payment {
        id
        status
      }
      userErrors {
        code
        message
      }
    }
  }
`);

type Outcome = { kind: 'pending' } | { kind: 'signIn' } | { kind: 'failed'; message: string };

type PayPalLandingProps = {
  /** `return`: PayPal approved → capture; `cancel`: the shopper cancelled on PayPal. */
  kind: 'return' | 'cancel';
  checkoutId: string | null;
  /** PayPal's order id (`token`) and payer (`PayerID`), from the query string. */
  token: string | null;
  payerId: string | null;
};

/**
 * Where PayPal sends the shopper back. Return: capture once (completePayPalPayment), then the
 * confirmation with any order keys. Cancel: end the attempt, back to the pay step with a notice.
 */
export function PayPalLandingPage({ kind, checkoutId, token, payerId }: PayPalLandingProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [complete] = useMutation(PayPalReturnPage_CompleteMutation);
  const [cancel] = useMutation(PayPalCancelPage_CancelMutation);
  const [outcome, setOutcome] = useState<Outcome>(() =>
    checkoutId && token ? { kind: 'pending' } : { kind: 'failed', message: t('payments.paypal.incomplete') },
  );
  const started = useRef(false);

  useEffect(() => {
    // Once per page view, also under StrictMode's double effects: the capture is idempotent, but
    // only the first answer carries the order keys.
    if (started.current || !checkoutId || !token) return;
    started.current = true;
    const run = async () => {
      try {
        if (kind === 'return') {
          const result = await complete({ variables: { input: { checkoutId, token, payerId } } });
          const payload = result.data?.completePayPalPayment;
          if (!payload) throw result.error ?? new Error('no data');
          if (payload.payment && isPaymentCaptured(payload.payment.status)) {
            handOffOrderKeys(checkoutId, payload.orderKeys);
            await navigate(paths.checkoutComplete.getHref(checkoutId), { replace: true });
            return;
          }
          setOutcome({
            kind: 'failed',
            message: paymentErrorMessage(t, payload.userErrors[0]?.code ?? 'unknown'),
          });
        } else {
          const result = await cancel({ variables: { input: { checkoutId, token } } });
          const payload = result.data?.cancelPayPalPayment;
          if (!payload) throw result.error ?? new Error('no data');
          const code = payload.userErrors[0]?.code;
          if (code && code !== 'ALREADY_PAID') {
            setOutcome({ kind: 'failed', message: paymentErrorMessage(t, code) });
            return;
          }
          // Paid after all (approved in another tab): the confirmation; else the pay step, with a notice.
          await navigate(paths.checkoutComplete.getHref(checkoutId, code ? null : 'cancelled'), {
            replace: true,
          });
        }
      } catch (error) {
        if (isUnauthenticated(error)) setOutcome({ kind: 'signIn' });
        else setOutcome({ kind: 'failed', message: t('payments.errors.network') });
      }
    };
    void run();
  }, [kind, checkoutId, token, payerId, complete, cancel, navigate, t]);

  if (outcome.kind === 'signIn') {
    return <Navigate to={paths.signIn.getHref(`${location.pathname}${location.search}`)} replace />;
  }
  const title = kind === 'return' ? t('payments.paypal.returning') : t('payments.paypal.cancelling');
  if (outcome.kind === 'pending') {
    return (
      <div className="page paypal-landing">
        <PageTitle title={title} />
        <LoadingState />
        <p className="paypal-landing__status" role="status">
          {title}
        </p>
      </div>
    );
  }
  return (
    <div className="page paypal-landing">
      <PageTitle title={t('payments.paypal.failedTitle')} />
      <ErrorState title={t('payments.paypal.failedTitle')} description={outcome.message}>
        {checkoutId && (
          <ButtonLink to={paths.checkoutComplete.getHref(checkoutId)} data-testid="back-to-payment">
            {t('payments.paypal.backToPayment')}
          </ButtonLink>
        )}
        <ButtonLink to={paths.orders.getHref()} variant="secondary">
          {t('payments.confirmation.myOrders')}
        </ButtonLink>
      </ErrorState>
    </div>
  );
}
