import { checkLineQuantity, MAX_LINE_QUANTITY } from '@marketplace/core';
import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button } from '../../../components/ui/button.js';
import { graphql } from '../../../gql/gql.js';
import { type AddToCartProblem, addToCartErrorMessage } from '../add-to-cart-errors.js';
import { cartTokenStore } from '../../../lib/cart-token.js';
import './add-to-cart-form.css';
import './stepper.css';

const AddToCartForm_AddToCartMutation = graphql(`
  mutation AddToCartForm_AddToCartMutation($input: AddToCartInput!) {
    addToCart(input: $input) {
      cart {
        id
        token
        totalQuantity
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

type AddToCartFormProps = {
  variantId: string;
  /** Units in stock; null when not stock-counted (consulting services). */
  stock: number | null;
  availableForSale: boolean;
};

type Status =
  | { kind: 'idle' }
  | { kind: 'added' }
  | { kind: 'refused'; problem: AddToCartProblem }
  | { kind: 'failed' };

/** Quantity, "Add to cart", the server's reasons for refusing, and a link to the cart on success. */
export function AddToCartForm({ variantId, stock, availableForSale }: AddToCartFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [quantity, setQuantity] = useState('1');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [mutate, { loading }] = useMutation(AddToCartForm_AddToCartMutation);
  const soldOut = !availableForSale || stock === 0;
  const max = Math.max(1, Math.min(MAX_LINE_QUANTITY, stock ?? MAX_LINE_QUANTITY));

  const send = async (units: number, cartToken: string | null) => {
    const { data } = await mutate({ variables: { input: { variantId, quantity: units, cartToken } } });
    if (!data) throw new Error('addToCart returned no data');
    return data.addToCart;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading || soldOut) return;
    // The same rule the API applies, so obvious mistakes are explained without a round trip.
    const checked = checkLineQuantity(Number(quantity), stock);
    if (!checked.ok) {
      setStatus({ kind: 'refused', problem: { ...checked.error, stock } });
      return;
    }
    setStatus({ kind: 'idle' });
    try {
      let payload = await send(checked.value, cartTokenStore.get());
      if (payload.userErrors.some((e) => e.code === 'CART_NOT_FOUND')) {
        // The saved cart is gone (expired or cleaned up): start a new one rather than fail.
        cartTokenStore.set(null);
        payload = await send(checked.value, null);
      }
      const [refusal] = payload.userErrors;
      if (refusal) {
        setStatus({ kind: 'refused', problem: { code: refusal.code, message: refusal.message, stock } });
        return;
      }
      if (payload.cart) cartTokenStore.set(payload.cart.token);
      setStatus({ kind: 'added' });
    } catch {
      setStatus({ kind: 'failed' });
    }
  };

  const errorText =
    status.kind === 'refused'
      ? addToCartErrorMessage(t, status.problem)
      : status.kind === 'failed'
        ? t('cart.errors.unknown')
        : null;
  const quantityNumber = Number(quantity);
  const setClamped = (next: number) => setQuantity(String(Math.min(max, Math.max(1, next))));

  return (
    <form className="add-to-cart" onSubmit={submit} noValidate>
      <div className="add-to-cart__row">
        <div className="add-to-cart__quantity">
          <label htmlFor={`${id}-quantity`} className="add-to-cart__label">
            {t('cart.quantity')}
          </label>
          <div className="stepper">
            <button
              type="button"
              className="stepper__button"
              aria-label={t('cart.decrease')}
              aria-controls={`${id}-quantity`}
              disabled={soldOut || !(quantityNumber > 1)}
              onClick={() => setClamped(Math.floor(quantityNumber) - 1)}
            >
              −
            </button>
            <input
              id={`${id}-quantity`}
              className="stepper__input"
              type="number"
              name="quantity"
              inputMode="numeric"
              min={1}
              max={max}
              step={1}
              required
              value={quantity}
              disabled={soldOut}
              aria-invalid={errorText ? true : undefined}
              aria-describedby={errorText ? `${id}-error` : undefined}
              onChange={(event) => setQuantity(event.target.value)}
            />
            <button
              type="button"
              className="stepper__button"
              aria-label={t('cart.increase')}
              aria-controls={`${id}-quantity`}
              disabled={soldOut || !(quantityNumber < max)}
              onClick={() => setClamped(Math.floor(quantityNumber || 0) + 1)}
            >
              +
            </button>
          </div>
        </div>
        <Button
          type="submit"
          size="lg"
          className="add-to-cart__submit"
          data-testid="add-to-cart"
          disabled={soldOut}
          isLoading={loading}
        >
          {soldOut ? t('cart.soldOut') : loading ? t('cart.adding') : t('cart.addToCart')}
        </Button>
      </div>
      {errorText && (
        <p id={`${id}-error`} className="add-to-cart__error" role="alert" data-testid="add-to-cart-error">
          {errorText}
        </p>
      )}
      <div role="status" className="add-to-cart__status">
        {status.kind === 'added' && (
          <p className="add-to-cart__success" data-testid="add-to-cart-success">
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="m5 12.5 4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.4" />
            </svg>
            <span>{t('cart.added')}</span> <Link to={paths.cart.getHref()}>{t('cart.viewCart')}</Link>
          </p>
        )}
      </div>
    </form>
  );
}
