import { useParams } from 'react-router';
import { CheckoutCompletePage } from '../../features/checkout/components/checkout-complete-page.js';

export function Component() {
  const { checkoutId = '' } = useParams();
  return <CheckoutCompletePage checkoutId={checkoutId} />;
}
