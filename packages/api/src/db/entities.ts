import { ApiKeyEntity } from '../modules/api-keys/api-key.entity.js';
import { ActivityEntity, ActivityProductEntity } from '../modules/activities/activity.entity.js';
import { AccountTokenEntity } from '../modules/accounts/account-token.entity.js';
import { AddressEntity } from '../modules/accounts/address.entity.js';
import { LoginAttemptEntity } from '../modules/accounts/login-attempt.entity.js';
import { SessionEntity } from '../modules/accounts/session.entity.js';
import { UserEntity } from '../modules/accounts/user.entity.js';
import { CartEntity, CartLineEntity } from '../modules/cart/cart.entity.js';
import { CategoryEntity } from '../modules/catalog/category.entity.js';
import { MerchantEntity } from '../modules/catalog/merchant.entity.js';
import { ProductImageEntity } from '../modules/catalog/product-image.entity.js';
import { ProductVariantEntity } from '../modules/catalog/product-variant.entity.js';
import { ProductEntity } from '../modules/catalog/product.entity.js';
import { CheckoutEntity } from '../modules/checkout/checkout.entity.js';
import { CouponRedemptionEntity } from '../modules/coupons/coupon-redemption.entity.js';
import { CouponEntity } from '../modules/coupons/coupon.entity.js';
import { CouponAttemptEntity } from '../modules/coupons/coupon-attempt.entity.js';
import { AuditLogEntryEntity } from '../modules/audit/audit.entity.js';
import { EmailMessageEntity } from '../modules/email/email.entity.js';
import { JobWorkerEntity } from '../jobs/job-worker.entity.js';
import { LedgerEntryEntity, PayoutEntity } from '../modules/funds/funds.entity.js';
import {
  ConsultationReportEntity,
  OrderKeyEntity,
  OrderKeyFailureEntity,
} from '../modules/consulting/consulting.entity.js';
import { ContactRequestEntity } from '../modules/help/contact-request.entity.js';
import { HelpArticleEntity } from '../modules/help/help-article.entity.js';
import {
  OrderCancellationRequestEntity,
  OrderEntity,
  OrderHistoryEntity,
  OrderLineEntity,
} from '../modules/orders/order.entity.js';
import {
  ConversationEntity,
  ConversationMessageEntity,
  ConversationReadEntity,
} from '../modules/messages/conversation.entity.js';
import { OrderNoteEntity } from '../modules/orders-admin/order-note.entity.js';
import { PenaltyRuleEntity, SanctionEntity, ViolationEntity } from '../modules/penalties/penalty.entity.js';
import { MerchantStatusChangeEntity } from '../modules/platform-admin/merchant-status-change.entity.js';
import {
  PaymentEntity,
  PaymentRefundEntity,
  PaymentWebhookEventEntity,
} from '../modules/payments/payment.entity.js';
import { ReviewEntity } from '../modules/reviews/review.entity.js';
import {
  WebhookDeliveryEntity,
  WebhookEventEntity,
  WebhookSubscriptionEntity,
} from '../modules/webhooks/webhook.entity.js';
import { RateBudgetEntity } from '../graphql/limits/rate-budget.entity.js';
import {
  ClaimCompensationEntity,
  ClaimEntity,
  ClaimOrderEntity,
  ClaimUserEntity,
  SafeFreezeEntity,
} from '../modules/safe-freeze/safe-freeze.entity.js';

export const ENTITIES = [
  MerchantEntity,
  CategoryEntity,
  ProductEntity,
  ProductVariantEntity,
  ProductImageEntity,
  UserEntity,
  SessionEntity,
  AccountTokenEntity,
  AddressEntity,
  LoginAttemptEntity,
  CartEntity,
  CartLineEntity,
  CouponEntity,
  CouponAttemptEntity,
  CheckoutEntity,
  CouponRedemptionEntity,
  OrderEntity,
  OrderLineEntity,
  OrderHistoryEntity,
  OrderCancellationRequestEntity,
  EmailMessageEntity,
  HelpArticleEntity,
  ContactRequestEntity,
  PaymentEntity,
  PaymentRefundEntity,
  PaymentWebhookEventEntity,
  OrderKeyEntity,
  ConsultationReportEntity,
  OrderKeyFailureEntity,
  OrderNoteEntity,
  MerchantStatusChangeEntity,
  ActivityEntity,
  ActivityProductEntity,
  PayoutEntity,
  LedgerEntryEntity,
  PenaltyRuleEntity,
  ViolationEntity,
  SanctionEntity,
  AuditLogEntryEntity,
  ConversationEntity,
  ConversationMessageEntity,
  ConversationReadEntity,
  ReviewEntity,
  RateBudgetEntity,
  SafeFreezeEntity,
  ClaimEntity,
  ClaimOrderEntity,
  ClaimUserEntity,
  ClaimCompensationEntity,
  ApiKeyEntity,
  WebhookSubscriptionEntity,
  WebhookEventEntity,
  WebhookDeliveryEntity,
  JobWorkerEntity,
];
