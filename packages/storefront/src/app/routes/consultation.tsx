import { useParams } from 'react-router';
import { ConsultationPage } from '../../features/consulting/components/consultation-page.js';

/** `/consultation` and `/consultation/:orderNumber`: one route, so the page keeps its state between them. */
export function Component() {
  const { orderNumber } = useParams();
  return <ConsultationPage orderNumber={orderNumber ?? null} />;
}
