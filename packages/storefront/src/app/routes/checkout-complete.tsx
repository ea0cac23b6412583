import { useParams, useSearchParams } from 'react-router';
import { CheckoutCompletePage } from '../../features/checkout/components/checkout-complete-page.js';
import { CheckoutPayment } from '../../features/payments/components/checkout-payment.js';

/** The orders just placed with the pay step; once paid, the order confirmation. */
export function Component() {
  const { checkoutId = '' } = useParams();
  const [params] = useSearchParams();
  return (
    <CheckoutPayment
      key={checkoutId}
      checkoutId={checkoutId}
      notice={params.get('payment') === 'cancelled' ? 'cancelled' : null}
      renderUnpaid={(payStep) => <CheckoutCompletePage checkoutId={checkoutId} payment={payStep} />}
    />
  );
}
