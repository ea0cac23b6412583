/**
 * Which Query fields are staff queries (each needs a permission-matrix entry) and which are not.
 * Every Query field must be in exactly one of the two: a new field in neither fails completeness.test.ts.
 */

/** Query fields starting with this are staff queries. */
export const STAFF_QUERY_PREFIX = 'staff';

/** Staff queries whose name does not start with `staff`. */
export const STAFF_QUERIES: readonly string[] = [
  'developmentMailbox',
  'exportOrdersCsv',
  'merchantProducts',
  'merchantFunds',
  // In-site messages: the platform inbox of customer service and admins, merchant staff's store conversations.
  'conversations',
  'conversation',
  // Penalties (T2): the rule list and the audit log.
  'penaltyRules',
  'auditLog',
  // API keys (U1): the store's keys (merchant staff) or all keys (admins).
  'apiKeys',
  // Webhooks (U3): a store's subscriptions (merchant staff) or the platform-wide ones (admins), and delivery logs.
  'webhookSubscriptions',
  'webhookSubscription',
  'webhookDeliveries',
];

/** Query fields that are not staff queries, and why (they answer the public catalogue or the viewer's own data). */
export const PUBLIC_QUERIES: Readonly<Record<string, string>> = {
  cart: "the viewer's own cart or the guest cart of the token the caller holds",
  categories: 'public catalogue',
  checkout: "the viewer's own checkout; null for anyone else's",
  checkoutPreview: "prices the viewer's own cart; writes nothing",
  consultationReport: 'opened with the order key (a bearer secret), by design without signing in',
  helpArticle: 'public help center (published articles only)',
  helpArticles: 'public help center (published articles only)',
  node: 'each type decides what a viewer may see (orders and payments: own only); covered by the types’ tests',
  nodes: 'same as node',
  order: "the viewer's own order; null otherwise",
  payment: "the viewer's own payment; null otherwise",
  paymentConfirmation: "the viewer's own checkout's confirmation",
  paymentSettings: 'public payment methods and the publishable card key',
  product: 'public catalogue (on-sale products)',
  products: 'public catalogue (on-sale products)',
  viewer: 'the signed-in account itself, or null',
  unreadMessageCount: "a number over the viewer's own conversations only",
  myViolations:
    "the viewer's own violations (own account, and own store for merchant staff); covered by penalties.test.ts",
};

export function isStaffQuery(name: string): boolean {
  return name.startsWith(STAFF_QUERY_PREFIX) || STAFF_QUERIES.includes(name);
}
