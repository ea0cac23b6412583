import { OrdersPage } from '../../features/orders/components/orders-page.js';

export function Component() {
  return <OrdersPage />;
}
