import type {
  FundsOverviewSortField,
  LedgerBucket,
  LedgerEntryKind,
  LedgerEntrySortField,
  PayoutSortField,
  SettleMerchantFundsErrorCode,
  SortDirection,
} from '../../../gql/graphql';

export const LEDGER_BUCKETS = ['PENDING', 'AVAILABLE', 'FROZEN'] as const satisfies readonly LedgerBucket[];

export const LEDGER_KINDS = [
  'ORDER_PAID',
  'ORDER_REFUNDED',
  'ORDER_COMPLETED',
  'PAYOUT',
  'FREEZE',
  'UNFREEZE',
  'ADJUSTMENT',
] as const satisfies readonly LedgerEntryKind[];

const LEDGER_SORT_FIELDS = ['CREATED_AT', 'AMOUNT'] as const satisfies readonly LedgerEntrySortField[];
const OVERVIEW_SORT_FIELDS = [
  'AVAILABLE',
  'PENDING',
  'FROZEN',
  'HANDLE',
] as const satisfies readonly FundsOverviewSortField[];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/** What the funds page keeps in the URL: the store (admins), the ledger's filters, sort and page. */
export interface LedgerView {
  merchantId: string | null;
  bucket: LedgerBucket | null;
  kind: LedgerEntryKind | null;
  /** `YYYY-MM-DD`, inclusive. */
  from: string | null;
  /** `YYYY-MM-DD`, inclusive. */
  to: string | null;
  sortField: LedgerEntrySortField;
  sortDirection: SortDirection;
  after: string | null;
}

export function parseLedgerView(params: URLSearchParams): LedgerView {
  const date = (key: string) => {
    const v = params.get(key);
    return v && DATE.test(v) ? v : null;
  };
  return {
    merchantId: params.get('merchant') || null,
    bucket: pick(params.get('bucket'), LEDGER_BUCKETS),
    kind: pick(params.get('kind'), LEDGER_KINDS),
    from: date('from'),
    to: date('to'),
    sortField: pick(params.get('sort'), LEDGER_SORT_FIELDS) ?? 'CREATED_AT',
    sortDirection: params.get('dir') === 'ASC' ? 'ASC' : 'DESC',
    after: params.get('after') || null,
  };
}

/** URL parameters of a ledger view (defaults left out). */
export function ledgerViewParams(view: LedgerView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.merchantId) out.set('merchant', view.merchantId);
  if (view.bucket) out.set('bucket', view.bucket);
  if (view.kind) out.set('kind', view.kind);
  if (view.from) out.set('from', view.from);
  if (view.to) out.set('to', view.to);
  if (view.sortField !== 'CREATED_AT') out.set('sort', view.sortField);
  if (view.sortDirection !== 'DESC') out.set('dir', view.sortDirection);
  if (view.after) out.set('after', view.after);
  return out;
}

/** Local midnight of a `YYYY-MM-DD` day as an ISO instant. */
function startOfDay(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** The `LedgerEntriesFilter` of a view; the "until" day is included (the API's bound is exclusive). */
export function ledgerFilterOf(view: LedgerView) {
  return {
    bucket: view.bucket,
    kind: view.kind,
    from: view.from ? startOfDay(view.from) : null,
    to: view.to ? startOfDay(view.to, 1) : null,
  };
}

const PAYOUT_SORT_FIELDS = ['CREATED_AT', 'AMOUNT'] as const satisfies readonly PayoutSortField[];

/**
 * What a payout history keeps in the URL, beside the page's other list: keys prefixed with `p`
 * (`pstore`, `pfrom`, `pto`, `psort`, `pdir`, `pafter`) so the two lists never overwrite each other.
 */
export interface PayoutsView {
  /** One store's payouts (admins' history of every store); ignored where the list is one store's. */
  merchantId: string | null;
  /** `YYYY-MM-DD`, inclusive. */
  from: string | null;
  /** `YYYY-MM-DD`, inclusive. */
  to: string | null;
  sortField: PayoutSortField;
  sortDirection: SortDirection;
  after: string | null;
}

const PAYOUT_KEYS = ['pstore', 'pfrom', 'pto', 'psort', 'pdir', 'pafter'] as const;

export function parsePayoutsView(params: URLSearchParams): PayoutsView {
  const date = (key: string) => {
    const v = params.get(key);
    return v && DATE.test(v) ? v : null;
  };
  return {
    merchantId: params.get('pstore') || null,
    from: date('pfrom'),
    to: date('pto'),
    sortField: pick(params.get('psort'), PAYOUT_SORT_FIELDS) ?? 'CREATED_AT',
    sortDirection: params.get('pdir') === 'ASC' ? 'ASC' : 'DESC',
    after: params.get('pafter') || null,
  };
}

/** `base` (the page's other parameters, kept) with the payout view's parameters (defaults left out). */
export function payoutsViewParams(view: PayoutsView, base: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const key of PAYOUT_KEYS) out.delete(key);
  if (view.merchantId) out.set('pstore', view.merchantId);
  if (view.from) out.set('pfrom', view.from);
  if (view.to) out.set('pto', view.to);
  if (view.sortField !== 'CREATED_AT') out.set('psort', view.sortField);
  if (view.sortDirection !== 'DESC') out.set('pdir', view.sortDirection);
  if (view.after) out.set('pafter', view.after);
  return out;
}

/** `params` with only the payout view's keys of `current` added (for lists that rebuild their own). */
export function keepPayoutsParams(params: URLSearchParams, current: URLSearchParams): URLSearchParams {
  return payoutsViewParams(parsePayoutsView(current), params);
}

/** The payouts date filter (inclusive days → the API's `[from, to)` instants). */
export function payoutsFilterOf(view: PayoutsView) {
  return {
    from: view.from ? startOfDay(view.from) : null,
    to: view.to ? startOfDay(view.to, 1) : null,
  };
}

/** Whether a date range is usable: both days optional, "until" not before "from" (the API refuses it). */
export function dateRangeValid(from: string | null, to: string | null): boolean {
  return !from || !to || from <= to;
}

/** What the settlements page keeps in the URL. */
export interface SettlementsView {
  search: string;
  /** A decimal in major units, as typed ("10" or "10.50"). */
  minAvailable: string;
  sortField: FundsOverviewSortField;
  sortDirection: SortDirection;
  after: string | null;
}

export function parseSettlementsView(params: URLSearchParams): SettlementsView {
  const min = params.get('min')?.trim() ?? '';
  return {
    search: params.get('q')?.trim() ?? '',
    minAvailable: /^\d+(\.\d+)?$/.test(min) ? min : '',
    sortField: pick(params.get('sort'), OVERVIEW_SORT_FIELDS) ?? 'AVAILABLE',
    sortDirection: params.get('dir') === 'ASC' ? 'ASC' : 'DESC',
    after: params.get('after') || null,
  };
}

export function settlementsViewParams(view: SettlementsView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.search.trim()) out.set('q', view.search.trim());
  if (view.minAvailable.trim()) out.set('min', view.minAvailable.trim());
  if (view.sortField !== 'AVAILABLE') out.set('sort', view.sortField);
  if (view.sortDirection !== 'DESC') out.set('dir', view.sortDirection);
  if (view.after) out.set('after', view.after);
  return out;
}

/** Clicking a column header: the same column flips direction; another starts descending (names ascending). */
export function nextSort<F extends string>(
  current: { sortField: F; sortDirection: SortDirection },
  field: F,
  ascendingFirst: readonly F[] = [],
): { sortField: F; sortDirection: SortDirection } {
  if (current.sortField === field)
    return { sortField: field, sortDirection: current.sortDirection === 'ASC' ? 'DESC' : 'ASC' };
  return { sortField: field, sortDirection: ascendingFirst.includes(field) ? 'ASC' : 'DESC' };
}

/** A decimal amount in minor units, or null when it is not one ("12.5" with 2 digits → 1250). */
export function toMinor(decimal: string, fractionDigits: number): number | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > fractionDigits) return null;
  const minor = Number(`${sign}${whole}${fraction.padEnd(fractionDigits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** The currency's number of fraction digits, read from an API amount ("12.34" → 2, "1200" → 0). */
export const fractionDigitsOf = (amount: string) => amount.split('.')[1]?.length ?? 0;

export type SettleFieldError = Extract<
  SettleMerchantFundsErrorCode,
  'INVALID_AMOUNT' | 'AMOUNT_NOT_POSITIVE' | 'AMOUNT_EXCEEDS_AVAILABLE' | 'INVALID_REFERENCE' | 'INVALID_NOTE'
>;

/**
 * The settle form's checks, mirroring the API's: an optional amount (blank: everything available)
 * that is a decimal of the currency, above zero and at most what is available; a reference of
 * 1–100 characters; a note of at most 500.
 */
export function checkSettleForm(
  form: { amount: string; reference: string; note: string },
  available: { amount: string },
): Partial<Record<'amount' | 'reference' | 'note', SettleFieldError>> {
  const errors: Partial<Record<'amount' | 'reference' | 'note', SettleFieldError>> = {};
  const digits = fractionDigitsOf(available.amount);
  if (form.amount.trim() !== '') {
    const minor = toMinor(form.amount, digits);
    const max = toMinor(available.amount, digits) ?? 0;
    if (minor === null) errors.amount = 'INVALID_AMOUNT';
    else if (minor <= 0) errors.amount = 'AMOUNT_NOT_POSITIVE';
    else if (minor > max) errors.amount = 'AMOUNT_EXCEEDS_AVAILABLE';
  }
  const reference = form.reference.trim();
  if (reference === '' || reference.length > 100) errors.reference = 'INVALID_REFERENCE';
  if (form.note.trim().length > 500) errors.note = 'INVALID_NOTE';
  return errors;
}

export const SETTLE_ERROR_CODES = [
  'MERCHANT_NOT_FOUND',
  'MERCHANT_NOT_SETTLEABLE',
  'NOTHING_AVAILABLE',
  'INVALID_AMOUNT',
  'AMOUNT_NOT_POSITIVE',
  'AMOUNT_EXCEEDS_AVAILABLE',
  'INVALID_REFERENCE',
  'INVALID_NOTE',
] as const satisfies readonly SettleMerchantFundsErrorCode[];

export type SettleErrorKey = (typeof SETTLE_ERROR_CODES)[number] | 'unknown';

/** The message key (`funds.errors.*`) of a code; a code the app does not know yet gets the generic one. */
export function settleErrorKey(code: string): SettleErrorKey {
  return (SETTLE_ERROR_CODES as readonly string[]).includes(code) ? (code as SettleErrorKey) : 'unknown';
}

/** Which form input a settle user error belongs to (`['input','amount']` → amount), else null. */
export function settleErrorField(
  field: readonly string[] | null | undefined,
): 'amount' | 'reference' | 'note' | null {
  const name = field?.at(-1);
  return name === 'amount' || name === 'reference' || name === 'note' ? name : null;
}
