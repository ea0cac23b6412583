import { createBrowserRouter } from 'react-router';
import { paths } from './paths.js';
import { NotFound } from './routes/not-found.js';
import { RootErrorBoundary, RootHydrateFallback, RootLayout, RouteErrorBoundary } from './routes/root.js';

/**
 * The layout (and the not-found page) is in the entry chunk; every other page is its own lazily loaded route module, so a
 * shopper landing on a product page does not download the cart page.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      id: 'root',
      Component: RootLayout,
      ErrorBoundary: RootErrorBoundary,
      HydrateFallback: RootHydrateFallback,
      children: [
        {
          // Page errors render inside the layout, so the header stays usable.
          ErrorBoundary: RouteErrorBoundary,
          children: [
            // Home and search results are the same listing, filtered by the URL.
            { index: true, lazy: () => import('./routes/product-list.js') },
            { path: paths.search.path, lazy: () => import('./routes/product-list.js') },
            { path: paths.product.path, lazy: () => import('./routes/product.js') },
            { path: paths.cart.path, lazy: () => import('./routes/cart.js') },
            // Tiny and already needed by the error boundary, so not split out.
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ]);
}
