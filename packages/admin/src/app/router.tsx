import type { ApolloClient } from '@apollo/client';
import { createBrowserRouter, RouterContextProvider, type RouteObject } from 'react-router';
import { SECTIONS, type Section, type SectionRouteHandle } from '../features/dashboard/lib/navigation';
import { paths } from './paths';
import { apolloClientContext } from './router-context';
import { NotFound, RouteErrorBoundary, RouteLoading } from './routes/route-states';

/**
 * The pages of each built section (one line per route; a section may have several, e.g. a list and a
 * detail). Sections without an entry get a placeholder page at their URL.
 */
const SECTION_ROUTES: { section: Section; path: string; lazy: RouteObject['lazy'] }[] = [
  { section: 'users', path: paths.users.path, lazy: () => import('./routes/users') },
  { section: 'team', path: paths.team.path, lazy: () => import('./routes/team') },
  { section: 'apiKeys', path: paths.apiKeys.path, lazy: () => import('./routes/api-keys') },
  { section: 'webhooks', path: paths.webhooks.path, lazy: () => import('./routes/webhooks') },
  { section: 'merchants', path: paths.merchants.path, lazy: () => import('./routes/merchants') },
  { section: 'merchants', path: paths.merchant.path, lazy: () => import('./routes/merchant') },
  { section: 'helpCenter', path: paths.helpCenter.path, lazy: () => import('./routes/help-center') },
  { section: 'mailbox', path: paths.mailbox.path, lazy: () => import('./routes/mailbox') },
  { section: 'products', path: paths.products.path, lazy: () => import('./routes/products') },
  { section: 'orders', path: paths.orders.path, lazy: () => import('./routes/orders') },
  { section: 'orders', path: paths.order.path, lazy: () => import('./routes/order') },
  { section: 'reviews', path: paths.reviews.path, lazy: () => import('./routes/reviews') },
  { section: 'messages', path: paths.messages.path, lazy: () => import('./routes/messages') },
  { section: 'messages', path: paths.conversation.path, lazy: () => import('./routes/messages') },
  { section: 'coupons', path: paths.coupons.path, lazy: () => import('./routes/coupons') },
  { section: 'funds', path: paths.funds.path, lazy: () => import('./routes/funds') },
  { section: 'settlements', path: paths.settlements.path, lazy: () => import('./routes/settlements') },
  { section: 'penalties', path: paths.penalties.path, lazy: () => import('./routes/penalties') },
  { section: 'auditLog', path: paths.auditLog.path, lazy: () => import('./routes/audit-log') },
  { section: 'penalties', path: paths.claims.path, lazy: () => import('./routes/claims') },
  { section: 'penalties', path: paths.penaltyRules.path, lazy: () => import('./routes/penalty-rules') },
  {
    section: 'contactRequests',
    path: paths.contactRequests.path,
    lazy: () => import('./routes/contact-requests'),
  },
];

const sectionRoute = ({ section, path, lazy }: (typeof SECTION_ROUTES)[number]): RouteObject =>
  ({ path, handle: { section } satisfies SectionRouteHandle, lazy }) as RouteObject;

// Areas not built yet: each gets its own URL now so links and bookmarks keep working later.
const PLACEHOLDER_SECTIONS = SECTIONS.filter(
  (section) =>
    section !== 'dashboard' &&
    !SECTION_ROUTES.some((route) => route.section === section && route.path === paths[section].path),
);

const placeholderRoute = (section: Exclude<Section, 'dashboard'>): RouteObject => ({
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
          // The invitation link's page: public, like the sign-in page.
          { path: paths.setPassword.path, lazy: () => import('./routes/set-password') },
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
                    // The dashboard, with merchant staff's open warnings above it.
                    lazy: () => import('./routes/home'),
                  },
                  ...SECTION_ROUTES.map(sectionRoute),
                  ...PLACEHOLDER_SECTIONS.map((section) =>
                    placeholderRoute(section as Exclude<Section, 'dashboard'>),
                  ),
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
