/**
 * API key scopes and the ONE place where they are enforced (README.md): a declarative map of every Query and
 * Mutation root field to the scope a key needs for it. `scope-guard.ts` applies it to requests authenticated
 * by an API key only (sessions keep their role's full rights); `scopes.test.ts` fails when a root field has no
 * line here.
 */
export const API_KEY_SCOPES = [
  'catalog:read',
  'products:write',
  'orders:read',
  'orders:write',
  'funds:read',
  'webhooks:manage',
] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What each scope lets a key do (shown in the admin SPA and docs). */
export const API_KEY_SCOPE_DESCRIPTIONS: Readonly<Record<ApiKeyScope, string>> = {
  'catalog:read': "Read the store's products, including unpublished ones (merchantProducts).",
  'products:write': 'Create and edit products, variants and images; publish and unpublish them.',
  'orders:read': 'Read orders (staffOrders, staffOrder, CSV export, Order nodes).',
  'orders:write': 'Process orders: ship, notes, cancellation requests, consultation reports, closing.',
  'funds:read': 'Read balances, ledger and payouts.',
  'webhooks:manage': 'Create, change and delete webhook subscriptions; read and replay deliveries.',
};

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}

/**
 * What a key needs for a root field:
 * - a scope: the key must carry it (and the creator's role must allow the field, as for a session);
 * - `'none'`: public reading, any key may call it (still as its creator);
 * - `'session'`: refused for every key (signing in/out, passwords, managing keys, the shopper's own cart and
 *   checkout, conversations, platform operations that stay in the admin SPA).
 */
export type ScopeRequirement = ApiKeyScope | 'none' | 'session';

export const QUERY_SCOPES: Readonly<Record<string, ScopeRequirement>> = {
  // Public catalogue and help.
  products: 'none',
  product: 'none',
  categories: 'none',
  helpArticle: 'none',
  helpArticles: 'none',
  paymentSettings: 'none',
  // The key's creator and what the key may do.
  viewer: 'none',
  // node/nodes: checked per object type (NODE_TYPE_SCOPES).
  node: 'none',
  nodes: 'none',

  merchantProducts: 'catalog:read',

  staffOrders: 'orders:read',
  staffOrder: 'orders:read',
  staffOrderMerchants: 'orders:read',
  exportOrdersCsv: 'orders:read',

  merchantFunds: 'funds:read',
  staffFundsOverview: 'funds:read',
  staffPayouts: 'funds:read',

  apiKeys: 'session',

  // The shopper's own things, conversations, the mailbox and platform operations: sessions only.
  cart: 'session',
  checkout: 'session',
  checkoutPreview: 'session',
  order: 'session',
  payment: 'session',
  paymentConfirmation: 'session',
  consultationReport: 'session',
  conversation: 'session',
  conversations: 'session',
  unreadMessageCount: 'session',
  developmentMailbox: 'session',
  myViolations: 'session',
  penaltyRules: 'session',
  auditLog: 'session',
  staffActivities: 'session',
  staffActivity: 'session',
  staffClaim: 'session',
  staffClaims: 'session',
  staffContactRequest: 'session',
  staffContactRequests: 'session',
  staffCoupon: 'session',
  staffCoupons: 'session',
  staffDashboard: 'session',
  staffHelpArticle: 'session',
  staffHelpArticles: 'session',
  staffMerchant: 'session',
  staffMerchants: 'orders:read', // the store picker of order tools (replaces staffOrderMerchants)
  staffReviews: 'session',
  staffSanctions: 'session',
  staffUsers: 'session',
  staffViolation: 'session',
  staffViolations: 'session',

  // Webhooks (U3).
  webhookSubscriptions: 'webhooks:manage',
  webhookSubscription: 'webhooks:manage',
  webhookDeliveries: 'webhooks:manage',
};

export const MUTATION_SCOPES: Readonly<Record<string, ScopeRequirement>> = {
  createProduct: 'products:write',
  updateProduct: 'products:write',
  setProductVariants: 'products:write',
  addProductImage: 'products:write',
  removeProductImage: 'products:write',
  reorderProductImages: 'products:write',
  publishProduct: 'products:write',
  unpublishProduct: 'products:write',

  shipOrders: 'orders:write',
  addOrderNote: 'orders:write',
  approveCancellationRequest: 'orders:write',
  declineCancellationRequest: 'orders:write',
  deliverConsultationReport: 'orders:write',
  closeOrder: 'orders:write',

  // Keys themselves are managed with a session only (a leaked key cannot mint or revoke keys).
  createApiKey: 'session',
  revokeApiKey: 'session',

  // Accounts, buying, conversations, reviews, coupons/activities, platform operations: sessions only.
  register: 'session',
  login: 'session',
  logout: 'session',
  verifyEmail: 'session',
  requestPasswordReset: 'session',
  resetPassword: 'session',
  acceptInvitation: 'session',
  resendVerificationEmail: 'session',
  changePassword: 'session',
  updateProfile: 'session',
  setPreferredLocale: 'session',
  createAddress: 'session',
  updateAddress: 'session',
  deleteAddress: 'session',
  setDefaultAddress: 'session',
  addToCart: 'session',
  updateCartLine: 'session',
  removeCartLines: 'session',
  setCartLinesSelected: 'session',
  submitOrder: 'session',
  payOrder: 'session',
  confirmCardPayment: 'session',
  resendCardPaymentCode: 'session',
  completePayPalPayment: 'session',
  cancelPayPalPayment: 'session',
  requestOrderCancellation: 'session',
  confirmReceipt: 'session',
  cancelOrder: 'session',
  startConversation: 'session',
  replyToConversation: 'session',
  markConversationRead: 'session',
  writeReview: 'session',
  replyToReview: 'session',
  cancelReview: 'session',
  submitContactRequest: 'session',
  resolveContactRequest: 'session',
  fileClaim: 'session',
  decideClaim: 'session',
  createCoupon: 'session',
  updateCoupon: 'session',
  deactivateCoupon: 'session',
  reactivateCoupon: 'session',
  createActivity: 'session',
  updateActivity: 'session',
  cancelActivity: 'session',
  settleMerchantFunds: 'session',
  inviteMerchantStaff: 'session',
  resendInvitation: 'session',
  updateMerchant: 'session',
  createMerchant: 'session',
  createStaffAccount: 'session',
  disableAccount: 'session',
  enableAccount: 'session',
  disableMerchant: 'session',
  enableMerchant: 'session',
  deleteMerchantAccount: 'session',
  freezeMerchant: 'session',
  unfreezeMerchant: 'session',
  applyGeneralFreeze: 'session',
  liftGeneralFreeze: 'session',
  createPenaltyRule: 'session',
  updatePenaltyRule: 'session',
  recordViolation: 'session',
  markViolationCorrected: 'session',
  requestViolationCorrection: 'session',
  rejectViolationCorrection: 'session',
  createHelpArticle: 'session',
  updateHelpArticle: 'session',
  publishHelpArticle: 'session',
  unpublishHelpArticle: 'session',

  // Webhooks (U3).
  createWebhookSubscription: 'webhooks:manage',
  updateWebhookSubscription: 'webhooks:manage',
  deleteWebhookSubscription: 'webhooks:manage',
  replayWebhookDelivery: 'webhooks:manage',
};

/** node/nodes: what a key needs to refetch an object of this type; other types answer null to keys. */
export const NODE_TYPE_SCOPES: Readonly<Record<string, ScopeRequirement>> = {
  Product: 'none',
  ProductVariant: 'none',
  Merchant: 'none',
  Category: 'none',
  HelpArticle: 'none',
  Order: 'orders:read',
  WebhookSubscription: 'webhooks:manage',
  WebhookDelivery: 'webhooks:manage',
};

/** Whether a key with these scopes may use something that needs `requirement`. */
export function keyAllows(scopes: readonly string[], requirement: ScopeRequirement | undefined): boolean {
  if (requirement === undefined || requirement === 'session') return false;
  return requirement === 'none' || scopes.includes(requirement);
}
