import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import type { Viewer } from '../modules/accounts/viewer.js';
import { CartService } from '../modules/cart/cart.service.js';
import { CatalogService } from '../modules/catalog/catalog.service.js';
import { MailboxService } from '../modules/email/mailbox.service.js';

/** Request-scoped use cases; resolvers call these and never the EntityManager. */
export function createServices(em: EntityManager, viewer: Viewer | null, config: Config) {
  return {
    accounts: new AccountsService(em, viewer, config.sessionTtlDays),
    catalog: new CatalogService(em),
    cart: new CartService(em, viewer),
    mailbox: new MailboxService(em, viewer),
  };
}

export type Services = ReturnType<typeof createServices>;
