import { useQuery } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale } from '../../../lib/locale.js';
import { ProductGallery } from './product-gallery.js';
import { SalePrice } from './sale-price.js';
import { VariantPicker } from './variant-picker.js';
import './product-page.css';

const ProductPage_ProductQuery = graphql(`
  query ProductPage_ProductQuery($handle: String!, $locale: Locale!) {
    product(handle: $handle) {
      id
      handle
      kind
      title(locale: $locale)
      description(locale: $locale)
      merchant {
        id
        name(locale: $locale)
      }
      category {
        id
        handle
        name(locale: $locale)
      }
      variants {
        id
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
        activity {
          id
          name(locale: $locale)
        }
        ...VariantPicker_VariantFragment
      }
      ...ProductGallery_ProductFragment
    }
  }
`);

/** What the purchase controls need to know about the chosen variant. */
export type PurchaseTarget = {
  variantId: string;
  /** null = not stock-counted (consulting services). */
  stock: number | null;
  availableForSale: boolean;
};

type ProductPageProps = {
  handle: string;
  /** The cart's controls, composed in by the app so catalog does not depend on cart. */
  renderPurchase: (target: PurchaseTarget) => ReactNode;
  /** The store's credit score next to its name (composed in by the app). */
  renderMerchantScore?: () => ReactNode;
  /** Reviews below the description (composed in by the app). */
  renderReviews?: () => ReactNode;
};

export function ProductPage({
  handle,
  renderPurchase,
  renderMerchantScore,
  renderReviews,
}: ProductPageProps) {
  const { t } = useTranslation();
  const locale = useApiLocale();
  const result = useQuery(ProductPage_ProductQuery, { variables: { handle, locale } });
  const [chosenId, setChosenId] = useState<string | null>(null);
  // Keep showing the product while its other-language fields load.
  const data = result.data ?? result.previousData;

  if (!data) {
    if (result.error) {
      return <ErrorState description={t('product.loadError')} onRetry={() => void result.refetch()} />;
    }
    return <LoadingState />;
  }

  const { product } = data;
  if (!product) {
    return (
      <>
        <PageTitle title={t('product.notFoundTitle')} />
        <EmptyState
          headingLevel={1}
          title={t('product.notFoundTitle')}
          description={t('product.notFoundDescription')}
          action={<ButtonLink to={paths.home.getHref()}>{t('product.backToProducts')}</ButtonLink>}
        />
      </>
    );
  }

  const defaultVariant = product.variants.find((v) => v.availableForSale) ?? product.variants[0];
  const selected = product.variants.find((v) => v.id === chosenId) ?? defaultVariant;

  return (
    <article className="product-page">
      <PageTitle title={product.title} />
      <nav className="breadcrumbs" aria-label={t('product.breadcrumb')}>
        <ol>
          <li>
            <Link to={paths.home.getHref()}>{t('product.allProducts')}</Link>
          </li>
          {product.category && (
            <li>
              <Link to={paths.home.getHref({ category: product.category.handle })}>
                {product.category.name}
              </Link>
            </li>
          )}
          <li aria-current="page">{product.title}</li>
        </ol>
      </nav>
      <div className="product-page__layout">
        <div className="product-page__media">
          <ProductGallery product={product} />
        </div>
        <div className="product-page__details">
          {product.kind === 'SERVICE' && (
            <span className="badge badge--service">{t('catalog.serviceBadge')}</span>
          )}
          <h1 className="product-page__title">{product.title}</h1>
          <p className="product-page__merchant">
            {t('product.soldBy')} <strong>{product.merchant.name}</strong>
            {renderMerchantScore && <> {renderMerchantScore()}</>}
          </p>
          {selected && (
            <SalePrice
              className="product-page__price"
              price={selected.price}
              compareAtPrice={selected.compareAtPrice}
              activityName={selected.activity?.name}
            />
          )}
          {product.variants.length > 0 && selected && (
            <VariantPicker variants={product.variants} selectedId={selected.id} onSelect={setChosenId} />
          )}
          {selected &&
            renderPurchase({
              variantId: selected.id,
              stock: selected.stock ?? null,
              availableForSale: selected.availableForSale,
            })}
          <p className="product-page__note">
            {product.kind === 'SERVICE' ? t('product.serviceNote') : t('product.goodsNote')}
          </p>
        </div>
      </div>
      <section className="product-page__description" aria-labelledby="product-description">
        <h2 id="product-description">{t('product.description')}</h2>
        {product.description
          .split(/\n{2,}/)
          .filter((paragraph) => paragraph.trim() !== '')
          .map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
      </section>
      {renderReviews?.()}
    </article>
  );
}
