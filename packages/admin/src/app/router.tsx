import type { ApolloClient } from '@apollo/client';
import { createBrowserRouter, RouterContextProvider, type RouteObject } from 'react-router';
import { SECTIONS, type Section, type SectionRouteHandle } from '../features/dashboard/lib/navigation';
import { paths } from './paths';
import { apolloClientContext } from './router-context';
import { NotFound, RouteErrorBoundary, RouteLoading } from './routes/route-states';

type PlaceholderSection = Exclude<Section, 'dashboard' | 'mailbox' | 'orders' | 'products'>;

// Areas not built yet: each gets its own URL now so links and bookmarks keep working later.
const PLACEHOLDER_SECTIONS = SECTIONS.filter(
  (section): section is PlaceholderSection =>
    section !== 'dashboard' && section !== 'mailbox' && section !== 'orders' && section !== 'products',
);

const placeholderRoute = (section: PlaceholderSection): RouteObject => ({
  path: paths[section].path,
  handle: { section } satisfies SectionRouteHandle,
  lazy: async () => ({
    Component: (await import('../features/dashboard/components/section-page')).SectionPage,
  }),
});

export function createAppRouter(client: ApolloClient) {
  return createBrowserRouter(
    [
      {
        id: 'root',
        ErrorBoundary: RouteErrorBoundary,
        HydrateFallback: RouteLoading,
        children: [
          { path: paths.auth.login.path, lazy: () => import('./routes/login') },
          {
            // Everything else needs a signed-in staff account (the loader of this layout checks).
            lazy: () => import('./routes/app-layout'),
            children: [
              {
                // Errors of a page show inside the shell, so the navigation stays usable.
                ErrorBoundary: RouteErrorBoundary,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('../features/dashboard/components/dashboard-page'))
                        .DashboardPage,
                    }),
                  },
                  {
                    path: paths.mailbox.path,
                    handle: { section: 'mailbox' } satisfies SectionRouteHandle,
                    lazy: () => import('./routes/mailbox'),
                  },
                  {
                    path: paths.products.path,
                    handle: { section: 'products' } satisfies SectionRouteHandle,
                    lazy: () => import('./routes/products'),
                  },
                  {
                    path: paths.orders.path,
                    handle: { section: 'orders' } satisfies SectionRouteHandle,
                    lazy: () => import('./routes/orders'),
                  },
                  {
                    path: paths.order.path,
                    handle: { section: 'orders' } satisfies SectionRouteHandle,
                    lazy: () => import('./routes/order'),
                  },
                  ...PLACEHOLDER_SECTIONS.map(placeholderRoute),
                  { path: '*', Component: NotFound },
                ],
              },
            ],
          },
        ],
      },
    ],
    {
      getContext: () => {
        const context = new RouterContextProvider();
        context.set(apolloClientContext, client);
        return context;
      },
    },
  );
}
