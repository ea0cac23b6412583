import type { EntityManager } from '@mikro-orm/postgresql';
import { activitiesLoaders } from '../modules/activities/activities.loaders.js';
import { accountsLoaders } from '../modules/accounts/accounts.loaders.js';
import { cartLoaders } from '../modules/cart/cart.loaders.js';
import { catalogLoaders } from '../modules/catalog/catalog.loaders.js';
import { ordersLoaders } from '../modules/orders/orders.loaders.js';
import { paymentsLoaders } from '../modules/payments/payments.loaders.js';
import { reviewsLoaders } from '../modules/reviews/reviews.loaders.js';

export function createLoaders(em: EntityManager) {
  return {
    accounts: accountsLoaders(em),
    activities: activitiesLoaders(em),
    catalog: catalogLoaders(em),
    cart: cartLoaders(em),
    orders: ordersLoaders(em),
    payments: paymentsLoaders(em),
    reviews: reviewsLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
