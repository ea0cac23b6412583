import { MAX_LINE_QUANTITY } from '@marketplace/core';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Price } from '../../../components/ui/price.js';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking.js';
import { graphql } from '../../../gql/gql.js';

export const CheckoutItems_OrderFragment = graphql(`
  fragment CheckoutItems_OrderFragment on CheckoutPreviewOrder {
    merchant {
      id
      name(locale: $locale)
    }
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
    lines {
      lineId
      quantity
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
        stock
        product {
          id
          handle
          title(locale: $locale)
          featuredImage {
            url
            altText(locale: $locale)
          }
        }
      }
    }
  }
`);

type CheckoutItemsProps = {
  orders: readonly FragmentType<typeof CheckoutItems_OrderFragment>[];
  /** Problems by line ID, already in the UI language. */
  lineErrors: ReadonlyMap<string, string>;
  /** For buy now: change the quantity (cart lines are changed in the cart). */
  onQuantityChange?: (quantity: number) => void;
};

/** What is being ordered, one group per merchant (each becomes its own order). */
export function CheckoutItems({ orders, lineErrors, onQuantityChange }: CheckoutItemsProps) {
  const { t } = useTranslation();
  return (
    <div className="checkout-orders">
      {orders.map((ref) => {
        const order = getFragmentData(CheckoutItems_OrderFragment, ref);
        return (
          <section key={order.merchant.id} className="checkout-order" aria-label={order.merchant.name}>
            <h3 className="checkout-order__merchant">
              {t('orders.checkout.soldBy', { merchant: order.merchant.name })}
            </h3>
            <ul className="checkout-order__lines">
              {order.lines.map((line) => {
                const error = lineErrors.get(line.lineId);
                const max = Math.min(MAX_LINE_QUANTITY, line.variant.stock ?? MAX_LINE_QUANTITY);
                return (
                  <li key={line.lineId} className="checkout-line" data-testid="checkout-line">
                    {line.variant.product.featuredImage ? (
                      <img
                        className="checkout-line__image"
                        src={line.variant.product.featuredImage.url}
                        alt=""
                        width={64}
                        height={64}
                        loading="lazy"
                      />
                    ) : (
                      <span className="checkout-line__image" aria-hidden="true" />
                    )}
                    <div className="checkout-line__text">
                      <Link
                        to={paths.product.getHref(line.variant.product.handle)}
                        className="checkout-line__title"
                      >
                        {line.variant.product.title}
                      </Link>
                      <span className="checkout-line__variant">{line.variant.title}</span>
                      <span className="checkout-line__unit">
                        <Price money={line.unitPrice} />
                      </span>
                      {error && (
                        <p className="checkout-line__error" role="alert">
                          {error}
                        </p>
                      )}
                    </div>
                    {onQuantityChange ? (
                      <div className="stepper checkout-line__stepper">
                        <button
                          type="button"
                          className="stepper__button"
                          aria-label={t('orders.checkout.decrease')}
                          disabled={line.quantity <= 1}
                          onClick={() => onQuantityChange(line.quantity - 1)}
                        >
                          −
                        </button>
                        <output
                          className="stepper__input checkout-line__quantity"
                          aria-label={t('orders.checkout.quantity')}
                        >
                          {line.quantity}
                        </output>
                        <button
                          type="button"
                          className="stepper__button"
                          aria-label={t('orders.checkout.increase')}
                          disabled={line.quantity >= max}
                          onClick={() => onQuantityChange(line.quantity + 1)}
                        >
                          +
                        </button>
                      </div>
                    ) : (
                      <span className="checkout-line__quantity-text">
                        {t('orders.checkout.quantityOf', { count: line.quantity })}
                      </span>
                    )}
                    <span className="checkout-line__total">
                      <Price money={line.lineTotal} />
                    </span>
                  </li>
                );
              })}
            </ul>
            <dl className="checkout-order__totals">
              <div>
                <dt>{t('orders.checkout.orderSubtotal')}</dt>
                <dd>
                  <Price money={order.subtotal} />
                </dd>
              </div>
              {order.discount.minorUnits > 0 && (
                <div>
                  <dt>{t('orders.checkout.orderDiscount')}</dt>
                  <dd>
                    <Price money={order.discount} format={(s) => `−${s}`} />
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('orders.checkout.orderShipping')}</dt>
                <dd>
                  {order.shippingFee.minorUnits === 0 ? (
                    t('orders.checkout.free')
                  ) : (
                    <Price money={order.shippingFee} />
                  )}
                </dd>
              </div>
            </dl>
          </section>
        );
      })}
    </div>
  );
}
