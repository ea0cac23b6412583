import { CombinedGraphQLErrors } from '@apollo/client';

export type ReportRequest = { readonly orderNumber: string; readonly key: string };
export type ReportField = keyof ReportRequest;

/** Order numbers are `MP-YYYYMMDD-NNNNNNN`; shoppers may type them in lower case or with spaces around. */
export function normalizeOrderNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** Keys are copied from an email or a page: drop any whitespace that came along. */
export function normalizeKey(value: string): string {
  return value.replace(/\s+/g, '');
}

/** What is missing before asking the API (which alone decides whether the pair is right). */
export function missingFields(request: ReportRequest): ReportField[] {
  const missing: ReportField[] = [];
  if (!normalizeOrderNumber(request.orderNumber)) missing.push('orderNumber');
  if (!normalizeKey(request.key)) missing.push('key');
  return missing;
}

/**
 * The order-key email links to `…/consultation/<number>#key=<key>`: the key travels in the
 * fragment, which browsers never send to a server. Returns it, or null.
 */
export function keyFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const key = normalizeKey(params.get('key') ?? '');
  return key && key.length <= 200 ? key : null;
}

/** Whether the API refused because of too many wrong keys. */
export function isThrottled(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'THROTTLED');
}
