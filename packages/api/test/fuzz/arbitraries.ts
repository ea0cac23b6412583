import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/**
 * fast-check arbitraries for GraphQL arguments, built from the schema's input types: the hostile values
 * of issue 9 (wrong types, empty, huge, negative, unicode, SQL and HTML fragments, other users' ids) mixed
 * with plausible ones (so that calls also get past the first check of a use case).
 */

/** Global ids the generator may use, per type name (`Order` → ids of other users' orders …). */
export type IdPool = Record<string, string[]>;

/** Plausible values by field name, so that calls reach deeper checks (real codes, emails, passwords). */
export interface Hints {
  emails: string[];
  couponCodes: string[];
  passwords: string[];
  orderNumbers: string[];
  tokens: string[];
}

export const SQL_FRAGMENTS = [
  "' OR '1'='1",
  "'; drop table user_account; --",
  '1; select pg_sleep(5)',
  "\\'; update merchant set status = 'ACTIVE'; --",
  "%' and 1=0 union select null, current_user --",
  '$1',
  '?',
  '%_%',
];

export const HTML_FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '&lt;b&gt;&#x3C;',
];

export const UNICODE_STRINGS = [
  '台灣咖啡豆 500g',
  'Ünïcødé ñame',
  '😀🇹🇼👩‍👩‍👧‍👦',
  '\u202Eevil\u202C',
  'zero\u200Bwidth\uFEFF',
  'e\u0301\u0301\u0301',
  '\uD800',
  'nul\u0000byte',
  '\u0007\u001b[31mred',
  'line\nbreak\r\ttab',
];

export const EDGE_STRINGS = [
  '',
  ' ',
  '   \t\n ',
  '-',
  '0',
  '-1',
  'null',
  'undefined',
  'NaN',
  'true',
  '{}',
  '[]',
];

/** Large strings: over every length limit the API should enforce, under the 1 MB body limit. */
export const HUGE_STRINGS = [
  'A'.repeat(10_001),
  '長'.repeat(4_000),
  `${'a'.repeat(300)}@example.com`,
  ' '.repeat(5_000),
];

const hostileString = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...SQL_FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...HTML_FRAGMENTS) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
);

const DECIMALS = [
  '10.00',
  '0',
  '0.00',
  '-1',
  '-0.01',
  '0.001',
  '1e309',
  '99999999999999999999',
  '1,000',
  'NaN',
];
const VALID_DATES = [
  '2026-11-22T10:00:00.000Z',
  '2026-12-24T23:59:59+08:00',
  '2020-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
];
const DATES = [...VALID_DATES, '2026-02-30T00:00:00Z', 'yesterday', ''];
const URLS = [
  'https://example.com/hook',
  'http://127.0.0.1:5432/',
  'https://169.254.169.254/latest/meta-data',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'not a url',
];
const INTS = [0, -1, 1, 2, 99, 2_147_483_647, -2_147_483_648];

/** Values of the wrong JSON type for any argument: graphql-js must refuse them before a resolver runs. */
export const wrongType = fc.constantFrom<unknown>(42, -3.5, true, 'text', {}, { a: 1 }, [], [1, 'x'], null);

/** A string that is not a global id of a known object: malformed, another type, out of range. */
const b64 = (s: string) => Buffer.from(s).toString('base64url');
const BAD_IDS = [
  '',
  'not-an-id',
  '1',
  '-1',
  b64('Order:0'),
  b64('Order:-5'),
  b64('Order:99999999'),
  b64('Order:2147483648'),
  b64('Nope:1'),
  b64("Order:1' or 1=1 --"),
  b64('order:1'),
  `${b64('Order:1')}=`,
  'A'.repeat(300),
];

export interface ArgContext {
  /** Mutation name, e.g. `shipOrders` (to guess the type of a plain `id` argument). */
  mutation: string;
  pool: IdPool;
  hints: Hints;
}

/** The node type an ID field most likely refers to: `orderId` → Order, `deleteAddress(id)` → Address. */
export function guessIdType(fieldName: string, ctx: ArgContext): string[] {
  const types = Object.keys(ctx.pool);
  const base = fieldName.replace(/Ids?$/, '').toLowerCase();
  const direct = types.filter((t) => t.toLowerCase() === base || t.toLowerCase().endsWith(base));
  if (base && base !== 'id' && direct.length) return direct;
  const inName = types.filter((t) => ctx.mutation.toLowerCase().includes(t.toLowerCase()));
  // The longest type named in the mutation (`setProductVariants` → ProductVariant before Product).
  return inName.sort((a, b) => b.length - a.length).slice(0, 1);
}

function idArbitrary(fieldName: string, ctx: ArgContext): fc.Arbitrary<unknown> {
  const guessed = guessIdType(fieldName, ctx).flatMap((t) => ctx.pool[t] ?? []);
  const any = Object.values(ctx.pool).flat();
  const options: fc.WeightedArbitrary<unknown>[] = [
    { weight: 2, arbitrary: fc.constantFrom(...BAD_IDS) },
    { weight: 1, arbitrary: hostileString },
  ];
  if (guessed.length) options.push({ weight: 6, arbitrary: fc.constantFrom(...guessed) });
  if (any.length) options.push({ weight: 2, arbitrary: fc.constantFrom(...any) });
  return fc.oneof(...options);
}

function stringArbitrary(fieldName: string, ctx: ArgContext): fc.Arbitrary<unknown> {
  const name = fieldName.toLowerCase();
  const plausible: string[] = [];
  if (name.includes('email')) plausible.push(...ctx.hints.emails);
  if (name.includes('coupon') || name === 'code') plausible.push(...ctx.hints.couponCodes);
  if (name.includes('password')) plausible.push(...ctx.hints.passwords);
  if (name.includes('ordernumber')) plausible.push(...ctx.hints.orderNumbers);
  if (name.includes('token') || name === 'key') plausible.push(...ctx.hints.tokens);
  if (name.includes('url')) plausible.push(...URLS);
  if (/price|amount|value|fee|spend|minor/.test(name)) plausible.push(...DECIMALS);
  if (name.includes('phone')) plausible.push('0912345678', '+886-2-1234-5678', '+1 (555) 010-0000');
  if (/date|at$|starts|ends|until/.test(name)) plausible.push(...DATES);
  if (name.includes('handle') || name.includes('sku'))
    plausible.push('formosa-roasters', 'CAF-ETH-500', 'a--b');
  if (!plausible.length) plausible.push('Hello', 'A real looking text of a few words.', '咖啡很好喝');
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...plausible) },
    { weight: 3, arbitrary: hostileString },
  );
}

function scalarArbitrary(scalar: string, fieldName: string, ctx: ArgContext): fc.Arbitrary<unknown> {
  switch (scalar) {
    case 'ID':
      return idArbitrary(fieldName, ctx);
    case 'String':
      return stringArbitrary(fieldName, ctx);
    case 'Int':
      return fc.oneof(fc.constantFrom(...INTS), fc.integer({ min: -1000, max: 1000 }));
    case 'Float':
      return fc.oneof(
        fc.constantFrom(0, -0.5, 1e308, -1e308, 0.1),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      );
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...VALID_DATES) },
        { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...DATES), hostileString) },
      );
    default:
      return hostileString;
  }
}

/**
 * Any value for an input type. `wrongTypeRate` (0–1) is the chance, per value, of a value of the wrong
 * JSON type instead (including null for a required one): those must be refused by variable coercion.
 */
export function arbitraryFor(
  type: GraphQLInputType,
  fieldName: string,
  ctx: ArgContext,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType, fieldName, ctx, depth);
  if (isListType(type)) {
    const item = arbitraryFor(type.ofType, fieldName, ctx, depth + 1);
    return fc.oneof(
      { weight: 6, arbitrary: fc.array(item, { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 40, maxLength: 60 }) },
    );
  }
  if (isEnumType(type)) {
    return fc.constantFrom(...type.getValues().map((v) => v.name));
  }
  if (isScalarType(type)) return scalarArbitrary(type.name, fieldName, ctx);
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const f of fields) {
      const value = arbitraryFor(f.type, f.name, ctx, depth + 1);
      if (isNonNullType(f.type)) {
        required.push(f.name);
        shape[f.name] = withWrongTypes(value, 0.01);
      } else {
        shape[f.name] = withWrongTypes(fc.option(value, { nil: null, freq: 4 }), 0.01);
      }
    }
    return fc.record(shape, { requiredKeys: required });
  }
  return fc.constant(null);
}

/** With a small probability, a value of the wrong type instead of `value`. */
function withWrongTypes(value: fc.Arbitrary<unknown>, rate: number): fc.Arbitrary<unknown> {
  const wrong = Math.max(1, Math.round(rate * 100));
  return fc.oneof({ weight: 100 - wrong, arbitrary: value }, { weight: wrong, arbitrary: wrongType });
}

/** Variables for a root field's arguments (one variable per argument, named like it). */
export function variablesOf(
  args: readonly GraphQLArgument[],
  ctx: ArgContext,
): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const a of args) shape[a.name] = withWrongTypes(arbitraryFor(a.type, a.name, ctx), 0.04);
  return fc.record(shape);
}
