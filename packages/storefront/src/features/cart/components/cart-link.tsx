import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { graphql } from '../../../gql/gql.js';
import { cartTokenStore, useCartToken } from '../../../lib/cart-token.js';
import './cart-link.css';

const CartLink_CartQuery = graphql(`
  query CartLink_CartQuery($token: String) {
    cart(token: $token) {
      id
      totalQuantity
    }
  }
`);

/**
 * The header's cart link with the number of units; cart changes update it through the cache. Asked
 * even without a guest token: a signed-in shopper's cart is found by the session.
 */
export function CartLink() {
  const { t } = useTranslation();
  const token = useCartToken();
  const { data } = useQuery(CartLink_CartQuery, { variables: { token } });
  const count = data?.cart?.totalQuantity ?? 0;

  useEffect(() => {
    // The server no longer knows this cart: forget it so the next add starts a fresh one.
    if (token && data && data.cart === null && cartTokenStore.get() === token) cartTokenStore.set(null);
  }, [token, data]);

  return (
    <Link
      to={paths.cart.getHref()}
      className="cart-link"
      data-testid="cart-link"
      aria-label={t('cart.link', { count })}
    >
      <svg className="cart-link__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M3 4h2.2l2.2 11.2a1.5 1.5 0 0 0 1.5 1.2h8.6a1.5 1.5 0 0 0 1.5-1.1L21 8H6.3"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="9.5" cy="20" r="1.3" fill="currentColor" />
        <circle cx="17" cy="20" r="1.3" fill="currentColor" />
      </svg>
      <span className="cart-link__label">{t('cart.linkShort')}</span>{' '}
      <span className="cart-link__count" data-testid="cart-count" data-empty={count === 0 || undefined}>
        {count}
      </span>
    </Link>
  );
}
