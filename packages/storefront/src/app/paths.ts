/**
 * Every URL of the storefront in one place: routes use `path`, links use `getHref`, so renaming
 * a route is one edit. Search parameters are part of a URL's shape and are built here too.
 */

/** How the product-kind filter is spelled in URLs (`?kind=services`). */
export type KindParam = 'goods' | 'services';

export type CatalogParams = {
  /** Category handle. */
  readonly category?: string | null;
  readonly kind?: KindParam | null;
};

export type SearchParams = CatalogParams & { readonly q: string };

function withQuery(pathname: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const trimmed = value?.trim();
    if (trimmed) query.set(key, trimmed);
  }
  const search = query.toString();
  return search ? `${pathname}?${search}` : pathname;
}

export const paths = {
  home: {
    path: '/',
    getHref: (params: CatalogParams = {}) => withQuery('/', { kind: params.kind, category: params.category }),
  },
  search: {
    path: '/search',
    getHref: (params: SearchParams) =>
      withQuery('/search', { q: params.q, kind: params.kind, category: params.category }),
  },
  product: {
    path: '/products/:handle',
    getHref: (handle: string) => `/products/${encodeURIComponent(handle)}`,
  },
  cart: {
    path: '/cart',
    getHref: () => '/cart',
  },
  // Accounts
  signIn: {
    path: '/sign-in',
    /** `next`: a same-site path to return to after signing in. */
    getHref: (next?: string | null) => withQuery('/sign-in', { next }),
  },
  register: { path: '/register', getHref: () => '/register' },
  verifyEmail: {
    path: '/verify-email',
    getHref: (token?: string | null) => withQuery('/verify-email', { token }),
  },
  forgotPassword: { path: '/forgot-password', getHref: () => '/forgot-password' },
  resetPassword: {
    path: '/reset-password',
    getHref: (token?: string | null) => withQuery('/reset-password', { token }),
  },
  account: { path: '/account', getHref: () => '/account' },
  addresses: { path: '/account/addresses', getHref: () => '/account/addresses' },
  changePassword: { path: '/account/password', getHref: () => '/account/password' },
  // Checkout and "Personal Center → My Orders"
  checkout: {
    path: '/checkout',
    /** Buy now: one variant checked out directly, without touching the cart. */
    getHref: (buyNow?: { variantId: string; quantity: number } | null) =>
      withQuery('/checkout', {
        variant: buyNow?.variantId,
        quantity: buyNow ? String(buyNow.quantity) : null,
      }),
  },
  orders: {
    path: '/account/orders',
    getHref: (status?: string | null) => withQuery('/account/orders', { status }),
  },
  order: {
    path: '/account/orders/:number',
    getHref: (orderNumber: string) => `/account/orders/${encodeURIComponent(orderNumber)}`,
  },
  checkoutComplete: {
    path: '/checkout/complete/:checkoutId',
    /** `notice`: why the shopper is back on the pay step (`cancelled`: left the PayPal page through "cancel"). */
    getHref: (checkoutId: string, notice?: 'cancelled' | null) =>
      withQuery(`/checkout/complete/${encodeURIComponent(checkoutId)}`, { payment: notice }),
  },
  // Payments: PayPal sends the shopper back to these pages (it appends `token` and `PayerID`).
  paypalReturn: {
    path: '/checkout/paypal/return',
    getHref: (checkoutId: string) => withQuery('/checkout/paypal/return', { checkoutId }),
  },
  paypalCancel: {
    path: '/checkout/paypal/cancel',
    getHref: (checkoutId: string) => withQuery('/checkout/paypal/cancel', { checkoutId }),
  },
  payments: { path: '/account/payments', getHref: () => '/account/payments' },
  paymentVoucher: {
    path: '/account/payments/:id/voucher',
    getHref: (paymentId: string) => `/account/payments/${encodeURIComponent(paymentId)}/voucher`,
  },
  // Consulting services: the report, opened with the order number and order key (no sign-in).
  consultation: {
    path: '/consultation/:orderNumber?',
    getHref: (orderNumber?: string | null) =>
      orderNumber ? `/consultation/${encodeURIComponent(orderNumber)}` : '/consultation',
  },
  /** The plural form some emails use; redirects to `consultation`, keeping the `#key=` fragment. */
  consultationLink: { path: '/consultations/:orderNumber' },
  // Help center
  help: { path: '/help', getHref: () => '/help' },
  helpArticle: {
    path: '/help/:slug',
    getHref: (slug: string) => `/help/${encodeURIComponent(slug)}`,
  },
  contact: { path: '/help/contact', getHref: () => '/help/contact' },
  // In-site messages ("station letters")
  messages: {
    path: '/account/messages',
    getHref: (filter?: 'unread' | null) => withQuery('/account/messages', { filter }),
  },
  newMessage: {
    path: '/account/messages/new',
    /** Without an order: to customer service; with one: to that order's store (`to=store`) or about it. */
    getHref: (about?: { orderId: string; orderNumber: string; to: 'store' | 'support' } | null) =>
      withQuery('/account/messages/new', {
        orderId: about?.orderId,
        order: about?.orderNumber,
        to: about?.to,
      }),
  },
  conversation: {
    path: '/account/messages/:id',
    getHref: (conversationId: string) => `/account/messages/${encodeURIComponent(conversationId)}`,
  },
} as const;
