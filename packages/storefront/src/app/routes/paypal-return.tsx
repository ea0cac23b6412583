import { useSearchParams } from 'react-router';
import { PayPalLandingPage } from '../../features/payments/components/paypal-landing-page.js';

/** PayPal's return URL: `?checkoutId=…&token=<PayPal order id>&PayerID=…`. */
export function Component() {
  const [params] = useSearchParams();
  return (
    <PayPalLandingPage
      kind="return"
      checkoutId={params.get('checkoutId')}
      token={params.get('token')}
      payerId={params.get('PayerID')}
    />
  );
}
