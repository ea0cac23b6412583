import { CartPage } from '../../features/cart/components/cart-page.js';

export function Component() {
  return <CartPage />;
}
