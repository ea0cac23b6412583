import { MAX_LINE_QUANTITY } from '@marketplace/core';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Price } from '../../../components/ui/price.js';
import { Spinner } from '../../../components/ui/spinner.js';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking.js';
import { graphql } from '../../../gql/gql.js';
import { unavailableMessage } from '../cart-line-errors.js';
import './cart-line-item.css';
import './stepper.css';

export const CartLineItem_LineFragment = graphql(`
  fragment CartLineItem_LineFragment on CartLine {
    id
    quantity
    selected
    status
    unavailableReason
    availableQuantity
    unitPrice {
      amount
      currencyCode
    }
    lineTotal {
      amount
      currencyCode
    }
    variant {
      id
      title(locale: $locale)
      product {
        id
        handle
        title(locale: $locale)
        featuredImage {
          url
          width
          height
        }
        merchant {
          id
          name(locale: $locale)
        }
      }
    }
  }
`);

type CartLineItemProps = {
  line: FragmentType<typeof CartLineItem_LineFragment>;
  /** Ticked for checkout as shown (the server's value, or the shopper's pending change). */
  selected: boolean;
  /** The server's refusal or a local problem about this line, already translated. */
  error: string | null;
  onSelect: (selected: boolean) => void;
  /** Sends the new quantity; resolves when the server has answered. */
  onQuantity: (quantity: number) => Promise<void>;
  onRemove: () => void;
  /** A local problem with what was typed (null clears it). */
  onInvalid: (text: string | null) => void;
  removing: boolean;
};

/** One cart line: tick for checkout, quantity stepper, remove, current prices and why it cannot be bought. */
export function CartLineItem({
  line: lineRef,
  selected,
  error,
  onSelect,
  onQuantity,
  onRemove,
  onInvalid,
  removing,
}: CartLineItemProps) {
  const { t } = useTranslation();
  const id = useId();
  const line = getFragmentData(CartLineItem_LineFragment, lineRef);
  const { product } = line.variant;
  const title = product.title;
  const href = paths.product.getHref(product.handle);
  const blocked = line.unavailableReason === 'OFF_SALE' || line.unavailableReason === 'OUT_OF_STOCK';
  const max = Math.max(1, Math.min(MAX_LINE_QUANTITY, line.availableQuantity));

  const [draft, setDraft] = useState(String(line.quantity));
  const [sending, setSending] = useState(false);
  const editing = useRef(false);
  const serverQuantity = useRef(line.quantity);
  // The input follows the server's quantity unless the shopper is typing.
  useEffect(() => {
    serverQuantity.current = line.quantity;
    if (!editing.current) setDraft(String(line.quantity));
  }, [line.quantity]);

  const commit = async (value: number) => {
    editing.current = false;
    if (!Number.isSafeInteger(value) || value < 1) {
      onInvalid(t('cart.lineErrors.INVALID_QUANTITY'));
      return;
    }
    if (value === line.quantity || sending) {
      setDraft(String(line.quantity));
      if (value === line.quantity) onInvalid(null);
      return;
    }
    setSending(true);
    setDraft(String(value));
    try {
      await onQuantity(value);
    } finally {
      setSending(false);
      // Whatever the answer, show what the cart now holds.
      setDraft((current) => (editing.current ? current : String(serverQuantity.current)));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit(Number(event.currentTarget.value.trim() || Number.NaN));
    } else if (event.key === 'Escape') {
      editing.current = false;
      setDraft(String(line.quantity));
      onInvalid(null);
    }
  };

  const reason = unavailableMessage(t, line.unavailableReason, line.availableQuantity);
  const describedBy = [error ? `${id}-error` : null, reason ? `${id}-reason` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      className="cart-line"
      data-testid="cart-line"
      data-status={line.status}
      data-selected={selected || undefined}
      aria-busy={sending || removing || undefined}
    >
      <div className="cart-line__check">
        <input
          id={`${id}-select`}
          type="checkbox"
          name="select-line"
          value={line.id}
          checked={selected}
          onChange={(event) => onSelect(event.currentTarget.checked)}
        />
        <label htmlFor={`${id}-select`} className="visually-hidden">
          {t('cart.selectLine', { title })}
        </label>
      </div>
      <Link to={href} className="cart-line__media" tabIndex={-1} aria-hidden="true">
        {product.featuredImage && (
          <img
            src={product.featuredImage.url}
            width={product.featuredImage.width}
            height={product.featuredImage.height}
            alt=""
            loading="lazy"
          />
        )}
      </Link>
      <div className="cart-line__info">
        <h2 className="cart-line__title">
          <Link to={href}>{title}</Link>
        </h2>
        <p className="cart-line__variant">{t('cart.variant', { variant: line.variant.title })}</p>
        <p className="cart-line__merchant">{t('catalog.soldBy', { merchant: product.merchant.name })}</p>
        {reason && (
          <p id={`${id}-reason`} className="cart-line__warning" data-testid="cart-line-unavailable">
            {reason}
          </p>
        )}
      </div>
      <div className="cart-line__controls">
        <div className="cart-line__quantity">
          <label htmlFor={`${id}-quantity`} className="visually-hidden">
            {t('cart.quantityOf', { title })}
          </label>
          <div className="stepper stepper--sm">
            <button
              type="button"
              className="stepper__button"
              aria-label={t('cart.decreaseOf', { title })}
              aria-controls={`${id}-quantity`}
              disabled={blocked || sending || line.quantity <= 1}
              onClick={() => void commit(line.quantity - 1)}
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
              value={draft}
              disabled={blocked}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy || undefined}
              onChange={(event) => {
                editing.current = true;
                setDraft(event.currentTarget.value);
              }}
              onKeyDown={onKeyDown}
              onBlur={(event) => {
                if (editing.current) void commit(Number(event.currentTarget.value.trim() || Number.NaN));
              }}
            />
            <button
              type="button"
              className="stepper__button"
              aria-label={t('cart.increaseOf', { title })}
              aria-controls={`${id}-quantity`}
              disabled={blocked || sending || line.quantity >= max}
              onClick={() => void commit(line.quantity + 1)}
            >
              +
            </button>
          </div>
          {sending && (
            <span className="cart-line__busy" role="status">
              <Spinner size="sm" />
              <span className="visually-hidden">{t('cart.updating')}</span>
            </span>
          )}
        </div>
        <button
          type="button"
          className="cart-line__remove"
          data-testid="remove-line"
          aria-label={t('cart.removeLine', { title })}
          disabled={removing}
          onClick={onRemove}
        >
          {t('cart.remove')}
        </button>
      </div>
      <dl className="cart-line__figures">
        <div>
          <dt>{t('cart.unitPrice')}</dt>
          <dd>
            <Price money={line.unitPrice} />
          </dd>
        </div>
        <div>
          <dt>{t('cart.lineTotal')}</dt>
          <dd className="cart-line__total">
            <Price money={line.lineTotal} />
          </dd>
        </div>
      </dl>
      {error && (
        <p id={`${id}-error`} className="cart-line__error" role="alert" data-testid="cart-line-error">
          {error}
        </p>
      )}
    </li>
  );
}
