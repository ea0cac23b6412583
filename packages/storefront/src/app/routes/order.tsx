import { useParams } from 'react-router';
import { OrderMessageLinks } from '../../features/messages/components/new-message-page.js';
import { OrderPage } from '../../features/orders/components/order-page.js';
import { OrderReview } from '../../features/reviews/components/order-review.js';

export function Component() {
  const { number = '' } = useParams();
  // Another order starts with fresh action state (confirm step, reason).
  return (
    <OrderPage
      key={number}
      number={number}
      // Remounted when the status changes (e.g. receipt confirmed), so the review form appears.
      renderReview={(status) => (
        <>
          <OrderReview key={status} number={number} />
          <OrderMessageLinks number={number} />
        </>
      )}
    />
  );
}
