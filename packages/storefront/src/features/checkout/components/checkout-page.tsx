import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { CheckoutForm } from './checkout-form.js';
import './checkout.css';

const CheckoutPage_ViewerQuery = graphql(`
  query CheckoutPage_ViewerQuery {
    viewer {
      id
      email
      displayName
      phone
      addresses {
        id
        isDefault
        recipientName
        phone
        countryCode
        region
        city
        postalCode
        line1
        line2
      }
    }
  }
`);

/** `?variant=…&quantity=…` is a buy-now checkout; without it, the cart's selected lines. */
function useBuyNow(): { variantId: string; quantity: number } | null {
  const [params] = useSearchParams();
  const variantId = params.get('variant');
  if (!variantId) return null;
  const quantity = Number.parseInt(params.get('quantity') ?? '1', 10);
  return { variantId, quantity: Number.isFinite(quantity) ? quantity : 1 };
}

export function CheckoutPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const buyNow = useBuyNow();
  const viewer = useQuery(CheckoutPage_ViewerQuery, { fetchPolicy: 'cache-and-network' });
  const title = t('orders.checkout.title');

  if (viewer.data && viewer.data.viewer === null) {
    return <Navigate to={paths.signIn.getHref(location.pathname + location.search)} replace />;
  }
  return (
    <div className="page checkout-page">
      <PageTitle title={title} />
      <h1>{title}</h1>
      {!viewer.data?.viewer ? (
        viewer.error ? (
          <ErrorState description={t('orders.checkout.loadError')} onRetry={() => void viewer.refetch()} />
        ) : (
          <LoadingState />
        )
      ) : (
        <CheckoutForm viewer={viewer.data.viewer} buyNow={buyNow} />
      )}
    </div>
  );
}
