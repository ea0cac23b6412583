import { fundsEn } from './funds';
import { insightsEn } from './insights';
import { ordersEn } from './orders';
import { platformEn } from './platform';
import { productsEn } from './products';
import { promotionsEn } from './promotions';
import { messagesEn } from './messages';
import { penaltiesEn } from './penalties';
import { safeFreezeEn } from './safeFreeze';
import { reviewsEn } from './reviews';
import { standingEn } from './standing';
import { apiKeysEn } from './apiKeys';
import { webhooksEn } from './webhooks';
/** English messages: the source of the message keys (the other languages must have exactly these). */
export const en = {
  app: {
    name: 'Marketplace Admin',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
  },
  auth: {
    login: {
      pageTitle: 'Sign in',
      title: 'Sign in to the management center',
      subtitle: 'For platform staff and merchant teams.',
      email: 'Email',
      password: 'Password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      shopperSession:
        'You are signed in as {{email}}, a shopper account. This app is for staff: sign in with a staff account to continue.',
      errors: {
        invalidCredentials: 'Email or password is incorrect.',
        tooManyAttempts: 'Too many sign-in attempts. Try again in {{minutes}} min.',
        staffOnly:
          'This app is for platform staff and merchant teams. Shopper accounts cannot use it, so you have been signed out. Please shop on the storefront.',
      },
    },
    logout: {
      submit: 'Sign out',
      submitting: 'Signing out…',
      failed: 'Could not sign out. Please try again.',
    },
    logoutEverywhere: {
      open: 'Sign out of all devices',
      title: 'Sign out of all devices?',
      text: 'This ends every session of your account: this browser and every other computer or phone where you are signed in. You will need your password to sign in again.',
      confirm: 'Sign out everywhere',
      cancel: 'Cancel',
      submitting: 'Signing out…',
      failed: 'Could not sign out. Check your connection and try again.',
    },
  },
  roles: {
    SHOPPER: 'Shopper',
    MERCHANT_STAFF: 'Merchant staff',
    CUSTOMER_SERVICE: 'Customer service',
    ADMIN: 'Platform admin',
  },
  nav: {
    label: 'Main navigation',
    openMenu: 'Menu',
    closeMenu: 'Close menu',
    sections: {
      dashboard: 'Dashboard',
      products: 'Products',
      orders: 'Orders',
      coupons: 'Coupons',
      funds: 'Funds',
      messages: 'Messages',
      contactRequests: 'Contact requests',
      users: 'Users',
      merchants: 'Merchants',
      penalties: 'Penalties',
      helpCenter: 'Help center',
      settlements: 'Settlements',
      auditLog: 'Audit log',
      mailbox: 'Mailbox',
      reviews: 'Reviews',
      team: 'Team',
      apiKeys: 'API keys',
      webhooks: 'Webhooks',
    },
  },
  dashboard: {
    greeting: 'Welcome, {{name}}',
    signedInAs: 'Signed in as {{role}}',
    yourAreas: 'Your areas',
    comingSoon: 'Coming soon',
  },
  mailbox: {
    title: 'Development mailbox',
    intro:
      'Every email the platform wrote, newest first. Without SMTP configured, this is where they are read.',
    filterLabel: 'Recipient',
    filter: 'Filter',
    emptyTitle: 'No emails',
    emptyBody: 'Nothing has been sent to this address yet.',
    count_one: '{{count}} email',
    count_other: '{{count}} emails',
    toLine: 'To {{to}}',
    template: 'Template {{template}} · language {{locale}}',
    loadMore: 'Load more',
    status: { PENDING: 'Queued', SENT: 'Delivered', FAILED: 'Failed' },
  },
  insights: insightsEn,
  funds: fundsEn,
  orders: ordersEn,
  products: productsEn,
  promotions: promotionsEn,
  reviews: reviewsEn,
  penalties: penaltiesEn,
  safeFreeze: safeFreezeEn,
  messages: messagesEn,
  platform: platformEn,
  standing: standingEn,
  apiKeys: apiKeysEn,
  webhooks: webhooksEn,
  section: {
    comingSoonTitle: 'Coming soon',
    comingSoonBody: 'This area is being built. It will appear here as soon as it is ready.',
    forbiddenTitle: 'No access',
    forbiddenBody: 'Your role does not include this area.',
    backToDashboard: 'Back to the dashboard',
  },
  errors: {
    title: 'Something went wrong',
    network: 'Could not reach the server. Check your connection and try again.',
    unexpected: 'An unexpected error occurred. Please try again.',
    reference: 'Reference: {{id}}',
    retry: 'Try again',
    notFoundTitle: 'Page not found',
    notFoundBody: 'There is no page at this address.',
    home: 'Go to the dashboard',
  },
} as const;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language's messages must have: the same keys as English, any text. */
export type Messages = Widen<typeof en>;
