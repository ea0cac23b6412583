import { useTranslation } from '../../lib/i18n/react.js';
import { formatMoney, type MoneyValue } from '../../lib/format-money.js';

type PriceProps = {
  money: MoneyValue;
  className?: string;
  /** Extra text around the amount, e.g. "From {{price}}"; receives the formatted amount. */
  format?: (formatted: string) => string;
};

/** An amount in the current UI language's number format. */
export function Price({ money, className, format }: PriceProps) {
  const { i18n } = useTranslation();
  const formatted = formatMoney(money, i18n.resolvedLanguage ?? 'en');
  return (
    <span className={['price', className].filter(Boolean).join(' ')} translate="no">
      {format ? format(formatted) : formatted}
    </span>
  );
}
