import type { CapabilityAction } from '@marketplace/core';

/**
 * The declarative form of the capability check: what every Mutation field needs of the caller's standing
 * (README.md). The schema guard checks it before the resolver runs; `mutation-capabilities.test.ts` fails
 * when a Mutation field has no line here.
 *
 * `'none'`: no standing needed — operations of guests (the token or the password is the credential) and
 * operations that must work whatever the sanction (signing out, locking a team member out).
 * Role checks (who may call it at all) stay in the services; platform-staff operations are
 * `'platform.operate'` (platform staff have no sanctions, so this only matters if one is ever restricted).
 */
export const MUTATION_CAPABILITIES: Readonly<Record<string, CapabilityAction | 'none'>> = {
  // Accounts (the caller's own account).
  register: 'none',
  login: 'none',
  logout: 'none',
  verifyEmail: 'none',
  requestPasswordReset: 'none',
  resetPassword: 'none',
  acceptInvitation: 'none',
  resendVerificationEmail: 'account.manage',
  changePassword: 'account.manage',
  updateProfile: 'account.manage',
  setPreferredLocale: 'account.manage',
  createAddress: 'account.manage',
  updateAddress: 'account.manage',
  deleteAddress: 'account.manage',
  setDefaultAddress: 'account.manage',

  // Buying: cart, checkout, payment, the shopper's own orders (kept under a general freeze).
  addToCart: 'purchase',
  updateCartLine: 'purchase',
  removeCartLines: 'purchase',
  setCartLinesSelected: 'purchase',
  submitOrder: 'purchase',
  payOrder: 'purchase',
  confirmCardPayment: 'purchase',
  resendCardPaymentCode: 'purchase',
  completePayPalPayment: 'purchase',
  cancelPayPalPayment: 'purchase',
  requestOrderCancellation: 'purchase',
  confirmReceipt: 'purchase',
  cancelOrder: 'purchase',

  // Order processing (kept under a general freeze; refused under a safe freeze).
  shipOrders: 'order.process',
  deliverConsultationReport: 'order.process',
  approveCancellationRequest: 'order.process',
  declineCancellationRequest: 'order.process',

  // Listings.
  createProduct: 'listing.edit',
  updateProduct: 'listing.edit',
  setProductVariants: 'listing.edit',
  addProductImage: 'listing.edit',
  removeProductImage: 'listing.edit',
  reorderProductImages: 'listing.edit',
  publishProduct: 'listing.publish',
  unpublishProduct: 'listing.publish',

  // Coupons and activities.
  createCoupon: 'coupon.manage',
  updateCoupon: 'coupon.manage',
  deactivateCoupon: 'coupon.manage',
  reactivateCoupon: 'coupon.manage',
  createActivity: 'coupon.manage',
  updateActivity: 'coupon.manage',
  cancelActivity: 'coupon.manage',

  // The store and its team.
  updateMerchant: 'store.profile',
  inviteMerchantStaff: 'team.manage',
  resendInvitation: 'team.manage',
  createStaffAccount: 'team.manage',
  enableAccount: 'team.manage',
  // Locking an account out is a safety action: allowed whatever the store's standing.
  disableAccount: 'none',

  // Contact form (payment or order problems).
  submitContactRequest: 'support.contact',

  // Platform operations (customer service, admins).
  settleMerchantFunds: 'platform.operate',
  createMerchant: 'platform.operate',
  disableMerchant: 'platform.operate',
  enableMerchant: 'platform.operate',
  createHelpArticle: 'platform.operate',
  updateHelpArticle: 'platform.operate',
  publishHelpArticle: 'platform.operate',
  unpublishHelpArticle: 'platform.operate',
  resolveContactRequest: 'platform.operate',
  closeOrder: 'platform.operate',
  addOrderNote: 'platform.operate',

  // In-site messages (T4): a general freeze still lets the account answer, not start a conversation.
  startConversation: 'conversation.start',
  replyToConversation: 'conversation.reply',
  markConversationRead: 'none',

  // Reviews (T5).
  writeReview: 'review.write',
  replyToReview: 'review.reply',
  cancelReview: 'platform.operate',

  // Safe freeze, account deletion, claims (T3): platform admins only.
  freezeMerchant: 'platform.operate',
  unfreezeMerchant: 'platform.operate',
  deleteMerchantAccount: 'platform.operate',
  fileClaim: 'platform.operate',
  decideClaim: 'platform.operate',

  // Violations, warnings, general freeze (T2): staff operations; the affected account may always answer a warning.
  createPenaltyRule: 'platform.operate',
  updatePenaltyRule: 'platform.operate',
  recordViolation: 'platform.operate',
  markViolationCorrected: 'platform.operate',
  rejectViolationCorrection: 'platform.operate',
  requestViolationCorrection: 'violation.respond',
  applyGeneralFreeze: 'platform.operate',
  liftGeneralFreeze: 'platform.operate',

  // API keys (U1): creating one is like giving access to the team (refused under a safe freeze); revoking always
  // works (a sanction must not keep a leaked key alive).
  createApiKey: 'team.manage',
  revokeApiKey: 'none',

  // Webhooks (U3): a store's subscriptions are store settings (refused while the store is frozen).
  createWebhookSubscription: 'store.profile',
  updateWebhookSubscription: 'store.profile',
  deleteWebhookSubscription: 'store.profile',
  replayWebhookDelivery: 'store.profile',
};
