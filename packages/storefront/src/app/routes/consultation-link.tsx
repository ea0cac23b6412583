import { Navigate, useLocation, useParams } from 'react-router';
import { paths } from '../paths.js';

/** Older links (`/consultations/<number>#key=…`) lead to the report page, fragment kept. */
export function Component() {
  const { orderNumber = '' } = useParams();
  const { hash } = useLocation();
  return <Navigate to={{ pathname: paths.consultation.getHref(orderNumber), hash }} replace />;
}
