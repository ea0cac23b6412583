import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Price } from '../../../components/ui/price.js';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking.js';
import { graphql } from '../../../gql/gql.js';
import './cart-line-item.css';

export const CartLineItem_LineFragment = graphql(`
  fragment CartLineItem_LineFragment on CartLine {
    id
    quantity
    availableForSale
    unitPrice {
      amount
      currencyCode
    }
    lineTotal {
      amount
      currencyCode
    }
    variant {
      id
      title(locale: $locale)
      product {
        id
        handle
        title(locale: $locale)
        featuredImage {
          url
          width
          height
        }
        merchant {
          id
          name(locale: $locale)
        }
      }
    }
  }
`);

export function CartLineItem({ line: lineRef }: { line: FragmentType<typeof CartLineItem_LineFragment> }) {
  const { t } = useTranslation();
  const line = getFragmentData(CartLineItem_LineFragment, lineRef);
  const { product } = line.variant;
  const href = paths.product.getHref(product.handle);
  return (
    <li className="cart-line" data-testid="cart-line">
      <Link to={href} className="cart-line__media" tabIndex={-1} aria-hidden="true">
        {product.featuredImage && (
          <img
            src={product.featuredImage.url}
            width={product.featuredImage.width}
            height={product.featuredImage.height}
            alt=""
            loading="lazy"
          />
        )}
      </Link>
      <div className="cart-line__info">
        <h3 className="cart-line__title">
          <Link to={href}>{product.title}</Link>
        </h3>
        <p className="cart-line__variant">{t('cart.variant', { variant: line.variant.title })}</p>
        <p className="cart-line__merchant">{t('catalog.soldBy', { merchant: product.merchant.name })}</p>
        {!line.availableForSale && <p className="cart-line__warning">{t('cart.lineUnavailable')}</p>}
      </div>
      <dl className="cart-line__figures">
        <div>
          <dt>{t('cart.unitPrice')}</dt>
          <dd>
            <Price money={line.unitPrice} />
          </dd>
        </div>
        <div>
          <dt>{t('cart.quantity')}</dt>
          <dd data-testid="cart-line-quantity">{line.quantity}</dd>
        </div>
        <div>
          <dt>{t('cart.lineTotal')}</dt>
          <dd className="cart-line__total">
            <Price money={line.lineTotal} />
          </dd>
        </div>
      </dl>
    </li>
  );
}
