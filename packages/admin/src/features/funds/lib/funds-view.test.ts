import { describe, expect, it } from 'vitest';
import {
  checkSettleForm,
  dateRangeValid,
  fractionDigitsOf,
  keepPayoutsParams,
  ledgerFilterOf,
  ledgerViewParams,
  nextSort,
  parseLedgerView,
  parsePayoutsView,
  parseSettlementsView,
  payoutsFilterOf,
  payoutsViewParams,
  settleErrorField,
  settleErrorKey,
  settlementsViewParams,
  toMinor,
} from './funds-view';

describe('ledger view in the URL', () => {
  it('has defaults for a plain URL and round-trips every setting', () => {
    expect(parseLedgerView(new URLSearchParams())).toEqual({
      merchantId: null,
      bucket: null,
      kind: null,
      from: null,
      to: null,
      sortField: 'CREATED_AT',
      sortDirection: 'DESC',
      after: null,
    });
    expect(ledgerViewParams(parseLedgerView(new URLSearchParams())).toString()).toBe('');
    const full = new URLSearchParams(
      'merchant=TWVyY2hhbnQ6MQ&bucket=AVAILABLE&kind=PAYOUT&from=2026-11-01&to=2026-11-30&sort=AMOUNT&dir=ASC&after=abc',
    );
    expect(ledgerViewParams(parseLedgerView(full)).toString()).toBe(full.toString());
  });

  it('ignores values it does not know', () => {
    const view = parseLedgerView(
      new URLSearchParams('bucket=pending&kind=GIFT&from=1.11.2026&sort=NAME&dir=up'),
    );
    expect(view).toMatchObject({
      bucket: null,
      kind: null,
      from: null,
      sortField: 'CREATED_AT',
      sortDirection: 'DESC',
    });
  });

  it('turns the inclusive "until" day into the exclusive bound the API takes', () => {
    const filter = ledgerFilterOf({
      ...parseLedgerView(new URLSearchParams()),
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(filter.from).toBe(new Date(2026, 10, 1).toISOString());
    expect(filter.to).toBe(new Date(2026, 11, 1).toISOString());
  });
});

describe('settlements view in the URL', () => {
  it('defaults to most available first and round-trips', () => {
    expect(parseSettlementsView(new URLSearchParams())).toEqual({
      search: '',
      minAvailable: '',
      sortField: 'AVAILABLE',
      sortDirection: 'DESC',
      after: null,
    });
    const full = new URLSearchParams('q=volt&min=10.5&sort=HANDLE&dir=ASC&after=xyz');
    expect(settlementsViewParams(parseSettlementsView(full)).toString()).toBe(full.toString());
    expect(parseSettlementsView(new URLSearchParams('min=lots')).minAvailable).toBe('');
  });

  it('sorts: the same column flips, names start ascending, amounts descending', () => {
    const view = { sortField: 'AVAILABLE' as const, sortDirection: 'DESC' as const };
    expect(nextSort(view, 'AVAILABLE')).toEqual({ sortField: 'AVAILABLE', sortDirection: 'ASC' });
    expect(nextSort(view, 'HANDLE', ['HANDLE'])).toEqual({ sortField: 'HANDLE', sortDirection: 'ASC' });
    expect(nextSort(view, 'PENDING', ['HANDLE'])).toEqual({ sortField: 'PENDING', sortDirection: 'DESC' });
  });
});

describe('amounts', () => {
  it.each([
    ['12.34', 2, 1234],
    ['12.3', 2, 1230],
    ['12', 2, 1200],
    ['0.01', 2, 1],
    ['-5', 2, -500],
    ['1200', 0, 1200],
    ['12.345', 2, null],
    ['1,000', 2, null],
    ['1e3', 2, null],
    ['', 2, null],
  ])('%s with %i digits → %s', (text, digits, minor) => {
    expect(toMinor(text, digits)).toBe(minor);
  });

  it('reads the currency digits from an API amount', () => {
    expect(fractionDigitsOf('12.34')).toBe(2);
    expect(fractionDigitsOf('1200')).toBe(0);
  });
});

describe('checkSettleForm (mirrors the API)', () => {
  const available = { amount: '50.00' };
  const ok = { amount: '', reference: 'TRF-1', note: '' };
  it.each([
    [ok, {}],
    [{ ...ok, amount: '50' }, {}],
    [{ ...ok, amount: '20.5' }, {}],
    [{ ...ok, amount: '50.01' }, { amount: 'AMOUNT_EXCEEDS_AVAILABLE' }],
    [{ ...ok, amount: '0' }, { amount: 'AMOUNT_NOT_POSITIVE' }],
    [{ ...ok, amount: '-1' }, { amount: 'AMOUNT_NOT_POSITIVE' }],
    [{ ...ok, amount: '1.234' }, { amount: 'INVALID_AMOUNT' }],
    [{ ...ok, amount: 'ten' }, { amount: 'INVALID_AMOUNT' }],
    [{ ...ok, reference: '   ' }, { reference: 'INVALID_REFERENCE' }],
    [{ ...ok, reference: 'x'.repeat(101) }, { reference: 'INVALID_REFERENCE' }],
    [{ ...ok, note: 'n'.repeat(501) }, { note: 'INVALID_NOTE' }],
  ])('%o → %o', (form, expected) => {
    expect(checkSettleForm(form, available)).toEqual(expected);
  });
});

describe('settle user errors', () => {
  it('maps codes to messages and fields to inputs', () => {
    expect(settleErrorKey('AMOUNT_EXCEEDS_AVAILABLE')).toBe('AMOUNT_EXCEEDS_AVAILABLE');
    expect(settleErrorKey('SOMETHING_NEW')).toBe('unknown');
    expect(settleErrorField(['input', 'amount'])).toBe('amount');
    expect(settleErrorField(['input', 'reference'])).toBe('reference');
    expect(settleErrorField(['input', 'merchantId'])).toBeNull();
    expect(settleErrorField(null)).toBeNull();
  });
});

describe('payouts view in the URL', () => {
  it('has defaults for a plain URL and round-trips every setting under its own keys', () => {
    expect(parsePayoutsView(new URLSearchParams())).toEqual({
      merchantId: null,
      from: null,
      to: null,
      sortField: 'CREATED_AT',
      sortDirection: 'DESC',
      after: null,
    });
    const full = new URLSearchParams(
      'pstore=TWVyY2hhbnQ6MQ&pfrom=2026-11-01&pto=2026-11-30&psort=AMOUNT&pdir=ASC&pafter=xyz',
    );
    expect(payoutsViewParams(parsePayoutsView(full), new URLSearchParams()).toString()).toBe(full.toString());
  });

  it('ignores values it does not know', () => {
    expect(parsePayoutsView(new URLSearchParams('pfrom=yesterday&psort=REFERENCE&pdir=up'))).toMatchObject({
      from: null,
      sortField: 'CREATED_AT',
      sortDirection: 'DESC',
    });
  });

  it('keeps the other list’s parameters, and the other list keeps the payouts’', () => {
    const page = new URLSearchParams(
      'merchant=M1&bucket=PENDING&after=ledger-cursor&psort=AMOUNT&pafter=p-cursor',
    );
    const changed = payoutsViewParams({ ...parsePayoutsView(page), after: null, from: '2026-11-02' }, page);
    expect(changed.get('merchant')).toBe('M1');
    expect(changed.get('after')).toBe('ledger-cursor');
    expect(changed.get('pafter')).toBeNull();
    expect(changed.get('pfrom')).toBe('2026-11-02');
    expect(changed.get('psort')).toBe('AMOUNT');
    const ledgerChanged = keepPayoutsParams(
      ledgerViewParams({ ...parseLedgerView(page), bucket: null, after: null }),
      page,
    );
    expect(ledgerChanged.get('bucket')).toBeNull();
    expect(ledgerChanged.get('psort')).toBe('AMOUNT');
    expect(ledgerChanged.get('pafter')).toBe('p-cursor');
  });

  it('turns the inclusive days into the API’s [from, to) instants and checks the range', () => {
    const filter = payoutsFilterOf({
      ...parsePayoutsView(new URLSearchParams()),
      from: '2026-11-01',
      to: '2026-11-01',
    });
    expect(new Date(filter.to!).getTime() - new Date(filter.from!).getTime()).toBe(24 * 3600 * 1000);
    expect(payoutsFilterOf(parsePayoutsView(new URLSearchParams()))).toEqual({ from: null, to: null });
    expect(dateRangeValid('2026-11-01', '2026-11-01')).toBe(true);
    expect(dateRangeValid('2026-11-02', '2026-11-01')).toBe(false);
    expect(dateRangeValid(null, '2026-11-01')).toBe(true);
  });
});
