/**
 * The hosted card field is a page of the payment gateway in an <iframe>: the card number and CVC
 * stay on the gateway's origin, and the storefront only ever sees what these messages carry.
 */

export type CardFieldMessage =
  | { type: 'ready' }
  | { type: 'change'; complete: boolean }
  | { type: 'resize'; height: number }
  | { type: 'token'; token: string; brand: string; last4: string; expMonth: number; expYear: number }
  | { type: 'error'; code: string; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isString = (value: unknown, max = 200): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

/** A message from the card field, or null for anything else (other frames, extensions, malformed data). */
export function parseCardFieldMessage(data: unknown): CardFieldMessage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case 'ready':
      return { type: 'ready' };
    case 'change':
      return typeof data.complete === 'boolean' ? { type: 'change', complete: data.complete } : null;
    case 'resize':
      return typeof data.height === 'number' && Number.isFinite(data.height) && data.height > 0
        ? { type: 'resize', height: Math.min(Math.ceil(data.height), 1000) }
        : null;
    case 'token': {
      const { token, brand, last4, expMonth, expYear } = data;
      if (!isString(token) || !/^\d{4}$/.test(String(last4))) return null;
      if (!Number.isInteger(expMonth) || !Number.isInteger(expYear)) return null;
      return {
        type: 'token',
        token,
        brand: isString(brand, 40) ? brand : 'UNIONPAY',
        last4: String(last4),
        expMonth: expMonth as number,
        expYear: expYear as number,
      };
    }
    case 'error':
      return {
        type: 'error',
        code: isString(data.code, 100) ? data.code : 'unknown',
        message: typeof data.message === 'string' ? data.message.slice(0, 500) : '',
      };
    default:
      return null;
  }
}

/** The origin of a URL (`http://localhost:4010`), or null when it is not an http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The iframe's address: the field page with our publishable key, the storefront's origin (the
 * only window the field obeys and answers) and the UI language. The field's own button is
 * hidden: the storefront's Pay button asks it to tokenize.
 */
export function cardFieldSrc(args: {
  fieldUrl: string;
  publishableKey: string;
  parentOrigin: string;
  locale: string;
}): string {
  const url = new URL(args.fieldUrl);
  url.searchParams.set('pk', args.publishableKey);
  url.searchParams.set('origin', args.parentOrigin);
  url.searchParams.set('locale', args.locale);
  url.searchParams.set('button', 'false');
  return url.toString();
}
