import { useParams } from 'react-router';
import { OrderPage } from '../../features/orders/components/order-page.js';

export function Component() {
  const { number = '' } = useParams();
  // Another order starts with fresh action state (confirm step, reason).
  return <OrderPage key={number} number={number} />;
}
