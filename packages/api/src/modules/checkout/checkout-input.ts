import type { ServiceContactInput, ShippingAddressInput } from './checkout.types.js';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ShippingAddressSnapshot {
  recipientName: string;
  phone: string;
  country: string;
  city: string;
  postalCode: string;
  line1: string;
  line2: string | null;
}

export interface ServiceContactSnapshot {
  name: string;
  email: string;
  phone: string;
  notes: string | null;
}

const PHONE = /^\+?[0-9][0-9 ()-]{4,30}[0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{0,18}[A-Za-z0-9]?$/;
const COUNTRY = /^[A-Z]{2}$/;

type Check = (value: string) => string | null;
const required =
  (label: string, max: number): Check =>
  (v) =>
    v === '' ? `Enter the ${label}.` : v.length > max ? `The ${label} is at most ${max} characters.` : null;
const pattern =
  (label: string, re: RegExp, max: number): Check =>
  (v) =>
    required(label, max)(v) ?? (re.test(v) ? null : `Enter a valid ${label}.`);

/** Trims every text field (an address pasted with spaces is still the address). */
const clean = (value: string | null | undefined) => (value ?? '').trim();

function validate<T extends Record<string, string>>(
  values: T,
  checks: { [K in keyof T]: Check },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of Object.keys(checks) as (keyof T & string)[]) {
    const message = checks[field](values[field]!);
    if (message) problems.push({ field, message });
  }
  return problems;
}

export function validateShippingAddress(
  input: ShippingAddressInput,
): { ok: true; value: ShippingAddressSnapshot } | { ok: false; problems: FieldProblem[] } {
  const values = {
    recipientName: clean(input.recipientName),
    phone: clean(input.phone),
    country: clean(input.country).toUpperCase(),
    city: clean(input.city),
    postalCode: clean(input.postalCode),
    line1: clean(input.line1),
    line2: clean(input.line2),
  };
  const problems = validate(values, {
    recipientName: required('recipient name', 120),
    phone: pattern('phone number', PHONE, 40),
    country: pattern('country code (e.g. TW)', COUNTRY, 2),
    city: required('city', 120),
    postalCode: pattern('postal code', POSTAL_CODE, 20),
    line1: required('address', 200),
    line2: (v) => (v.length > 200 ? 'The second address line is at most 200 characters.' : null),
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...values, line2: values.line2 || null } };
}

export function validateServiceContact(
  input: ServiceContactInput,
): { ok: true; value: ServiceContactSnapshot } | { ok: false; problems: FieldProblem[] } {
  const values = {
    name: clean(input.name),
    email: clean(input.email),
    phone: clean(input.phone),
    notes: clean(input.notes),
  };
  const problems = validate(values, {
    name: required('name', 120),
    email: pattern('email address', EMAIL, 320),
    phone: pattern('phone number', PHONE, 40),
    notes: (v) => (v.length > 2000 ? 'Notes are at most 2000 characters.' : null),
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...values, notes: values.notes || null } };
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
export const isIdempotencyKey = (key: string) => IDEMPOTENCY_KEY.test(key);
