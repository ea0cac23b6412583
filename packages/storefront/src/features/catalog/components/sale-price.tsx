import { useTranslation } from '../../../lib/i18n/react.js';
import { Price } from '../../../components/ui/price.js';
import type { MoneyValue } from '../../../lib/format-money.js';
import './sale-price.css';

type SalePriceProps = {
  price: MoneyValue;
  /** The price before the running activity; null when nothing is on sale. */
  compareAtPrice: MoneyValue | null | undefined;
  /** The running activity's name, shown as a badge. */
  activityName?: string | null;
  className?: string;
  format?: (formatted: string) => string;
};

/**
 * A price, and during a store activity the original struck through with the activity's name. Screen
 * readers hear "Sale price … Original price …" instead of two bare amounts.
 */
export function SalePrice({ price, compareAtPrice, activityName, className, format }: SalePriceProps) {
  const { t } = useTranslation();
  if (!compareAtPrice) return <Price className={className} money={price} format={format} />;
  return (
    <span className={['sale-price', className].filter(Boolean).join(' ')} data-testid="sale-price">
      <span className="visually-hidden">{t('sale.salePrice')}</span>
      <Price className="sale-price__now" money={price} format={format} />
      <span className="visually-hidden">{t('sale.originalPrice')}</span>
      <s className="sale-price__was" data-testid="compare-at-price">
        <Price money={compareAtPrice} />
      </s>
      {activityName && (
        <span className="badge sale-price__badge" data-testid="activity-name">
          {activityName}
        </span>
      )}
    </span>
  );
}
