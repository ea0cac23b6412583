import type { MatrixEntry } from '../types.js';
import { accountsEntries } from './accounts.js';
import { addressesEntries } from './addresses.js';
import { cartEntries } from './cart.js';
import { catalogAdminEntries } from './catalog-admin.js';
import { checkoutEntries } from './checkout.js';
import { emailEntries } from './email.js';
import { helpEntries } from './help.js';
import { lateEntries } from './late.js';
import { ordersEntries } from './orders.js';
import { ordersAdminEntries } from './orders-admin.js';
import { paymentsEntries } from './payments.js';
import { viewerQueriesEntries } from './viewer-queries.js';
import { s1Entries } from './s1.js';
import { s2Entries } from './s2.js';
import { s3Entries } from './s3.js';
import { s4Entries } from './s4.js';
import { t2Entries } from './t2.js';
import { t3Entries } from './t3.js';
import { t4Entries } from './t4.js';
import { t5Entries } from './t5.js';
import { u1Entries } from './u1.js';
import { u3Entries } from './u3.js';

/**
 * Every entry file, by the test file that runs it (each test file has its own database).
 * Add a new entry file to one group here; completeness.test.ts checks the union.
 */
export const GROUPS: Record<string, MatrixEntry[]> = {
  shop: [
    ...accountsEntries,
    ...addressesEntries,
    ...cartEntries,
    ...checkoutEntries,
    ...helpEntries,
    ...emailEntries,
    ...viewerQueriesEntries,
  ],
  catalog: [...catalogAdminEntries],
  orders: [...ordersEntries, ...ordersAdminEntries, ...paymentsEntries],
  slices: [
    ...s1Entries,
    ...s2Entries,
    ...s3Entries,
    ...s4Entries,
    ...lateEntries,
    ...t5Entries,
    ...t4Entries,
    ...t2Entries,
    ...t3Entries,
    ...u1Entries,
    ...u3Entries,
  ],
};

export const ALL_ENTRIES: MatrixEntry[] = Object.values(GROUPS).flat();
