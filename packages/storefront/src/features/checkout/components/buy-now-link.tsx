import { useTranslation } from '../../../lib/i18n/react.js';
import { paths } from '../../../app/paths.js';
import { ButtonLink } from '../../../components/ui/button.js';

type BuyNowLinkProps = {
  variantId: string;
  stock: number | null;
  availableForSale: boolean;
};

/** "Buy now": checks one unit of the variant out directly (the quantity can be changed at checkout). */
export function BuyNowLink({ variantId, stock, availableForSale }: BuyNowLinkProps) {
  const { t } = useTranslation();
  if (!availableForSale || stock === 0) return null;
  return (
    <ButtonLink
      to={paths.checkout.getHref({ variantId, quantity: 1 })}
      variant="secondary"
      size="lg"
      className="buy-now"
      data-testid="buy-now"
    >
      {t('orders.checkout.buyNow')}
    </ButtonLink>
  );
}
