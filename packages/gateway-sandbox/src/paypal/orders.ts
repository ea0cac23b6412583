import { formatDecimal, PAYPAL_CURRENCIES, parseDecimal } from '../util/money.js';
import { invalidRequest, type PayPalIssue, PayPalError, unprocessable } from './errors.js';

/** A create-order request, checked and normalised. */
export interface ParsedOrder {
  intent: 'CAPTURE';
  flow: 'payment_source' | 'application_context';
  units: ParsedUnit[];
  returnUrl: string | undefined;
  cancelUrl: string | undefined;
  brandName: string | undefined;
  userAction: 'PAY_NOW' | 'CONTINUE';
  locale: string | undefined;
}

export interface ParsedUnit {
  referenceId: string;
  currency: string;
  digits: number;
  amountMinor: number;
  /** `amount` as PayPal echoes it: value normalised to the currency's digits, breakdown kept. */
  amount: Record<string, unknown>;
  description: string | undefined;
  customId: string | undefined;
  invoiceId: string | undefined;
  softDescriptor: string | undefined;
  items: unknown[] | undefined;
  shipping: unknown;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const missing = (field: string, description = 'A required field / parameter is missing.'): PayPalError =>
  invalidRequest({ field, location: 'body', issue: 'MISSING_REQUIRED_PARAMETER', description });

const badValue = (field: string, value: unknown, description: string): PayPalError =>
  invalidRequest({
    field,
    value: typeof value === 'string' ? value : JSON.stringify(value),
    location: 'body',
    issue: 'INVALID_PARAMETER_VALUE',
    description,
  });

const syntax = (field: string, value: unknown, description: string): PayPalError =>
  invalidRequest({
    field,
    value: typeof value === 'string' ? value : JSON.stringify(value),
    location: 'body',
    issue: 'INVALID_PARAMETER_SYNTAX',
    description,
  });

const AMOUNT_DESCRIPTIONS: Record<string, string> = {
  INVALID_PARAMETER_SYNTAX: 'The value of a field does not conform to the expected format.',
  DECIMAL_PRECISION: 'If the currency supports decimals, only two decimal place precision is supported.',
  DECIMALS_NOT_SUPPORTED: 'Currency does not support decimals.',
  CANNOT_BE_ZERO_OR_NEGATIVE:
    'Must be greater than zero. If the currency supports decimals, only two decimal place precision is supported.',
  CANNOT_BE_NEGATIVE: 'Must be greater than or equal to zero.',
};

function optionalString(obj: Json, key: string, path: string, max: number): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return syntaxThrow(`${path}/${key}`, v, 'Expected a string.');
  if (v.length > max)
    return syntaxThrow(`${path}/${key}`, v, `The value exceeds the maximum length of ${max}.`);
  return v;
}

function syntaxThrow(field: string, value: unknown, description: string): never {
  throw syntax(field, value, description);
}

/**
 * Checks a `{ currency_code, value }` object and returns minor units.
 * `path` is PayPal's JSON pointer of the object, e.g. /purchase_units/@reference_id=='default'/amount.
 */
export function parseMoney(
  money: unknown,
  path: string,
  opts: { allowZero?: boolean; currency?: string } = {},
): { currency: string; digits: number; minor: number; value: string } {
  if (!isObject(money)) throw missing(path);
  const currency = money.currency_code;
  if (currency === undefined) throw missing(`${path}/currency_code`);
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    throw syntax(
      `${path}/currency_code`,
      currency,
      'The value of a field does not conform to the expected format.',
    );
  }
  const digits = PAYPAL_CURRENCIES[currency];
  if (digits === undefined) {
    throw unprocessable({
      field: `${path}/currency_code`,
      value: currency,
      location: 'body',
      issue: 'CURRENCY_NOT_SUPPORTED',
      description:
        'Currency code is not currently supported. Please refer https://developer.paypal.com/docs/api/reference/currency-codes/ for list of supported currency codes.',
    });
  }
  if (opts.currency && currency !== opts.currency) {
    throw unprocessable({
      field: `${path}/currency_code`,
      value: currency,
      location: 'body',
      issue: 'CURRENCY_MISMATCH',
      description: 'Should have same currency code as the amount it belongs to.',
    });
  }
  const value = money.value;
  if (value === undefined) throw missing(`${path}/value`);
  if (typeof value !== 'string') {
    throw syntax(`${path}/value`, value, 'The value of a field does not conform to the expected format.');
  }
  const parsed = parseDecimal(value, digits, { allowZero: opts.allowZero });
  if ('issue' in parsed) {
    const detail: PayPalIssue = {
      field: `${path}/value`,
      value,
      location: 'body',
      issue: parsed.issue,
      description: AMOUNT_DESCRIPTIONS[parsed.issue]!,
    };
    throw parsed.issue === 'INVALID_PARAMETER_SYNTAX' ? invalidRequest(detail) : unprocessable(detail);
  }
  return { currency, digits, minor: parsed.minor, value: formatDecimal(parsed.minor, digits) };
}

function parseUrl(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw syntax(field, value, 'Expected a URL string.');
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // fall through
  }
  throw syntax(field, value, 'The value of a field does not conform to the expected format.');
}

const BREAKDOWN_PLUS = ['item_total', 'shipping', 'handling', 'tax_total', 'insurance'] as const;
const BREAKDOWN_MINUS = ['shipping_discount', 'discount'] as const;

function parseUnit(raw: unknown, index: number, needsReference: boolean): ParsedUnit {
  if (!isObject(raw)) throw syntax(`/purchase_units/${index}`, raw, 'Expected an object.');
  let referenceId = 'default';
  if (raw.reference_id !== undefined) {
    if (
      typeof raw.reference_id !== 'string' ||
      raw.reference_id.length === 0 ||
      raw.reference_id.length > 256
    ) {
      throw syntax(
        `/purchase_units/${index}/reference_id`,
        raw.reference_id,
        'The value must be 1–256 characters.',
      );
    }
    referenceId = raw.reference_id;
  } else if (needsReference) {
    throw unprocessable({
      field: `/purchase_units/${index}/reference_id`,
      location: 'body',
      issue: 'REFERENCE_ID_REQUIRED',
      description:
        "'reference_id' is required for each 'purchase_unit' if multiple 'purchase_unit' are provided.",
    });
  }
  const path = `/purchase_units/@reference_id=='${referenceId}'`;
  if (raw.amount === undefined) throw missing(`${path}/amount`);
  const total = parseMoney(raw.amount, `${path}/amount`);
  const amountRaw = raw.amount as Json;
  const amount: Json = { currency_code: total.currency, value: total.value };

  let itemTotal: number | undefined;
  if (amountRaw.breakdown !== undefined) {
    if (!isObject(amountRaw.breakdown))
      throw syntax(`${path}/amount/breakdown`, amountRaw.breakdown, 'Expected an object.');
    const breakdown: Json = {};
    let sum = 0;
    for (const key of [...BREAKDOWN_PLUS, ...BREAKDOWN_MINUS]) {
      const part = amountRaw.breakdown[key];
      if (part === undefined) continue;
      const m = parseMoney(part, `${path}/amount/breakdown/${key}`, {
        allowZero: true,
        currency: total.currency,
      });
      breakdown[key] = { currency_code: m.currency, value: m.value };
      sum += (BREAKDOWN_MINUS as readonly string[]).includes(key) ? -m.minor : m.minor;
      if (key === 'item_total') itemTotal = m.minor;
    }
    if (sum !== total.minor) {
      throw unprocessable({
        field: `${path}/amount/value`,
        value: total.value,
        location: 'body',
        issue: 'AMOUNT_MISMATCH',
        description:
          'Should equal item_total + tax_total + shipping + handling + insurance - shipping_discount - discount.',
      });
    }
    amount.breakdown = breakdown;
  }

  let items: unknown[] | undefined;
  if (raw.items !== undefined) {
    if (!Array.isArray(raw.items)) throw syntax(`${path}/items`, raw.items, 'Expected an array.');
    if (itemTotal === undefined) {
      throw unprocessable({
        field: `${path}/amount/breakdown/item_total`,
        location: 'body',
        issue: 'ITEM_TOTAL_REQUIRED',
        description:
          'If item details are specified (items.unit_amount and items.quantity) corresponding amount.breakdown.item_total is required.',
      });
    }
    let sum = 0;
    items = raw.items.map((item, i) => {
      const itemPath = `${path}/items/${i}`;
      if (!isObject(item)) throw syntax(itemPath, item, 'Expected an object.');
      if (typeof item.name !== 'string' || item.name.length === 0) throw missing(`${itemPath}/name`);
      if (typeof item.quantity !== 'string' || !/^[1-9][0-9]{0,9}$/.test(item.quantity)) {
        throw syntax(
          `${itemPath}/quantity`,
          item.quantity,
          'Quantity must be a positive whole number as a string.',
        );
      }
      const unit = parseMoney(item.unit_amount, `${itemPath}/unit_amount`, {
        allowZero: true,
        currency: total.currency,
      });
      sum += unit.minor * Number(item.quantity);
      return { ...item, unit_amount: { currency_code: unit.currency, value: unit.value } };
    });
    if (sum !== itemTotal) {
      throw unprocessable({
        field: `${path}/amount/breakdown/item_total/value`,
        location: 'body',
        issue: 'ITEM_TOTAL_MISMATCH',
        description:
          'Should equal sum of (unit_amount * quantity) across all items for a given purchase_unit.',
      });
    }
  }

  return {
    referenceId,
    currency: total.currency,
    digits: total.digits,
    amountMinor: total.minor,
    amount,
    description: optionalString(raw, 'description', path, 127),
    customId: optionalString(raw, 'custom_id', path, 127),
    invoiceId: optionalString(raw, 'invoice_id', path, 127),
    softDescriptor: optionalString(raw, 'soft_descriptor', path, 22),
    items,
    shipping: raw.shipping,
  };
}

/** Validates a POST /v2/checkout/orders body the way PayPal does (the subset the sandbox supports). */
export function parseCreateOrder(body: unknown): ParsedOrder {
  if (!isObject(body)) {
    throw invalidRequest({
      issue: 'MALFORMED_REQUEST_JSON',
      description: 'The request JSON is not well formed.',
    });
  }
  if (body.intent === undefined) throw missing('/intent');
  if (body.intent !== 'CAPTURE') {
    throw badValue(
      '/intent',
      body.intent,
      body.intent === 'AUTHORIZE'
        ? 'The sandbox supports intent CAPTURE only.'
        : "The value of a field is invalid. Allowed values: 'CAPTURE', 'AUTHORIZE'.",
    );
  }
  const unitsRaw = body.purchase_units;
  if (unitsRaw === undefined || (Array.isArray(unitsRaw) && unitsRaw.length === 0))
    throw missing('/purchase_units');
  if (!Array.isArray(unitsRaw)) throw syntax('/purchase_units', unitsRaw, 'Expected an array.');
  if (unitsRaw.length > 10) {
    throw invalidRequest({
      field: '/purchase_units',
      location: 'body',
      issue: 'INVALID_ARRAY_MAX_ITEMS',
      description: 'The number of items in an array parameter is too large.',
    });
  }
  const units = unitsRaw.map((u, i) => parseUnit(u, i, unitsRaw.length > 1));
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.referenceId)) {
      throw unprocessable({
        field: `/purchase_units/@reference_id=='${u.referenceId}'/reference_id`,
        value: u.referenceId,
        location: 'body',
        issue: 'DUPLICATE_REFERENCE_ID',
        description: '`reference_id` must be unique if multiple purchase_unit are provided.',
      });
    }
    seen.add(u.referenceId);
  }

  let flow: ParsedOrder['flow'] = 'application_context';
  let context: Json = {};
  if (body.payment_source !== undefined) {
    if (!isObject(body.payment_source))
      throw syntax('/payment_source', body.payment_source, 'Expected an object.');
    const sources = Object.keys(body.payment_source);
    const other = sources.find((s) => s !== 'paypal');
    if (other) {
      throw unprocessable({
        field: `/payment_source/${other}`,
        location: 'body',
        issue: 'PAYMENT_SOURCE_NOT_SUPPORTED',
        description: 'The sandbox supports payment_source.paypal only; cards go through the card acquirer.',
      });
    }
    if (isObject(body.payment_source.paypal)) {
      flow = 'payment_source';
      const ec = body.payment_source.paypal.experience_context;
      if (ec !== undefined && !isObject(ec)) {
        throw syntax('/payment_source/paypal/experience_context', ec, 'Expected an object.');
      }
      context = ec ?? {};
    }
  }
  if (flow === 'application_context' && body.application_context !== undefined) {
    if (!isObject(body.application_context)) {
      throw syntax('/application_context', body.application_context, 'Expected an object.');
    }
    context = body.application_context;
  }
  const contextPath =
    flow === 'payment_source' ? '/payment_source/paypal/experience_context' : '/application_context';
  const userAction = context.user_action ?? 'CONTINUE';
  if (userAction !== 'CONTINUE' && userAction !== 'PAY_NOW') {
    throw badValue(`${contextPath}/user_action`, userAction, "Allowed values: 'CONTINUE', 'PAY_NOW'.");
  }
  const brandName = context.brand_name;
  if (brandName !== undefined && (typeof brandName !== 'string' || brandName.length > 127)) {
    throw syntax(
      `${contextPath}/brand_name`,
      brandName,
      'The value must be a string of at most 127 characters.',
    );
  }
  const locale = context.locale;
  if (
    locale !== undefined &&
    (typeof locale !== 'string' || !/^[a-z]{2}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|[0-9]{3}))?$/.test(locale))
  ) {
    throw syntax(
      `${contextPath}/locale`,
      locale,
      'The value of a field does not conform to the expected format.',
    );
  }
  return {
    intent: 'CAPTURE',
    flow,
    units,
    returnUrl: parseUrl(context.return_url, `${contextPath}/return_url`),
    cancelUrl: parseUrl(context.cancel_url, `${contextPath}/cancel_url`),
    brandName: brandName as string | undefined,
    userAction,
    locale: locale as string | undefined,
  };
}
