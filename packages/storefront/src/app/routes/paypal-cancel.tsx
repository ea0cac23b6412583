import { useSearchParams } from 'react-router';
import { PayPalLandingPage } from '../../features/payments/components/paypal-landing-page.js';

/** PayPal's cancel URL: `?checkoutId=…&token=<PayPal order id>`. */
export function Component() {
  const [params] = useSearchParams();
  return (
    <PayPalLandingPage
      kind="cancel"
      checkoutId={params.get('checkoutId')}
      token={params.get('token')}
      payerId={null}
    />
  );
}
