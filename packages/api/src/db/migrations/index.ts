import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122004303_initial } from './Migration20261122004303_initial.js';
import { Migration20261122010546_email_outbox } from './Migration20261122010546_email_outbox.js';

/** Every committed migration, in order. Listed explicitly so the same code runs from source and in tests. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122004303_initial', class: Migration20261122004303_initial },
  { name: 'Migration20261122010546_email_outbox', class: Migration20261122010546_email_outbox },
];
