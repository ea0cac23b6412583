import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking.js';
import { graphql } from '../../../gql/gql.js';
import { SalePrice } from './sale-price.js';
import './product-card.css';

export const ProductCard_ProductFragment = graphql(`
  fragment ProductCard_ProductFragment on Product {
    id
    handle
    kind
    title(locale: $locale)
    availableForSale
    featuredImage {
      url
      width
      height
      altText(locale: $locale)
    }
    merchant {
      id
      name(locale: $locale)
    }
    priceRange {
      minVariantPrice {
        amount
        currencyCode
        minorUnits
      }
      maxVariantPrice {
        minorUnits
      }
    }
    compareAtPriceRange {
      minVariantPrice {
        amount
        currencyCode
      }
    }
    activity {
      id
      name(locale: $locale)
    }
  }
`);

type ProductCardProps = {
  product: FragmentType<typeof ProductCard_ProductFragment>;
  /** Eager-load the images of the first row; the rest load as they scroll into view. */
  eager?: boolean;
};

export function ProductCard({ product: productRef, eager = false }: ProductCardProps) {
  const { t } = useTranslation();
  const product = getFragmentData(ProductCard_ProductFragment, productRef);
  const { minVariantPrice, maxVariantPrice } = product.priceRange;
  const hasRange = minVariantPrice.minorUnits !== maxVariantPrice.minorUnits;
  return (
    <article className="product-card" data-testid="product-card">
      <div className="product-card__media">
        {product.featuredImage ? (
          <img
            src={product.featuredImage.url}
            width={product.featuredImage.width}
            height={product.featuredImage.height}
            // The title follows right below; repeating it would be read twice.
            alt=""
            loading={eager ? 'eager' : 'lazy'}
            // The first row is above the fold and holds the page's largest image (its LCP).
            fetchPriority={eager ? 'high' : 'auto'}
            decoding="async"
          />
        ) : (
          <div className="product-card__placeholder" aria-hidden="true" />
        )}
        <div className="product-card__badges">
          {product.kind === 'SERVICE' && (
            <span className="badge badge--service">{t('catalog.serviceBadge')}</span>
          )}
          {!product.availableForSale && <span className="badge badge--muted">{t('catalog.soldOut')}</span>}
        </div>
      </div>
      <div className="product-card__body">
        <h2 className="product-card__title">
          <Link className="product-card__link" to={paths.product.getHref(product.handle)}>
            {product.title}
          </Link>
        </h2>
        <p className="product-card__merchant">{product.merchant.name}</p>
        <SalePrice
          className="product-card__price"
          price={minVariantPrice}
          compareAtPrice={product.compareAtPriceRange?.minVariantPrice}
          activityName={product.activity?.name}
          format={hasRange ? (price) => t('catalog.priceFrom', { price }) : undefined}
        />
      </div>
    </article>
  );
}
