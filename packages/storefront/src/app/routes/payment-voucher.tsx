import { useParams } from 'react-router';
import { PaymentVoucherPage } from '../../features/payments/components/payment-voucher-page.js';

export function Component() {
  const { id = '' } = useParams();
  return <PaymentVoucherPage key={id} paymentId={id} />;
}
