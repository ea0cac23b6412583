/** URL state and client-side validation of the API keys page (mirrors the API's rules). */

export const API_KEY_STATES = ['ACTIVE', 'REVOKED', 'EXPIRED'] as const;
export type ApiKeyStateValue = (typeof API_KEY_STATES)[number];

export const API_KEY_SCOPE_VALUES = [
  'CATALOG_READ',
  'PRODUCTS_WRITE',
  'ORDERS_READ',
  'ORDERS_WRITE',
  'FUNDS_READ',
  'WEBHOOKS_MANAGE',
] as const;
export type ApiKeyScopeValue = (typeof API_KEY_SCOPE_VALUES)[number];

export const MAX_NAME = 120;
const MAX_EXPIRY_DAYS = 3 * 366;

export interface ApiKeysView {
  state: ApiKeyStateValue | null;
  after: string | null;
}

export function parseApiKeysView(params: URLSearchParams): ApiKeysView {
  const state = params.get('state');
  return {
    state: (API_KEY_STATES as readonly string[]).includes(state ?? '') ? (state as ApiKeyStateValue) : null,
    after: params.get('after') || null,
  };
}

export function apiKeysViewParams(view: ApiKeysView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.state) out.set('state', view.state);
  if (view.after) out.set('after', view.after);
  return out;
}

export interface CreateKeyForm {
  name: string;
  scopes: ApiKeyScopeValue[];
  /** `yyyy-mm-dd` from a date input, or ''. */
  expiresOn: string;
}

export type CreateKeyField = 'name' | 'scopes' | 'expiresAt';
export type CreateKeyErrorCode = 'INVALID_NAME' | 'INVALID_SCOPES' | 'INVALID_EXPIRY';

/** The end of the chosen day in the browser's time zone, or null for "never". */
export function expiryOf(expiresOn: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn)) return null;
  const [y, m, d] = expiresOn.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 23, 59, 59);
}

/** The same checks as the API's `createApiKey`, so most mistakes are caught before sending. */
export function validateCreateKey(
  form: CreateKeyForm,
  now = new Date(),
): Partial<Record<CreateKeyField, CreateKeyErrorCode>> {
  const errors: Partial<Record<CreateKeyField, CreateKeyErrorCode>> = {};
  const name = form.name.trim();
  if (name.length < 1 || name.length > MAX_NAME) errors.name = 'INVALID_NAME';
  if (form.scopes.length === 0) errors.scopes = 'INVALID_SCOPES';
  if (form.expiresOn) {
    const at = expiryOf(form.expiresOn);
    if (!at || at <= now || at.getTime() > now.getTime() + MAX_EXPIRY_DAYS * 86_400_000) {
      errors.expiresAt = 'INVALID_EXPIRY';
    }
  }
  return errors;
}

/** Maps a server userError `field` (`['input', 'name']`) to the form field it belongs to. */
export function fieldOf(path: readonly string[] | null | undefined): CreateKeyField | null {
  const last = path?.at(-1);
  return last === 'name' || last === 'scopes' || last === 'expiresAt' ? last : null;
}
