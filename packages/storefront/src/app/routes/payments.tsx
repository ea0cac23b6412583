import { PaymentHistoryPage } from '../../features/payments/components/payment-history-page.js';

export function Component() {
  return <PaymentHistoryPage />;
}
