import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { type FragmentType, getFragmentData } from '../../../gql/fragment-masking.js';
import { graphql } from '../../../gql/gql.js';
import './product-gallery.css';

export const ProductGallery_ProductFragment = graphql(`
  fragment ProductGallery_ProductFragment on Product {
    images {
      url
      width
      height
      altText(locale: $locale)
    }
  }
`);

export function ProductGallery({
  product,
}: {
  product: FragmentType<typeof ProductGallery_ProductFragment>;
}) {
  const { t } = useTranslation();
  const { images } = getFragmentData(ProductGallery_ProductFragment, product);
  const [selected, setSelected] = useState(0);
  const image = images[selected] ?? images[0];

  if (!image) return <div className="product-gallery__placeholder" aria-hidden="true" />;
  return (
    <div className="product-gallery">
      <img
        className="product-gallery__main"
        src={image.url}
        width={image.width}
        height={image.height}
        alt={image.altText}
        fetchPriority="high"
      />
      {images.length > 1 && (
        <ul className="product-gallery__thumbs" aria-label={t('product.images')}>
          {images.map((thumb, index) => (
            <li key={thumb.url}>
              <button
                type="button"
                className="product-gallery__thumb"
                aria-pressed={index === selected}
                aria-label={t('product.showImage', { index: index + 1, total: images.length })}
                onClick={() => setSelected(index)}
              >
                <img src={thumb.url} width={thumb.width} height={thumb.height} alt="" loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
