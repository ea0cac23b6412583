import { useTranslation } from '../../../lib/i18n/react.js';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking.js';
import { graphql } from '../../../gql/gql.js';
import { SalePrice } from './sale-price.js';
import './variant-picker.css';

export const VariantPicker_VariantFragment = graphql(`
  fragment VariantPicker_VariantFragment on ProductVariant {
    id
    sku
    title(locale: $locale)
    stock
    availableForSale
    price {
      amount
      currencyCode
    }
    compareAtPrice {
      amount
      currencyCode
    }
  }
`);

/** At or below this many units the shopper is told stock is low. */
const LOW_STOCK = 5;

function useStockLabel() {
  const { t } = useTranslation();
  return (stock: number | null, availableForSale: boolean): string => {
    if (!availableForSale || stock === 0) return t('product.soldOut');
    if (stock === null) return t('product.stockUnlimited');
    return stock <= LOW_STOCK
      ? t('product.stockLow', { count: stock })
      : t('product.stockIn', { count: stock });
  };
}

type VariantPickerProps = {
  variants: ReadonlyArray<FragmentType<typeof VariantPicker_VariantFragment>>;
  selectedId: string;
  onSelect: (variantId: string) => void;
};

/**
 * Options as a radio group (arrow keys move between them). Sold-out options stay selectable so
 * their state can be read, but cannot be added to the cart.
 */
export function VariantPicker({ variants: variantRefs, selectedId, onSelect }: VariantPickerProps) {
  const { t } = useTranslation();
  const stockLabel = useStockLabel();
  const variants = getFragmentData(VariantPicker_VariantFragment, variantRefs);
  return (
    <fieldset className="variant-picker">
      <legend className="variant-picker__legend">{t('product.options')}</legend>
      <div className="variant-picker__options">
        {variants.map((variant) => {
          const soldOut = !variant.availableForSale || variant.stock === 0;
          return (
            <label
              key={variant.id}
              className="variant-option"
              data-sold-out={soldOut || undefined}
              data-testid="variant-option"
            >
              <input
                className="variant-option__input"
                type="radio"
                name="variant"
                value={variant.id}
                checked={variant.id === selectedId}
                onChange={() => onSelect(variant.id)}
              />
              <span className="variant-option__title">{variant.title}</span>
              <SalePrice
                className="variant-option__price"
                price={variant.price}
                compareAtPrice={variant.compareAtPrice}
              />
              <span className="variant-option__stock">
                {stockLabel(variant.stock, variant.availableForSale)}
              </span>
              <span className="variant-option__sku">{t('product.sku', { sku: variant.sku })}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
