/** URL state and client-side validation of the webhooks page (mirrors the API's rules). */

export const WEBHOOK_EVENTS = [
  'ORDER_PAID',
  'ORDER_SHIPPED',
  'ORDER_COMPLETED',
  'ORDER_FAILED',
  'ORDER_CLOSED',
  'MERCHANT_FROZEN',
  'PRODUCT_UPDATED',
] as const;
export type WebhookEventValue = (typeof WEBHOOK_EVENTS)[number];

export const DELIVERY_STATES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type DeliveryStateValue = (typeof DELIVERY_STATES)[number];

export const MAX_URL = 2000;
export const MAX_DESCRIPTION = 500;

/** `ORDER_PAID` → `order.paid`, the name receivers see in `type`. */
export const wireName = (event: string) => event.toLowerCase().replace('_', '.');

export interface WebhooksView {
  /** The subscription whose delivery log is open. */
  subscription: string | null;
  state: DeliveryStateValue | null;
  after: string | null;
}

export function parseWebhooksView(params: URLSearchParams): WebhooksView {
  const state = params.get('state');
  return {
    subscription: params.get('subscription') || null,
    state: (DELIVERY_STATES as readonly string[]).includes(state ?? '')
      ? (state as DeliveryStateValue)
      : null,
    after: params.get('after') || null,
  };
}

export function webhooksViewParams(view: WebhooksView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.subscription) out.set('subscription', view.subscription);
  if (view.state) out.set('state', view.state);
  if (view.after) out.set('after', view.after);
  return out;
}

export interface SubscriptionForm {
  url: string;
  description: string;
  events: WebhookEventValue[];
  active: boolean;
}

export type SubscriptionField = 'url' | 'events' | 'description';
export type SubscriptionErrorCode = 'INVALID_URL' | 'INVALID_EVENTS' | 'INVALID_DESCRIPTION';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The API's checks: an absolute https URL without credentials (http only to localhost, which the server
 * accepts only outside production), at least one event, a note of at most 500 characters.
 */
export function validateSubscription(
  form: SubscriptionForm,
): Partial<Record<SubscriptionField, SubscriptionErrorCode>> {
  const errors: Partial<Record<SubscriptionField, SubscriptionErrorCode>> = {};
  const url = form.url.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (
    !parsed ||
    url.length > MAX_URL ||
    parsed.username ||
    parsed.password ||
    !(parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)))
  ) {
    errors.url = 'INVALID_URL';
  }
  if (form.events.length === 0) errors.events = 'INVALID_EVENTS';
  if (form.description.length > MAX_DESCRIPTION) errors.description = 'INVALID_DESCRIPTION';
  return errors;
}

/** Maps a server userError `field` (`['input', 'url']`) to the form field it belongs to. */
export function fieldOf(path: readonly string[] | null | undefined): SubscriptionField | null {
  const last = path?.at(-1);
  return last === 'url' || last === 'events' || last === 'description' ? last : null;
}
