import { GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { ActivitiesResolver } from '../modules/activities/activities.resolver.js';
import {
  ProductPricingResolver,
  VariantPricingResolver,
} from '../modules/activities/activity-pricing.resolver.js';
import { CouponsAdminResolver } from '../modules/coupons-admin/coupons-admin.resolver.js';
import { ConversationMessageResolver, MessagesResolver } from '../modules/messages/messages.resolver.js';
import { AccountSecurityResolver } from '../modules/accounts/account-security.resolver.js';
import { AccountsResolver } from '../modules/accounts/accounts.resolver.js';
import { AddressResolver } from '../modules/accounts/address.resolver.js';
import { CartLineResolver, CartResolver } from '../modules/cart/cart.resolver.js';
import {
  CategoryResolver,
  ImageResolver,
  MerchantResolver,
  ProductConnectionCountResolver,
  ProductResolver,
  ProductVariantResolver,
} from '../modules/catalog/catalog.resolver.js';
import {
  CatalogAdminImageResolver,
  CatalogAdminResolver,
  CatalogAdminVariantResolver,
} from '../modules/catalog-admin/catalog-admin.resolver.js';
import {
  CheckoutPreviewLineResolver,
  CheckoutPreviewOrderResolver,
  CheckoutResolver,
} from '../modules/checkout/checkout.resolver.js';
import { EmailResolver } from '../modules/email/email.resolver.js';
import { HelpResolver } from '../modules/help/help.resolver.js';
import { HelpAdminResolver } from '../modules/help/help-admin.resolver.js';
import { MerchantsAdminResolver } from '../modules/platform-admin/merchants-admin.resolver.js';
import { StaffAccountsResolver } from '../modules/platform-admin/staff-accounts.resolver.js';
import {
  OrderLineResolver,
  OrdersResolver,
  ViewerOrdersResolver,
} from '../modules/orders/orders.resolver.js';
import { ShippingResolver } from '../modules/orders/shipping.resolver.js';
import {
  OrderConnectionCountResolver,
  OrdersAdminResolver,
} from '../modules/orders-admin/orders-admin.resolver.js';
import { FundsResolver, PayoutResolver } from '../modules/funds/funds.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { PenaltiesResolver, SanctionResolver } from '../modules/penalties/penalties.resolver.js';
import { DashboardResolver } from '../modules/dashboard/dashboard.resolver.js';
import { ContactRequestsResolver } from '../modules/contact-requests/contact-requests.resolver.js';
import { ConsultingResolver, OrderReportResolver } from '../modules/consulting/consulting.resolver.js';
import {
  CheckoutPaymentResolver,
  PaymentsResolver,
  ViewerPaymentsResolver,
} from '../modules/payments/payments.resolver.js';
import { RefundsResolver } from '../modules/payments/refunds.resolver.js';
import {
  MerchantReviewsResolver,
  OrderReviewResolver,
  ProductReviewsResolver,
  ReviewsResolver,
  StaffReviewResolver,
} from '../modules/reviews/reviews.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { WebhooksResolver } from '../modules/webhooks/webhooks.resolver.js';
import {
  ClaimFieldsResolver,
  SafeFreezeResolver,
  StaffMerchantSafeFreezeResolver,
} from '../modules/safe-freeze/safe-freeze.resolver.js';
import { CapabilitiesResolver } from '../modules/capabilities/capabilities.resolver.js';
import { guardSchema } from '../modules/capabilities/capability-guard.js';
import { ApiKeysResolver } from '../modules/api-keys/api-keys.resolver.js';
import { guardScopes } from '../modules/api-keys/scope-guard.js';

/** ISO 8601 date-times in UTC, e.g. `2026-11-22T08:30:00.000Z`. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeISOResolver.toConfig(),
  name: 'DateTime',
  description: 'An ISO 8601 date-time in UTC, e.g. `2026-11-22T08:30:00.000Z`.',
  specifiedByURL: 'https://scalars.graphql.org/chillicream/date-time.html',
});

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      NodeResolver,
      CapabilitiesResolver,
      ProductResolver,
      ProductConnectionCountResolver,
      ProductVariantResolver,
      MerchantResolver,
      CategoryResolver,
      ImageResolver,
      CatalogAdminResolver,
      CatalogAdminVariantResolver,
      CatalogAdminImageResolver,
      CartResolver,
      CartLineResolver,
      AccountsResolver,
      AccountSecurityResolver,
      AddressResolver,
      EmailResolver,
      HelpResolver,
      HelpAdminResolver,
      StaffAccountsResolver,
      MerchantsAdminResolver,
      CheckoutResolver,
      CheckoutPreviewOrderResolver,
      CheckoutPreviewLineResolver,
      OrdersResolver,
      OrderLineResolver,
      ViewerOrdersResolver,
      ShippingResolver,
      OrdersAdminResolver,
      OrderConnectionCountResolver,
      CouponsAdminResolver,
      ActivitiesResolver,
      VariantPricingResolver,
      ProductPricingResolver,
      FundsResolver,
      PayoutResolver,
      PenaltiesResolver,
      SanctionResolver,
      AuditResolver,
      DashboardResolver,
      ContactRequestsResolver,
      MessagesResolver,
      ConversationMessageResolver,
      PaymentsResolver,
      ViewerPaymentsResolver,
      CheckoutPaymentResolver,
      RefundsResolver,
      ConsultingResolver,
      OrderReportResolver,
      ReviewsResolver,
      SafeFreezeResolver,
      ClaimFieldsResolver,
      StaffMerchantSafeFreezeResolver,
      StaffReviewResolver,
      MerchantReviewsResolver,
      ProductReviewsResolver,
      OrderReviewResolver,
      ApiKeysResolver,
      WebhooksResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Input shape is validated inside services so failures become typed userErrors.
    validate: false,
    emitSchemaFile: false,
  })
    .then(guardSchema)
    .then(guardScopes)
    .then(describeRootTypes);
}

/** type-graphql builds the root types without descriptions. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reading: every entry point of the API (docs/api.md).';
  if (mutation) {
    mutation.description =
      'Changing: each mutation runs in one transaction and answers a payload with `userErrors` (empty on success).';
  }
  return schema;
}
