import { useParams } from 'react-router';
import { AddToCartForm } from '../../features/cart/components/add-to-cart-form.js';
import { ProductPage } from '../../features/catalog/components/product-page.js';
import { BuyNowLink } from '../../features/checkout/components/buy-now-link.js';
import { CreditScoreBadge } from '../../features/reviews/components/credit-score.js';
import { ProductReviews } from '../../features/reviews/components/product-reviews.js';

export function Component() {
  const { handle = '' } = useParams();
  return (
    <ProductPage
      // Another product starts with its own default option and quantity.
      key={handle}
      handle={handle}
      // A new option starts with a fresh quantity and no stale success or error message.
      renderPurchase={(target) => (
        <>
          <AddToCartForm key={target.variantId} {...target} />
          <BuyNowLink {...target} />
        </>
      )}
      renderMerchantScore={() => <CreditScoreBadge productHandle={handle} />}
      renderReviews={() => <ProductReviews productHandle={handle} />}
    />
  );
}
