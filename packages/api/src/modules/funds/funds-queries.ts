import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type CurrencyCode,
  type FundsBalances,
  isLedgerBucket,
  isLedgerEntryKind,
  type LedgerBucket,
  type LedgerEntryKind,
  money,
  parseDecimal,
} from '@marketplace/core';
import { PublicError } from '../../graphql/errors.js';
import { type ConnectionShape, decodeCursor, encodeCursor, toConnection } from '../../graphql/relay.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { LedgerEntryEntity, PayoutEntity } from './funds.entity.js';

/**
 * The funds lists as keyset-paginated SQL: a store's ledger, payouts, and every store's balances.
 * Authorization is the caller's (FundsService); these only read.
 */

/** A merchant with its balances (sums of its ledger entries). */
export interface FundsView {
  merchant: MerchantEntity;
  balances: FundsBalances;
}

export type SortDirection = 'ASC' | 'DESC';
export type LedgerSortField = 'CREATED_AT' | 'AMOUNT';
export type OverviewSortField = 'AVAILABLE' | 'PENDING' | 'FROZEN' | 'HANDLE';

export interface Page {
  first: number;
  after?: string | null;
}

export interface LedgerFilter {
  bucket?: LedgerBucket | null;
  kind?: LedgerEntryKind | null;
  from?: Date | null;
  to?: Date | null;
}

export type PayoutSortField = 'CREATED_AT' | 'AMOUNT';

export interface PayoutFilter {
  from?: Date | null;
  to?: Date | null;
}

export type PayoutsArgs = Page & {
  filter?: PayoutFilter | null;
  sort?: { field: PayoutSortField; direction: SortDirection } | null;
};

export interface OverviewFilter {
  minAvailable?: string | null;
  search?: string | null;
}

// Timestamps compare at millisecond precision: that is what a cursor (an ISO string) can hold,
// while rows written by the database (now()) have microseconds.
const CREATED = "date_trunc('milliseconds', created_at)";
const LEDGER_SORT: Record<LedgerSortField, string> = { CREATED_AT: CREATED, AMOUNT: 'amount_minor' };
const PAYOUT_SORT: Record<PayoutSortField, string> = { CREATED_AT: CREATED, AMOUNT: 'amount_minor' };
const OVERVIEW_SORT: Record<OverviewSortField, string> = {
  AVAILABLE: 'available',
  PENDING: 'pending',
  FROZEN: 'frozen',
  HANDLE: 'handle',
};

/** A store's ledger entries, newest first unless sorted otherwise. */
export async function listLedger(
  em: EntityManager,
  merchantId: number,
  args: Page & {
    filter?: LedgerFilter | null;
    sort?: { field: LedgerSortField; direction: SortDirection } | null;
  },
): Promise<ConnectionShape<LedgerEntryEntity>> {
  const first = pageSize(args.first);
  const sort = args.sort ?? { field: 'CREATED_AT', direction: 'DESC' };
  const column = LEDGER_SORT[sort.field];
  if (!column) throw new PublicError('BAD_USER_INPUT', 'Unknown sort field.');
  const dir = sort.direction === 'ASC' ? 'asc' : 'desc';
  const where = ['merchant_id = ?'];
  const params: unknown[] = [merchantId];
  const f = args.filter ?? {};
  if (f.bucket) {
    if (!isLedgerBucket(f.bucket)) throw new PublicError('BAD_USER_INPUT', 'Unknown bucket.');
    where.push('bucket = ?');
    params.push(f.bucket);
  }
  if (f.kind) {
    if (!isLedgerEntryKind(f.kind)) throw new PublicError('BAD_USER_INPUT', 'Unknown entry kind.');
    where.push('kind = ?');
    params.push(f.kind);
  }
  if (f.from) {
    where.push('created_at >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('created_at < ?');
    params.push(f.to);
  }
  const counted = { where: [...where], params: [...params] };
  const key = args.after ? decodeCursor(args.after) : null;
  if (args.after) {
    const value =
      key?.length === 3 && key[0] === sort.field && typeof key[2] === 'number' ? key[1] : undefined;
    const bound = sort.field === 'CREATED_AT' ? instant(value) : typeof value === 'number' ? value : null;
    if (bound === null) throw new PublicError('BAD_USER_INPUT', 'Invalid cursor for this sort.');
    const op = dir === 'asc' ? '>' : '<';
    where.push(`(${column}, id) ${op} (?, ?)`); // row comparison: an index condition, not a filter
    params.push(bound, key![2]);
  }
  params.push(first + 1);
  const rows = await em.execute<{ id: number }[]>(
    `select id from ledger_entry where ${where.join(' and ')} order by ${column} ${dir}, id ${dir} limit ?`,
    params,
  );
  const entries = await loadInOrder(
    em,
    LedgerEntryEntity,
    rows.map((r) => r.id),
    ['order', 'payout.merchant', 'payout.createdBy'],
  );
  return toConnection(entries, first, {
    hasPrevious: key !== null,
    cursorOf: (e) =>
      encodeCursor([
        sort.field,
        sort.field === 'CREATED_AT' ? e.createdAt.toISOString() : e.amountMinor,
        e.id,
      ]),
    map: (e) => e,
    count: () => count(em, 'ledger_entry', counted.where, counted.params),
  });
}

/** Payouts of one store, or of every store (`merchantId` null): newest first unless sorted otherwise. */
export async function listPayouts(
  em: EntityManager,
  merchantId: number | null,
  args: PayoutsArgs,
): Promise<ConnectionShape<PayoutEntity>> {
  const first = pageSize(args.first);
  const sort = args.sort ?? { field: 'CREATED_AT', direction: 'DESC' };
  const column = PAYOUT_SORT[sort.field];
  if (!column) throw new PublicError('BAD_USER_INPUT', 'Unknown sort field.');
  const dir = sort.direction === 'ASC' ? 'asc' : 'desc';
  const where: string[] = [];
  const params: unknown[] = [];
  if (merchantId !== null) {
    where.push('merchant_id = ?');
    params.push(merchantId);
  }
  const f = args.filter ?? {};
  if (f.from && f.to && f.from.getTime() >= f.to.getTime())
    throw new PublicError('BAD_USER_INPUT', 'The end of the date range must be after its start.');
  if (f.from) {
    where.push('created_at >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('created_at < ?');
    params.push(f.to);
  }
  const counted = { where: [...where], params: [...params] };
  const key = args.after ? decodeCursor(args.after) : null;
  if (args.after) {
    const value =
      key?.length === 3 && key[0] === sort.field && typeof key[2] === 'number' ? key[1] : undefined;
    const bound = sort.field === 'CREATED_AT' ? instant(value) : typeof value === 'number' ? value : null;
    if (bound === null) throw new PublicError('BAD_USER_INPUT', 'Invalid cursor for this sort.');
    const op = dir === 'asc' ? '>' : '<';
    where.push(`(${column}, id) ${op} (?, ?)`); // row comparison: an index condition, not a filter
    params.push(bound, key![2]);
  }
  params.push(first + 1);
  const rows = await em.execute<{ id: number }[]>(
    `select id from payout ${where.length ? `where ${where.join(' and ')}` : ''}
     order by ${column} ${dir}, id ${dir} limit ?`,
    params,
  );
  const payouts = await loadInOrder(
    em,
    PayoutEntity,
    rows.map((r) => r.id),
    ['merchant', 'createdBy'],
  );
  return toConnection(payouts, first, {
    hasPrevious: key !== null,
    cursorOf: (p) =>
      encodeCursor([
        sort.field,
        sort.field === 'CREATED_AT' ? p.createdAt.toISOString() : p.amountMinor,
        p.id,
      ]),
    map: (p) => p,
    count: () => count(em, 'payout', counted.where, counted.params),
  });
}

/** Every store with its balances: the settlement work list (most available first by default). */
export async function listOverview(
  em: EntityManager,
  currency: CurrencyCode,
  args: Page & {
    filter?: OverviewFilter | null;
    sort?: { field: OverviewSortField; direction: SortDirection } | null;
  },
): Promise<ConnectionShape<FundsView>> {
  const first = pageSize(args.first);
  const sort = args.sort ?? { field: 'AVAILABLE', direction: 'DESC' };
  const column = OVERVIEW_SORT[sort.field];
  if (!column) throw new PublicError('BAD_USER_INPUT', 'Unknown sort field.');
  const dir = sort.direction === 'ASC' ? 'asc' : 'desc';
  const where: string[] = [];
  const params: unknown[] = [currency];
  const f = args.filter ?? {};
  if (f.minAvailable?.trim()) {
    const min = parseDecimal(f.minAvailable, currency);
    if (!min.ok) throw new PublicError('BAD_USER_INPUT', `minAvailable: ${min.error.message}`);
    where.push('available >= ?');
    params.push(min.value.minor);
  }
  const search = f.search?.trim();
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push('(handle ilike ? or name_en ilike ? or name_zh ilike ?)');
    params.push(like, like, like);
  }
  const counted = { where: [...where], params: [...params] };
  const key = args.after ? decodeCursor(args.after) : null;
  if (args.after) {
    const valid =
      key?.length === 3 &&
      key[0] === sort.field &&
      typeof key[2] === 'number' &&
      typeof key[1] === (sort.field === 'HANDLE' ? 'string' : 'number');
    if (!valid) throw new PublicError('BAD_USER_INPUT', 'Invalid cursor for this sort.');
    const op = dir === 'asc' ? '>' : '<';
    where.push(`(${column}, id) ${op} (?, ?)`); // row comparison: an index condition, not a filter
    params.push(key![1], key![2]);
  }
  params.push(first + 1);
  const rows = await em.execute<BalanceRow[]>(
    `${BALANCES_SQL} select * from b ${where.length ? `where ${where.join(' and ')}` : ''}
     order by ${column} ${dir}, id ${dir} limit ?`,
    params,
  );
  const merchants = await loadInOrder(
    em,
    MerchantEntity,
    rows.map((r) => r.id),
    [],
  );
  const views = rows.map((r, i) => ({
    merchant: merchants[i]!,
    balances: {
      pending: money(Number(r.pending), currency),
      available: money(Number(r.available), currency),
      frozen: money(Number(r.frozen), currency),
    },
  }));
  return toConnection(views, first, {
    hasPrevious: key !== null,
    cursorOf: (v) => {
      const value = sort.field === 'HANDLE' ? v.merchant.handle : v.balances[balanceKey(sort.field)].minor;
      return encodeCursor([sort.field, value, v.merchant.id]);
    },
    map: (v) => v,
    count: async () => {
      const [c] = await em.execute<{ n: number }[]>(
        `${BALANCES_SQL} select count(*)::int as n from b ${counted.where.length ? `where ${counted.where.join(' and ')}` : ''}`,
        counted.params,
      );
      return c?.n ?? 0;
    },
  });
}

interface BalanceRow {
  id: number;
  pending: string | number;
  available: string | number;
  frozen: string | number;
}

/** Every merchant's balances as sums of its ledger entries (parameter 1: the currency). */
const BALANCES_SQL = `with b as (
  select m.id, m.handle, m.name_en, m.name_zh,
    coalesce(sum(l.amount_minor) filter (where l.bucket = 'PENDING'), 0)::bigint as pending,
    coalesce(sum(l.amount_minor) filter (where l.bucket = 'AVAILABLE'), 0)::bigint as available,
    coalesce(sum(l.amount_minor) filter (where l.bucket = 'FROZEN'), 0)::bigint as frozen
  from merchant m left join ledger_entry l on l.merchant_id = m.id and l.currency = ?
  group by m.id)`;

function balanceKey(field: Exclude<OverviewSortField, 'HANDLE'>): keyof FundsBalances {
  switch (field) {
    case 'AVAILABLE':
      return 'available';
    case 'PENDING':
      return 'pending';
    case 'FROZEN':
      return 'frozen';
  }
}

/** A cursor's ISO instant, or null when it is not one. */
function instant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

function pageSize(first: number): number {
  return Math.min(Math.max(first, 0), 100);
}

async function loadInOrder<T extends { id: number }>(
  em: EntityManager,
  entity: new () => T,
  ids: number[],
  populate: string[],
): Promise<T[]> {
  if (ids.length === 0) return [];
  // biome-ignore lint/suspicious/noExplicitAny: one helper for three entities; MikroORM types queries per entity
  const untyped = em as any;
  const rows = (await untyped.find(entity, { id: { $in: ids } }, { populate })) as T[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

async function count(em: EntityManager, table: string, where: string[], params: unknown[]): Promise<number> {
  const [c] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from ${table} ${where.length ? `where ${where.join(' and ')}` : ''}`,
    params,
  );
  return c?.n ?? 0;
}
