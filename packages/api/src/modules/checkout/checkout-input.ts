import type { ServiceContactInput } from './checkout.types.js';

// The shipping address has no rules here: it is checked by core `checkAddress`, like the address book.

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ServiceContactSnapshot {
  name: string;
  email: string;
  phone: string;
  notes: string | null;
}

const PHONE = /^\+?[0-9][0-9 ()-]{4,30}[0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Check = (value: string) => string | null;
const required =
  (label: string, max: number): Check =>
  (v) =>
    v === '' ? `Enter the ${label}.` : v.length > max ? `The ${label} is at most ${max} characters.` : null;
const pattern =
  (label: string, re: RegExp, max: number): Check =>
  (v) =>
    required(label, max)(v) ?? (re.test(v) ? null : `Enter a valid ${label}.`);

/** Trims every text field (details pasted with spaces are still the details). */
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
