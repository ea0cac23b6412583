import type { EntityManager } from '@mikro-orm/postgresql';
import { cartLoaders } from '../modules/cart/cart.loaders.js';
import { catalogLoaders } from '../modules/catalog/catalog.loaders.js';

export function createLoaders(em: EntityManager) {
  return { catalog: catalogLoaders(em), cart: cartLoaders(em) };
}

export type Loaders = ReturnType<typeof createLoaders>;
