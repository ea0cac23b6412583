import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { ActivitiesService } from '../modules/activities/activities.service.js';
import { CouponsAdminService } from '../modules/coupons-admin/coupons-admin.service.js';
import { AccountSecurityService } from '../modules/accounts/account-security.service.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { AddressService } from '../modules/accounts/address.service.js';
import type { Viewer } from '../modules/accounts/viewer.js';
import { CartService } from '../modules/cart/cart.service.js';
import { CatalogService } from '../modules/catalog/catalog.service.js';
import { CatalogAdminService } from '../modules/catalog-admin/catalog-admin.service.js';
import { CheckoutService } from '../modules/checkout/checkout.service.js';
import { ContactRequestsService } from '../modules/contact-requests/contact-requests.service.js';
import { DashboardService } from '../modules/dashboard/dashboard.service.js';
import { MailboxService } from '../modules/email/mailbox.service.js';
import { MessagesService } from '../modules/messages/messages.service.js';
import { FundsService } from '../modules/funds/funds.service.js';
import { AuditService } from '../modules/audit/audit.queries.js';
import { PenaltiesService } from '../modules/penalties/penalties.service.js';
import { HelpService } from '../modules/help/help.service.js';
import { HelpAdminService } from '../modules/help/help-admin.service.js';
import { MerchantsAdminService } from '../modules/platform-admin/merchants-admin.service.js';
import { StaffAccountsService } from '../modules/platform-admin/staff-accounts.service.js';
import { OrdersService } from '../modules/orders/orders.service.js';
import { OrdersAdminService } from '../modules/orders-admin/orders-admin.service.js';
import { ShippingService } from '../modules/orders/shipping.service.js';
import { ConsultingService } from '../modules/consulting/consulting.service.js';
import { PaymentHistoryService } from '../modules/payments/payment-history.service.js';
import { PaymentReturnsService } from '../modules/payments/payment-returns.service.js';
import { PaymentsService } from '../modules/payments/payments.service.js';
import { RefundsService } from '../modules/payments/refunds.service.js';
import { ClaimsService } from '../modules/safe-freeze/claims.service.js';
import { SafeFreezeService } from '../modules/safe-freeze/safe-freeze.service.js';
import { ReviewsService } from '../modules/reviews/reviews.service.js';
import { WebhooksService } from '../modules/webhooks/webhooks.service.js';
import { ApiKeysService } from '../modules/api-keys/api-keys.service.js';

/** Request-scoped use cases; resolvers call these and never the EntityManager. */
export function createServices(em: EntityManager, viewer: Viewer | null, config: Config) {
  return {
    accounts: new AccountsService(em, viewer, config),
    accountSecurity: new AccountSecurityService(em, viewer, config),
    addresses: new AddressService(em, viewer),
    catalog: new CatalogService(em),
    catalogAdmin: new CatalogAdminService(em, viewer, config),
    couponsAdmin: new CouponsAdminService(em, viewer, config),
    activities: new ActivitiesService(em, viewer, config),
    cart: new CartService(em, viewer),
    mailbox: new MailboxService(em, viewer),
    messages: new MessagesService(em, viewer, config),
    help: new HelpService(em, viewer, config),
    helpAdmin: new HelpAdminService(em, viewer),
    staffAccounts: new StaffAccountsService(em, viewer, config),
    merchantsAdmin: new MerchantsAdminService(em, viewer, config),
    checkout: new CheckoutService(em, viewer, config),
    orders: new OrdersService(em, viewer, config),
    shipping: new ShippingService(em, viewer, config),
    ordersAdmin: new OrdersAdminService(em, viewer, config),
    funds: new FundsService(em, viewer, config),
    penalties: new PenaltiesService(em, viewer, config),
    audit: new AuditService(em, viewer),
    dashboard: new DashboardService(em, viewer, config),
    contactRequests: new ContactRequestsService(em, viewer),
    payments: new PaymentsService(em, viewer, config),
    paymentReturns: new PaymentReturnsService(em, viewer, config),
    paymentHistory: new PaymentHistoryService(em, viewer, config),
    refunds: new RefundsService(em, viewer, config),
    safeFreeze: new SafeFreezeService(em, viewer, config),
    claims: new ClaimsService(em, viewer, config),
    consulting: new ConsultingService(em, viewer, config),
    reviews: new ReviewsService(em, viewer),
    webhooks: new WebhooksService(em, viewer, config),
    apiKeys: new ApiKeysService(em, viewer),
  };
}

export type Services = ReturnType<typeof createServices>;
