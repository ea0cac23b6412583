import type { EntityManager } from '@mikro-orm/postgresql';
import { type CurrencyCode, merchantCanBeSettled } from '@marketplace/core';
import type { Config } from '../../config.js';
import { PublicError } from '../../graphql/errors.js';
import { type ConnectionShape, fromGlobalId } from '../../graphql/relay.js';
import { requireRole } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { merchantBalances } from './funds-ledger.js';
import {
  type FundsView,
  type LedgerFilter,
  type LedgerSortField,
  listLedger,
  listOverview,
  listPayouts,
  type OverviewFilter,
  type OverviewSortField,
  type Page,
  type PayoutFilter,
  type PayoutsArgs,
  type SortDirection,
} from './funds-queries.js';
import { type SettleInput, type SettleResult, settleMerchantFunds } from './funds-settlement.js';
import type { LedgerEntryEntity, PayoutEntity } from './funds.entity.js';

/**
 * Merchant funds: merchant staff read their own store's balances, ledger and payouts (another
 * store does not exist for them); platform admins read every store's and settle available funds.
 * Customer service works on orders, not money: refused.
 */
export class FundsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  private get currency(): CurrencyCode {
    return this.config.currency as CurrencyCode;
  }

  private reader(): Viewer {
    const v = requireRole(this.viewer, 'MERCHANT_STAFF', 'ADMIN');
    if (v.role === 'MERCHANT_STAFF' && v.merchantId === null)
      throw new PublicError('FORBIDDEN', 'Your account is not linked to a store.');
    return v;
  }

  /** The merchant id the viewer may read, or null (unknown, or another store for merchant staff). */
  private scopedMerchantId(merchantId: string | null | undefined): number | null {
    const viewer = this.reader();
    if (merchantId === null || merchantId === undefined || merchantId === '') {
      return viewer.role === 'MERCHANT_STAFF' ? viewer.merchantId : null;
    }
    const id = fromGlobalId(merchantId, 'Merchant');
    if (id === null) return null;
    if (viewer.role === 'MERCHANT_STAFF' && id !== viewer.merchantId) return null;
    return id;
  }

  /** Lists nested under a store's funds re-check the scope (they are reachable only through it). */
  private assertScope(merchantId: number): void {
    const viewer = this.reader();
    if (viewer.role === 'MERCHANT_STAFF' && viewer.merchantId !== merchantId)
      throw new PublicError('FORBIDDEN', 'You are not allowed to do this.');
  }

  /** Balances of one store; merchant staff may omit the id (their own store). */
  async funds(merchantId: string | null | undefined): Promise<FundsView | null> {
    const id = this.scopedMerchantId(merchantId);
    if (id === null) return null;
    const merchant = await this.em.findOne(MerchantEntity, { id });
    if (!merchant) return null;
    return { merchant, balances: await merchantBalances(this.em, id, this.currency) };
  }

  /** Whether the viewer may settle this merchant now: an admin, a status that allows it, money available. */
  canSettle(view: FundsView): boolean {
    return (
      this.viewer?.role === 'ADMIN' &&
      merchantCanBeSettled(view.merchant.status) &&
      view.balances.available.minor > 0
    );
  }

  /** Whether the viewer is an admin (payout authors are shown to platform staff only). */
  isAdmin(): boolean {
    return this.viewer?.role === 'ADMIN';
  }

  ledger(
    merchantId: number,
    args: Page & {
      filter?: LedgerFilter | null;
      sort?: { field: LedgerSortField; direction: SortDirection } | null;
    },
  ): Promise<ConnectionShape<LedgerEntryEntity>> {
    this.assertScope(merchantId);
    return listLedger(this.em, merchantId, args);
  }

  /** One store's payouts (its staff, admins). */
  merchantPayouts(merchantId: number, args: PayoutsArgs): Promise<ConnectionShape<PayoutEntity>> {
    this.assertScope(merchantId);
    return listPayouts(this.em, merchantId, args);
  }

  /** Every store's payouts, or one store's by filter (admins). */
  allPayouts(
    args: PayoutsArgs & { filter?: (PayoutFilter & { merchantId?: string | null }) | null },
  ): Promise<ConnectionShape<PayoutEntity>> {
    requireRole(this.viewer, 'ADMIN');
    let merchantId: number | null = null;
    if (args.filter?.merchantId) {
      merchantId = fromGlobalId(args.filter.merchantId, 'Merchant');
      if (merchantId === null) throw new PublicError('BAD_USER_INPUT', 'Unknown merchant ID.');
    }
    return listPayouts(this.em, merchantId, args);
  }

  /** Platform admins' settlement work list: every store with its balances. */
  overview(
    args: Page & {
      filter?: OverviewFilter | null;
      sort?: { field: OverviewSortField; direction: SortDirection } | null;
    },
  ): Promise<ConnectionShape<FundsView>> {
    requireRole(this.viewer, 'ADMIN');
    return listOverview(this.em, this.currency, args);
  }

  /** Pays out a store's available funds (platform admins). */
  settle(input: SettleInput): Promise<SettleResult> {
    const admin = requireRole(this.viewer, 'ADMIN');
    return settleMerchantFunds(this.em, this.config, admin, input);
  }
}
