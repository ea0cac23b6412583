import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122004303_initial } from './Migration20261122004303_initial.js';
import { Migration20261122010546_email_outbox } from './Migration20261122010546_email_outbox.js';
import { Migration20261122020000_accounts } from './Migration20261122020000_accounts.js';
import { Migration20261122020100_orders } from './Migration20261122020100_orders.js';
import { Migration20261122020200_help } from './Migration20261122020200_help.js';
import { Migration20261122030000_order_address_region } from './Migration20261122030000_order_address_region.js';
import { Migration20261122040000_payments } from './Migration20261122040000_payments.js';
import { Migration20261122050000_shipping } from './Migration20261122050000_shipping.js';
import { Migration20261122060100_order_ops } from './Migration20261122060100_order_ops.js';
import { Migration20261122070100_platform_admin } from './Migration20261122070100_platform_admin.js';
import { Migration20261122070200_merchant_funds } from './Migration20261122070200_merchant_funds.js';
import { Migration20261122070300_activities } from './Migration20261122070300_activities.js';
import { Migration20261122070400_dashboard_contact_requests } from './Migration20261122070400_dashboard_contact_requests.js';
import { Migration20261122080100_capabilities } from './Migration20261122080100_capabilities.js';
import { Migration20261122080200_penalties } from './Migration20261122080200_penalties.js';
import { Migration20261122080300_safe_freeze_claims } from './Migration20261122080300_safe_freeze_claims.js';
import { Migration20261122080400_messages } from './Migration20261122080400_messages.js';
import { Migration20261122080500_reviews } from './Migration20261122080500_reviews.js';
import { Migration20261122090100_api_keys } from './Migration20261122090100_api_keys.js';
import { Migration20261122090200_rate_budget } from './Migration20261122090200_rate_budget.js';
import { Migration20261122090300_webhooks } from './Migration20261122090300_webhooks.js';
import { Migration20261122100300_write_paths } from './Migration20261122100300_write_paths.js';
import { Migration20261122100400_order_read_paths } from './Migration20261122100400_order_read_paths.js';
import { Migration20261122110100_coupon_attempts } from './Migration20261122110100_coupon_attempts.js';
import { Migration20261122110200_private_evidence } from './Migration20261122110200_private_evidence.js';
import { Migration20261122110300_job_worker_heartbeat } from './Migration20261122110300_job_worker_heartbeat.js';
import { Migration20261122120000_payment_history_keyset } from './Migration20261122120000_payment_history_keyset.js';

/** Every committed migration, in order. Listed explicitly so the same code runs from source and in tests. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122004303_initial', class: Migration20261122004303_initial },
  { name: 'Migration20261122010546_email_outbox', class: Migration20261122010546_email_outbox },
  { name: 'Migration20261122020000_accounts', class: Migration20261122020000_accounts },
  { name: 'Migration20261122020100_orders', class: Migration20261122020100_orders },
  { name: 'Migration20261122020200_help', class: Migration20261122020200_help },
  {
    name: 'Migration20261122030000_order_address_region',
    class: Migration20261122030000_order_address_region,
  },
  { name: 'Migration20261122040000_payments', class: Migration20261122040000_payments },
  { name: 'Migration20261122050000_shipping', class: Migration20261122050000_shipping },
  { name: 'Migration20261122060100_order_ops', class: Migration20261122060100_order_ops },
  { name: 'Migration20261122070100_platform_admin', class: Migration20261122070100_platform_admin },
  { name: 'Migration20261122070200_merchant_funds', class: Migration20261122070200_merchant_funds },
  { name: 'Migration20261122070300_activities', class: Migration20261122070300_activities },
  {
    name: 'Migration20261122070400_dashboard_contact_requests',
    class: Migration20261122070400_dashboard_contact_requests,
  },
  { name: 'Migration20261122080100_capabilities', class: Migration20261122080100_capabilities },
  { name: 'Migration20261122080200_penalties', class: Migration20261122080200_penalties },
  { name: 'Migration20261122080300_safe_freeze_claims', class: Migration20261122080300_safe_freeze_claims },
  { name: 'Migration20261122080400_messages', class: Migration20261122080400_messages },
  { name: 'Migration20261122080500_reviews', class: Migration20261122080500_reviews },
  { name: 'Migration20261122090100_api_keys', class: Migration20261122090100_api_keys },
  { name: 'Migration20261122090200_rate_budget', class: Migration20261122090200_rate_budget },
  { name: 'Migration20261122090300_webhooks', class: Migration20261122090300_webhooks },
  { name: 'Migration20261122100300_write_paths', class: Migration20261122100300_write_paths },
  { name: 'Migration20261122100400_order_read_paths', class: Migration20261122100400_order_read_paths },
  { name: 'Migration20261122110100_coupon_attempts', class: Migration20261122110100_coupon_attempts },
  { name: 'Migration20261122110200_private_evidence', class: Migration20261122110200_private_evidence },
  {
    name: 'Migration20261122110300_job_worker_heartbeat',
    class: Migration20261122110300_job_worker_heartbeat,
  },
  {
    name: 'Migration20261122120000_payment_history_keyset',
    class: Migration20261122120000_payment_history_keyset,
  },
];
