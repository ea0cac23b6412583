import { ProductListPage } from '../../features/catalog/components/product-list-page.js';

export function Component() {
  return <ProductListPage />;
}
