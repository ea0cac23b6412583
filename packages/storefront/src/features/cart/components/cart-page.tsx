import { skipToken, useQuery } from '@apollo/client/react';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths.js';
import { ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { Price } from '../../../components/ui/price.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale } from '../../../lib/locale.js';
import { cartTokenStore, useCartToken } from '../../../lib/cart-token.js';
import { CartLineItem } from './cart-line-item.js';
import './cart-page.css';

const CartPage_CartQuery = graphql(`
  query CartPage_CartQuery($token: String!, $locale: Locale!) {
    cart(token: $token) {
      id
      totalQuantity
      subtotal {
        amount
        currencyCode
      }
      lines {
        id
        ...CartLineItem_LineFragment
      }
    }
  }
`);

export function CartPage() {
  const { t } = useTranslation();
  const locale = useApiLocale();
  const token = useCartToken();
  const result = useQuery(
    CartPage_CartQuery,
    // Prices and stock change: show the cached cart at once, then the server's current one.
    token ? { variables: { token, locale }, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  const data = result.data ?? result.previousData;
  const cart = token ? data?.cart : null;

  useEffect(() => {
    if (token && result.data && result.data.cart === null && cartTokenStore.get() === token) {
      cartTokenStore.set(null);
    }
  }, [token, result.data]);

  const title = t('cart.title');
  let content: ReactNode;
  if (token && !data) {
    content = result.error ? (
      <ErrorState description={t('cart.loadError')} onRetry={() => void result.refetch()} />
    ) : (
      <LoadingState />
    );
  } else if (!cart || cart.lines.length === 0) {
    content = (
      <EmptyState
        title={t('cart.emptyTitle')}
        description={t('cart.emptyDescription')}
        action={<ButtonLink to={paths.home.getHref()}>{t('cart.continueShopping')}</ButtonLink>}
      />
    );
  } else {
    content = (
      <div className="cart-page__layout">
        <ul className="cart-page__lines" aria-label={title}>
          {cart.lines.map((line) => (
            <CartLineItem key={line.id} line={line} />
          ))}
        </ul>
        <aside className="cart-summary" aria-labelledby="cart-summary-title">
          <h2 id="cart-summary-title" className="cart-summary__title">
            {t('cart.summaryTitle')}
          </h2>
          <p className="cart-summary__count">{t('cart.items', { count: cart.totalQuantity })}</p>
          <dl className="cart-summary__rows">
            <div className="cart-summary__subtotal">
              <dt>{t('cart.subtotal')}</dt>
              <dd data-testid="cart-subtotal">
                <Price money={cart.subtotal} />
              </dd>
            </div>
          </dl>
          <p className="cart-summary__note">{t('cart.summaryNote')}</p>
          <p className="cart-summary__note">{t('cart.checkoutSoon')}</p>
          <ButtonLink to={paths.home.getHref()} variant="secondary">
            {t('cart.continueShopping')}
          </ButtonLink>
        </aside>
      </div>
    );
  }

  return (
    <div className="page cart-page">
      <PageTitle title={title} />
      <h1>{title}</h1>
      {content}
    </div>
  );
}
