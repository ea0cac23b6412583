import { useMutation } from '@apollo/client/react';
import { isPaymentCaptured } from '@marketplace/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { paths } from '../../../app/paths.js';
import { Button } from '../../../components/ui/button.js';
import { graphql } from '../../../gql/gql.js';
import type { PaymentMethod } from '../../../gql/graphql.js';
import { formatMoney, type MoneyValue } from '../../../lib/format-money.js';
import { useLocale } from '../../../lib/locale.js';
import { AttemptKey } from '../idempotency.js';
import type { IssuedOrderKey } from '../order-key-handoff.js';
import { cardFieldErrorMessage, paymentErrorMessage } from '../payment-errors.js';
import { CardFieldError, useCardField } from '../use-card-field.js';
import { OtpForm } from './otp-form.js';

const PayStep_PayOrderMutation = graphql(`
  mutation PayStep_PayOrderMutation($input: PayOrderInput!) {
    payOrder(input: $input) {
      payment {
        id
        status
        failureReason
      }
      nextAction {
        __typename
        ... on RedirectAction {
          url
        }
        ... on CodeChallengeAction {
          paymentId
          phoneHint
        }
      }
      orderKeys {
        orderNumber
        key
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

export type CodeChallenge = { readonly paymentId: string; readonly phoneHint: string | null };

export type PayStepProps = {
  checkoutId: string;
  total: MoneyValue;
  /** Chosen at checkout; the shopper may switch. */
  initialMethod: PaymentMethod;
  methods: readonly PaymentMethod[];
  cardFieldUrl: string;
  cardPublishableKey: string;
  /** A card payment waiting for its SMS code (e.g. after a reload). */
  challenge: CodeChallenge | null;
  /** A PayPal attempt waits for approval on PayPal (the shopper came back without approving). */
  paypalPending: boolean;
  /** The payment service has not answered an attempt yet; the page polls. */
  processing: boolean;
  /** Back from PayPal's "cancel". */
  cancelled: boolean;
  /** Paid: show the confirmation (with the order keys this answer carried). */
  onPaid: (keys: readonly IssuedOrderKey[]) => void;
  /** An attempt ended without paying: refresh what the page shows. */
  onChanged: () => void;
};

/**
 * The pay step: PayPal (redirect to PayPal's approval page) or UnionPay card (the gateway's hosted
 * card field → single-use token → payOrder → maybe an SMS code). Each press of Pay is one attempt
 * with its own idempotency key; the button is disabled while it runs.
 */
export function PayStep(props: PayStepProps) {
  const { checkoutId, total, methods, onPaid, onChanged } = props;
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [method, setMethod] = useState<PaymentMethod>(props.initialMethod);
  const [challenge, setChallenge] = useState<CodeChallenge | null>(props.challenge);
  const [error, setError] = useState<string | null>(null);
  const [showCancelled, setShowCancelled] = useState(props.cancelled);
  const [busy, setBusy] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
  const running = useRef(false);
  const attempt = useRef(new AttemptKey());
  const [payOrder] = useMutation(PayStep_PayOrderMutation);
  const card = useCardField({
    fieldUrl: props.cardFieldUrl,
    publishableKey: props.cardPublishableKey,
    locale,
  });

  // Back from PayPal with the browser's Back button: the page may come from the back/forward cache.
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      running.current = false;
      setBusy(false);
      setRedirecting(false);
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, []);

  const pay = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    setShowCancelled(false);
    let leaving = false;
    try {
      let cardToken: string | null = null;
      if (method === 'UNIONPAY_CARD') {
        try {
          cardToken = (await card.tokenize()).token;
        } catch (e) {
          setError(cardFieldErrorMessage(t, e instanceof CardFieldError ? e.code : 'unknown'));
          return;
        }
      }
      const origin = window.location.origin;
      const idempotencyKey = attempt.current.take();
      const result = await payOrder({
        variables: {
          input: {
            checkoutId,
            method,
            idempotencyKey,
            cardToken,
            returnUrl: method === 'PAYPAL' ? `${origin}${paths.paypalReturn.getHref(checkoutId)}` : null,
            cancelUrl: method === 'PAYPAL' ? `${origin}${paths.paypalCancel.getHref(checkoutId)}` : null,
          },
        },
      });
      const payload = result.data?.payOrder;
      if (!payload) throw new Error('payOrder returned no data');
      attempt.current.settle();
      const next = payload.nextAction;
      const [problem] = payload.userErrors;
      if (payload.payment && isPaymentCaptured(payload.payment.status)) {
        onPaid(payload.orderKeys);
      } else if (problem?.code === 'ALREADY_PAID') {
        onPaid(payload.orderKeys);
      } else if (next?.__typename === 'RedirectAction') {
        leaving = true;
        setRedirecting(true);
        window.location.assign(next.url);
      } else if (next?.__typename === 'CodeChallengeAction') {
        setChallenge({ paymentId: next.paymentId, phoneHint: next.phoneHint ?? null });
      } else {
        setError(paymentErrorMessage(t, problem?.code ?? 'unknown'));
        onChanged();
      }
    } catch {
      // No answer: the same key is sent again on the next press, so it cannot pay twice.
      setError(t('payments.errors.network'));
    } finally {
      if (!leaving) {
        running.current = false;
        setBusy(false);
      }
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void pay();
  };

  const showChallenge = method === 'UNIONPAY_CARD' && challenge !== null;
  const amount = formatMoney(total, i18n.resolvedLanguage ?? 'en');
  const payLabel = redirecting
    ? t('payments.pay.redirecting')
    : method === 'PAYPAL'
      ? t('payments.pay.payPayPal')
      : t('payments.pay.payCard', { amount });
  const cardNotReady = method === 'UNIONPAY_CARD' && card.status !== 'ready';

  return (
    <section className="pay-step" aria-labelledby={`${id}-title`} data-testid="pay-step">
      <h2 id={`${id}-title`} className="pay-step__title">
        {t('payments.pay.title')}
      </h2>
      {showCancelled && (
        <p className="pay-step__notice" role="status" data-testid="payment-cancelled">
          {t('payments.pay.cancelled')}
        </p>
      )}
      {props.processing && (
        <p className="pay-step__notice" role="status" data-testid="payment-processing">
          {t('payments.pay.processing')}
        </p>
      )}
      {props.paypalPending && method === 'PAYPAL' && !showCancelled && (
        <p className="pay-step__hint">{t('payments.pay.paypalPending')}</p>
      )}
      <fieldset className="pay-methods" disabled={busy}>
        <legend className="pay-methods__legend">{t('payments.pay.methodLabel')}</legend>
        {methods.map((m) => (
          <label key={m} className="pay-method">
            <input
              type="radio"
              name="paymentMethod"
              value={m}
              checked={method === m}
              onChange={() => {
                setMethod(m);
                setError(null);
              }}
              data-testid={m === 'PAYPAL' ? 'payment-method-paypal' : 'payment-method-card'}
            />
            <span className="pay-method__text">
              <span className="pay-method__label">{t(`payments.method.${m}`)}</span>
              <span className="pay-method__hint">
                {m === 'PAYPAL' ? t('payments.pay.paypalHint') : t('payments.pay.cardHint')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      {showChallenge && (
        <OtpForm
          paymentId={challenge.paymentId}
          phoneHint={challenge.phoneHint}
          onPaid={onPaid}
          onFailed={(message) => {
            setChallenge(null);
            setError(message);
            onChanged();
          }}
        />
      )}
      {/* Kept mounted (hidden) during the code step and while PayPal is chosen: the card field keeps what was typed. */}
      <form className="pay-step__form" onSubmit={submit} noValidate hidden={showChallenge}>
        <div className="card-field" hidden={method !== 'UNIONPAY_CARD'}>
          {card.src && (
            <iframe
              key={card.frameKey}
              ref={card.iframeRef}
              src={card.src}
              title={t('payments.pay.cardFieldTitle')}
              className="card-field__frame"
              data-testid="card-field"
              style={card.height ? { height: `${card.height}px` } : undefined}
            />
          )}
          {card.status === 'loading' && (
            <p className="card-field__status" role="status">
              {t('payments.pay.cardFieldLoading')}
            </p>
          )}
          {card.status === 'unavailable' && (
            <div className="card-field__status" role="alert">
              <p>{t('payments.pay.cardFieldUnavailable')}</p>
              <Button variant="secondary" onClick={card.reload}>
                {t('payments.pay.reloadCardField')}
              </Button>
            </div>
          )}
        </div>
        {error && (
          <p className="pay-step__error" role="alert" data-testid="payment-error">
            {error}
          </p>
        )}
        <Button
          type="submit"
          size="lg"
          className="pay-step__submit"
          isLoading={busy}
          disabled={cardNotReady}
          data-testid="pay-now"
        >
          {payLabel}
        </Button>
        <p className="pay-step__secure">{t('payments.pay.secureNote')}</p>
      </form>
    </section>
  );
}
