import { type ComponentType, isValidElement, lazy, type ReactElement, Suspense } from 'react';
import { BrowserRouter, matchRoutes, Outlet, type RouteObject, useLocation, useRoutes } from 'react-router';
import { LoadingState } from '../components/ui/spinner.js';
import { paths } from './paths.js';
import { loadPageTexts } from './provider.js';
import { NotFound } from './routes/not-found.js';
import { ErrorBoundary, RootErrorContent, RootLayout, RouteErrorContent } from './routes/root.js';

type RouteModule = { Component: ComponentType };
type LoadedPage = { default: ComponentType };

/** Route elements of lazily loaded pages → how to fetch their code ahead of rendering. */
const preloaders = new WeakMap<ReactElement, () => Promise<unknown>>();

/**
 * A page whose code is its own chunk, fetched the first time the page is shown (or earlier by
 * `preloadPage`), together with the text of the pages (unless `shellTextOnly`: home's text is in
 * the shell). Once fetched, `React.lazy` gets it synchronously (a settled thenable), so a
 * preloaded page renders at once instead of flashing the loading spinner.
 */
function page(load: () => Promise<RouteModule>, { shellTextOnly = false } = {}): ReactElement {
  let loaded: LoadedPage | null = null;
  let pending: Promise<LoadedPage> | null = null;
  const fetchPage = () => {
    pending ??= Promise.all([load(), shellTextOnly ? null : loadPageTexts()]).then(([module]) => {
      loaded = { default: module.Component };
      return loaded;
    });
    return pending;
  };
  const settled = (page: LoadedPage) =>
    // biome-ignore lint/suspicious/noThenProperty: a thenable that settles synchronously is the point (React.lazy reads it at once).
    ({ then: (resolve: (value: LoadedPage) => void) => resolve(page) }) as unknown as Promise<LoadedPage>;
  const Page = lazy(() => (loaded ? settled(loaded) : fetchPage()));
  const element = <Page />;
  preloaders.set(element, fetchPage);
  return element;
}

/**
 * Page errors render inside the layout, so the header stays usable; the boundary starts over on
 * the next navigation. While a page's chunk loads, the layout shows a spinner in its place.
 */
function PageOutlet() {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname} fallback={<RouteErrorContent />}>
      <Suspense fallback={<LoadingState />}>
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
}

/**
 * The layout (and the not-found page) is in the entry chunk; every other page is its own lazily
 * loaded module, so a shopper landing on a product page does not download the cart page.
 * Declarative routes (`useRoutes`) rather than a data router: no page uses loaders or actions,
 * and the data router's machinery would be a fifth of the home page's JavaScript.
 */
const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      {
        element: <PageOutlet />,
        children: [
          // Home and search results are the same listing, filtered by the URL.
          { index: true, element: page(() => import('./routes/product-list.js'), { shellTextOnly: true }) },
          {
            path: paths.search.path,
            element: page(() => import('./routes/product-list.js'), { shellTextOnly: true }),
          },
          { path: paths.product.path, element: page(() => import('./routes/product.js')) },
          { path: paths.cart.path, element: page(() => import('./routes/cart.js')) },
          { path: paths.signIn.path, element: page(() => import('./routes/sign-in.js')) },
          { path: paths.register.path, element: page(() => import('./routes/register.js')) },
          { path: paths.verifyEmail.path, element: page(() => import('./routes/verify-email.js')) },
          { path: paths.forgotPassword.path, element: page(() => import('./routes/forgot-password.js')) },
          { path: paths.resetPassword.path, element: page(() => import('./routes/reset-password.js')) },
          { path: paths.account.path, element: page(() => import('./routes/account.js')) },
          { path: paths.addresses.path, element: page(() => import('./routes/addresses.js')) },
          { path: paths.changePassword.path, element: page(() => import('./routes/change-password.js')) },
          { path: paths.checkout.path, element: page(() => import('./routes/checkout.js')) },
          { path: paths.checkoutComplete.path, element: page(() => import('./routes/checkout-complete.js')) },
          { path: paths.orders.path, element: page(() => import('./routes/orders.js')) },
          { path: paths.order.path, element: page(() => import('./routes/order.js')) },
          { path: paths.paypalReturn.path, element: page(() => import('./routes/paypal-return.js')) },
          { path: paths.paypalCancel.path, element: page(() => import('./routes/paypal-cancel.js')) },
          { path: paths.payments.path, element: page(() => import('./routes/payments.js')) },
          { path: paths.paymentVoucher.path, element: page(() => import('./routes/payment-voucher.js')) },
          { path: paths.consultation.path, element: page(() => import('./routes/consultation.js')) },
          { path: paths.consultationLink.path, element: page(() => import('./routes/consultation-link.js')) },
          { path: paths.help.path, element: page(() => import('./routes/help.js')) },
          { path: paths.contact.path, element: page(() => import('./routes/contact.js')) },
          { path: paths.helpArticle.path, element: page(() => import('./routes/help-article.js')) },
          { path: paths.messages.path, element: page(() => import('./routes/messages.js')) },
          { path: paths.newMessage.path, element: page(() => import('./routes/new-message.js')) },
          { path: paths.conversation.path, element: page(() => import('./routes/conversation.js')) },
          // Tiny and already needed by the error boundary, so not split out.
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

/**
 * Fetches the code of the page at `pathname` (the first page of a visit), so it renders with the
 * layout in one go: no spinner in between and nothing shifting when it arrives.
 */
export function preloadPage(pathname: string): Promise<unknown> {
  const matches = matchRoutes(routes, pathname) ?? [];
  return Promise.all(
    matches.map(({ route }) =>
      isValidElement(route.element) ? preloaders.get(route.element)?.() : undefined,
    ),
  );
}

function AppRoutes() {
  return useRoutes(routes);
}

export function AppRouter() {
  return (
    <BrowserRouter>
      {/* Last resort when the layout itself fails: no header parts that might fail again. */}
      <ErrorBoundary fallback={<RootErrorContent />}>
        <AppRoutes />
      </ErrorBoundary>
    </BrowserRouter>
  );
}
