import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CurrencyCode, checkSettlement, type SettlementErrorCode } from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { userError } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { UserEntity } from '../accounts/user.entity.js';
import type { Viewer } from '../accounts/viewer.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { recipientOf } from '../payments/payment-settlement.js';
import { sendPayoutSent } from './funds-emails.js';
import { merchantBalances } from './funds-ledger.js';
import type { FundsView } from './funds-queries.js';
import { LedgerEntryEntity, PayoutEntity } from './funds.entity.js';

export type SettleErrorCode =
  | SettlementErrorCode
  | 'MERCHANT_NOT_FOUND'
  | 'INVALID_REFERENCE'
  | 'INVALID_NOTE';

export interface SettleInput {
  merchantId: string;
  amount?: string | null;
  reference: string;
  note?: string | null;
}

export interface SettleResult {
  payout: PayoutEntity | null;
  funds: FundsView | null;
  userErrors: { code: SettleErrorCode; message: string; field: string[] | null }[];
}

const MAX_REFERENCE = 100;
const MAX_NOTE = 500;

/**
 * Pays out a merchant's available funds (all of them unless an amount is given): a payout record
 * and its PAYOUT entry (− available) in one transaction, and an email to the store's staff. The
 * merchant row is locked first, so concurrent settlements of one merchant run one after the other
 * and never pay out more than is available. `admin` is an authorized platform admin.
 */
export async function settleMerchantFunds(
  em: EntityManager,
  config: Config,
  admin: Viewer,
  input: SettleInput,
): Promise<SettleResult> {
  const id = fromGlobalId(input.merchantId, 'Merchant');
  if (id === null) return fail('MERCHANT_NOT_FOUND', 'There is no merchant with this ID.', 'merchantId');
  const reference = input.reference?.trim() ?? '';
  if (reference === '' || reference.length > MAX_REFERENCE)
    return fail(
      'INVALID_REFERENCE',
      `Give the transfer reference (1–${MAX_REFERENCE} characters).`,
      'reference',
    );
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE)
    return fail('INVALID_NOTE', `The note may have at most ${MAX_NOTE} characters.`, 'note');
  const currency = config.currency as CurrencyCode;

  return inTransaction(em, async (tx) => {
    const merchant = await tx.findOne(
      MerchantEntity,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!merchant)
      throw new Refusal(fail('MERCHANT_NOT_FOUND', 'There is no merchant with this ID.', 'merchantId'));
    const before = await merchantBalances(tx, id, currency);
    const checked = checkSettlement({
      merchantStatus: merchant.status,
      available: before.available,
      requested: input.amount ?? null,
    });
    if (!checked.ok) {
      const field = checked.error.code === 'MERCHANT_NOT_SETTLEABLE' ? 'merchantId' : 'amount';
      throw new Refusal(fail(checked.error.code, checked.error.message, field));
    }
    const amount = checked.value;
    const payout = tx.create(PayoutEntity, {
      merchant,
      amountMinor: amount.minor,
      currency: amount.currency,
      reference,
      note,
      createdBy: admin.userId,
    });
    await tx.flush();
    tx.create(LedgerEntryEntity, {
      merchant,
      order: null,
      payout,
      kind: 'PAYOUT',
      bucket: 'AVAILABLE',
      amountMinor: -amount.minor,
      currency: amount.currency,
      memo: `Payout ${reference}`,
    });
    await tx.flush();
    const after = await merchantBalances(tx, id, currency);
    const staff = await tx.find(
      UserEntity,
      { merchant: id, role: 'MERCHANT_STAFF', status: 'ACTIVE' },
      { orderBy: { id: 'asc' } },
    );
    for (const user of staff) {
      await sendPayoutSent(tx, config, recipientOf(user), { merchant, payout, available: after.available });
    }
    await tx.populate(payout, ['createdBy']);
    return { payout, funds: { merchant, balances: after }, userErrors: [] };
  });
}

function fail(code: SettleErrorCode, message: string, field: string): SettleResult {
  return { payout: null, funds: null, userErrors: [userError(code, message, ['input', field])] };
}
