/**
 * Every URL of the admin SPA, in one place. Routes use `path`; links and redirects use `getHref()`.
 * Dependency-free on purpose: features may read it without depending on the rest of `app/`.
 */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  auth: {
    login: {
      path: '/login',
      /** `next` is where to go after signing in; the login page sanitizes it before use. */
      getHref: (next?: string | null) =>
        next && next !== '/' ? `/login?${new URLSearchParams({ next }).toString()}` : '/login',
    },
  },
  products: { path: '/products', getHref: () => '/products' },
  orders: { path: '/orders', getHref: () => '/orders' },
  order: {
    path: '/orders/:number',
    getHref: (number: string) => `/orders/${encodeURIComponent(number)}`,
  },
  reviews: { path: '/reviews', getHref: () => '/reviews' },
  coupons: { path: '/coupons', getHref: () => '/coupons' },
  funds: { path: '/funds', getHref: () => '/funds' },
  messages: { path: '/messages', getHref: () => '/messages' },
  conversation: {
    path: '/messages/:id',
    getHref: (id: string) => `/messages/${encodeURIComponent(id)}`,
  },
  contactRequests: { path: '/contact-requests', getHref: () => '/contact-requests' },
  users: { path: '/users', getHref: () => '/users' },
  merchants: { path: '/merchants', getHref: () => '/merchants' },
  merchant: {
    path: '/merchants/:id',
    getHref: (id: string) => `/merchants/${encodeURIComponent(id)}`,
  },
  team: { path: '/team', getHref: () => '/team' },
  apiKeys: { path: '/api-keys', getHref: () => '/api-keys' },
  webhooks: { path: '/webhooks', getHref: () => '/webhooks' },
  setPassword: { path: '/set-password', getHref: () => '/set-password' },
  penalties: { path: '/penalties', getHref: () => '/penalties' },
  claims: { path: '/penalties/claims', getHref: () => '/penalties/claims' },
  penaltyRules: { path: '/penalties/rules', getHref: () => '/penalties/rules' },
  helpCenter: { path: '/help-center', getHref: () => '/help-center' },
  settlements: { path: '/settlements', getHref: () => '/settlements' },
  auditLog: { path: '/audit-log', getHref: () => '/audit-log' },
  mailbox: { path: '/mailbox', getHref: () => '/mailbox' },
} as const;
