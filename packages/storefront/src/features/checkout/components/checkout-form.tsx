import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button, ButtonLink } from '../../../components/ui/button.js';
import { Price } from '../../../components/ui/price.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import type { PaymentMethod } from '../../../gql/graphql.js';
import { useApiLocale, useLocale } from '../../../lib/locale.js';
import { type CheckoutProblem, checkoutErrorMessage, problemPlace } from '../checkout-errors.js';
import {
  AddressFields,
  type AddressValues,
  EMPTY_ADDRESS,
  fromSavedAddress,
  type SavedAddress,
} from './address-fields.js';
import { CheckoutItems } from './checkout-items.js';
import { ContactFields, type ContactValues } from './contact-fields.js';
import { CouponField } from './coupon-field.js';

const CheckoutForm_PreviewQuery = graphql(`
  query CheckoutForm_PreviewQuery($input: CheckoutPreviewInput!, $locale: Locale!) {
    checkoutPreview(input: $input) {
      couponCode
      requiresShippingAddress
      requiresServiceContact
      subtotal {
        amount
        currencyCode
      }
      discount {
        amount
        currencyCode
        minorUnits
      }
      shippingFee {
        amount
        currencyCode
        minorUnits
      }
      total {
        amount
        currencyCode
      }
      orders {
        lines {
          lineId
        }
        ...CheckoutItems_OrderFragment
      }
      userErrors {
        code
        field
        message
        lineId
        available
        minimumSpend {
          amount
          currencyCode
        }
      }
    }
  }
`);

const CheckoutForm_SubmitOrderMutation = graphql(`
  mutation CheckoutForm_SubmitOrderMutation($input: SubmitOrderInput!) {
    submitOrder(input: $input) {
      checkout {
        id
      }
      userErrors {
        code
        field
        message
        lineId
        available
        minimumSpend {
          amount
          currencyCode
        }
      }
    }
  }
`);

type Viewer = {
  email: string;
  displayName: string;
  phone?: string | null;
  addresses: readonly SavedAddress[];
};

/** One key per visit of the checkout page: a double click or a retried request places one order. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

type CheckoutFormProps = {
  viewer: Viewer;
  buyNow: { variantId: string; quantity: number } | null;
};

export function CheckoutForm({ viewer, buyNow }: CheckoutFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const apiLocale = useApiLocale();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [, setSearchParams] = useSearchParams();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [triedCoupon, setTriedCoupon] = useState<string | null>(null);
  const [address, setAddress] = useState<AddressValues>(() => {
    const saved = viewer.addresses.find((a) => a.isDefault) ?? viewer.addresses[0];
    return saved ? fromSavedAddress(saved) : EMPTY_ADDRESS;
  });
  const [contact, setContact] = useState<ContactValues>({
    name: viewer.displayName,
    email: viewer.email,
    phone: viewer.phone ?? '',
    notes: '',
  });
  const [paymentMethod, setPaymentMethod] = useState<PaymentMethod>('PAYPAL');
  const [submitProblems, setSubmitProblems] = useState<CheckoutProblem[]>([]);
  const [failed, setFailed] = useState(false);

  const input = { buyNow, couponCode: triedCoupon };
  const preview = useQuery(CheckoutForm_PreviewQuery, {
    variables: { input, locale: apiLocale },
    fetchPolicy: 'cache-and-network',
  });
  const [submitOrder, submitting] = useMutation(CheckoutForm_SubmitOrderMutation);
  const data = (preview.data ?? preview.previousData)?.checkoutPreview;

  const problems = useMemo(() => {
    const live = data?.userErrors ?? [];
    // Live problems (stock, coupon, selection) come from the preview; the form's from the last submit.
    const fromSubmit = submitProblems.filter((p) => {
      const kind = problemPlace(p).kind;
      return kind === 'address' || kind === 'contact';
    });
    return [...live, ...fromSubmit];
  }, [data, submitProblems]);

  if (!data) {
    return preview.error ? (
      <ErrorState description={t('orders.checkout.loadError')} onRetry={() => void preview.refetch()} />
    ) : (
      <LoadingState />
    );
  }

  const message = (p: CheckoutProblem) => checkoutErrorMessage(t, p, locale);
  const lineErrors = new Map<string, string>();
  const addressErrors: Record<string, string> = {};
  const contactErrors: Record<string, string> = {};
  let couponError: string | null = null;
  const general: string[] = [];
  for (const p of problems) {
    const place = problemPlace(p);
    if (place.kind === 'line') lineErrors.set(place.lineId, message(p));
    else if (place.kind === 'coupon') couponError = message(p);
    else if (place.kind === 'address') addressErrors[place.field ?? 'form'] = message(p);
    else if (place.kind === 'contact') contactErrors[place.field ?? 'form'] = message(p);
    else if (!general.includes(message(p))) general.push(message(p));
  }

  const lineIds = data.orders.flatMap((o) => o.lines.map((l) => l.lineId));
  if (lineIds.length === 0) {
    return (
      <EmptyState
        title={t('orders.checkout.emptyTitle')}
        description={t('orders.checkout.emptyDescription')}
        action={<ButtonLink to={paths.cart.getHref()}>{t('orders.checkout.backToCart')}</ButtonLink>}
      />
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting.loading) return;
    setFailed(false);
    try {
      const { data: result } = await submitOrder({
        variables: {
          input: {
            ...(buyNow ? { buyNow } : { cartLineIds: lineIds }),
            couponCode: data.couponCode,
            paymentMethod,
            idempotencyKey,
            shippingAddress: data.requiresShippingAddress ? address : null,
            serviceContact: data.requiresServiceContact ? contact : null,
          },
        },
      });
      const payload = result?.submitOrder;
      if (!payload) throw new Error('submitOrder returned no data');
      if (payload.checkout) {
        // The cart changed (submitted lines left it) and so did stock: refresh what is on screen.
        void client.refetchQueries({ include: 'active' });
        await navigate(paths.checkoutComplete.getHref(payload.checkout.id));
        return;
      }
      setSubmitProblems(payload.userErrors);
      void preview.refetch();
    } catch {
      setFailed(true);
    }
  };

  // A field's old server error goes away as soon as the shopper edits that field.
  const editAddress = (next: AddressValues) => {
    setSubmitProblems((list) =>
      list.filter((p) => {
        const place = problemPlace(p);
        return !(place.kind === 'address' && (!place.field || next[place.field] !== address[place.field]));
      }),
    );
    setAddress(next);
  };
  const editContact = (next: ContactValues) => {
    setSubmitProblems((list) =>
      list.filter((p) => {
        const place = problemPlace(p);
        return !(place.kind === 'contact' && (!place.field || next[place.field] !== contact[place.field]));
      }),
    );
    setContact(next);
  };

  const setBuyNowQuantity = (quantity: number) =>
    setSearchParams(
      (params) => {
        params.set('quantity', String(quantity));
        return params;
      },
      { replace: true },
    );

  return (
    <div className="checkout-layout">
      <form id="checkout-form" className="checkout-main" onSubmit={submit} noValidate>
        {general.length > 0 && (
          <div className="checkout-alert" role="alert">
            <h2 className="checkout-alert__title">{t('orders.checkout.errorsTitle')}</h2>
            <ul>
              {general.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </div>
        )}
        <section className="checkout-section" aria-labelledby="checkout-items-title">
          <h2 id="checkout-items-title" className="checkout-section__title">
            {t('orders.checkout.orderCount', { count: data.orders.length })}
          </h2>
          {buyNow ? (
            <p className="checkout-section__intro">{t('orders.checkout.buyNowNote')}</p>
          ) : (
            <p className="checkout-section__intro">
              <Link to={paths.cart.getHref()}>{t('orders.checkout.editCart')}</Link>
            </p>
          )}
          <CheckoutItems
            orders={data.orders}
            lineErrors={lineErrors}
            onQuantityChange={buyNow ? setBuyNowQuantity : undefined}
          />
        </section>
        {data.requiresShippingAddress && (
          <AddressFields
            values={address}
            onChange={editAddress}
            saved={viewer.addresses}
            errors={addressErrors}
          />
        )}
        {data.requiresServiceContact && (
          <ContactFields values={contact} onChange={editContact} errors={contactErrors} />
        )}
        <fieldset className="checkout-section">
          <legend className="checkout-section__title">{t('orders.checkout.paymentTitle')}</legend>
          <div className="payment-options">
            {(
              [
                ['PAYPAL', t('orders.checkout.paypal'), t('orders.checkout.paypalHint')],
                ['UNIONPAY_CARD', t('orders.checkout.unionpay'), t('orders.checkout.unionpayHint')],
              ] as const
            ).map(([value, label, hint]) => (
              <label key={value} className="payment-option">
                <input
                  type="radio"
                  name="paymentMethod"
                  value={value}
                  checked={paymentMethod === value}
                  onChange={() => setPaymentMethod(value)}
                />
                <span className="payment-option__text">
                  <span className="payment-option__label">{label}</span>
                  <span className="payment-option__hint">{hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </form>
      <aside className="checkout-summary" aria-labelledby="checkout-summary-title">
        <h2 id="checkout-summary-title" className="checkout-summary__title">
          {t('orders.checkout.summaryTitle')}
        </h2>
        <CouponField
          applied={data.couponCode}
          error={couponError}
          busy={preview.loading && triedCoupon !== null}
          onApply={(code) => setTriedCoupon(code)}
          onRemove={() => setTriedCoupon(null)}
        />
        <dl className="checkout-summary__rows" aria-live="polite">
          <div>
            <dt>{t('orders.checkout.subtotal')}</dt>
            <dd data-testid="checkout-subtotal">
              <Price money={data.subtotal} />
            </dd>
          </div>
          <div className={data.discount.minorUnits > 0 ? 'checkout-summary__discount' : undefined}>
            <dt>{t('orders.checkout.discount')}</dt>
            <dd data-testid="checkout-discount">
              <Price money={data.discount} format={(s) => (data.discount.minorUnits > 0 ? `−${s}` : s)} />
            </dd>
          </div>
          <div>
            <dt>{t('orders.checkout.shipping')}</dt>
            <dd data-testid="checkout-shipping">
              {data.shippingFee.minorUnits === 0 ? (
                t('orders.checkout.free')
              ) : (
                <Price money={data.shippingFee} />
              )}
            </dd>
          </div>
          <div className="checkout-summary__total">
            <dt>{t('orders.checkout.total')}</dt>
            <dd data-testid="checkout-total">
              <Price money={data.total} />
            </dd>
          </div>
        </dl>
        {failed && (
          <p className="field__error" role="alert">
            {t('orders.checkout.errors.unknown')}
          </p>
        )}
        <Button
          type="submit"
          form="checkout-form"
          size="lg"
          data-testid="submit-order"
          isLoading={submitting.loading}
        >
          {submitting.loading ? t('orders.checkout.submitting') : t('orders.checkout.submit')}
        </Button>
        <p className="checkout-summary__note">{t('orders.checkout.pricesNote')}</p>
      </aside>
    </div>
  );
}
