import { useTranslation } from 'react-i18next';
import { ordersErrorKey } from '../lib/error-codes';

/** Translates an order mutation's user error code (unknown codes get a generic message). */
export function useOrderErrorText() {
  const { t } = useTranslation();
  return (code: string) => t(`orders.errors.${ordersErrorKey(code)}`);
}
