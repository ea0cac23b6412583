import { CheckoutPage } from '../../features/checkout/components/checkout-page.js';

export function Component() {
  return <CheckoutPage />;
}
