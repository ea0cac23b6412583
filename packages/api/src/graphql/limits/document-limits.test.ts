import 'reflect-metadata';
import {
  getIntrospectionQuery,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Viewer } from '../../modules/accounts/viewer.js';
import { createSchema } from '../schema.js';
import { analyzeDocument, type DocumentLimits } from './document-limits.js';
import { throttleIdentity } from './limits.plugin.js';

const LIMITS: DocumentLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5000,
  maxCost: 1000,
  attemptFieldsPerDocument: 1,
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

function analyze(source: string, variables: Record<string, unknown> = {}, limits = LIMITS) {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  return analyzeDocument({ schema, document, operation, variables, limits });
}

describe('query cost', () => {
  test('one parsed document is measured once; its cost still follows the variables it depends on', () => {
    const document = parse(
      `query ($n: Int!, $withReviews: Boolean!, $q: String) {
        products(first: $n, query: $q) { nodes { id reviews(first: 2) @include(if: $withReviews) { nodes { id } } } }
      }`,
    );
    const operation = document.definitions[0] as OperationDefinitionNode;
    const run = (variables: Record<string, unknown>, limits = LIMITS) =>
      analyzeDocument({ schema, document, operation, variables, limits });
    // 1 + n × (1 + reviews: 1 + 2 × 1 when included)
    expect(run({ n: 10, withReviews: false, q: 'a' }).cost).toBe(11);
    expect(run({ n: 10, withReviews: true, q: 'b' }).cost).toBe(41);
    expect(run({ n: 20, withReviews: false, q: 'c' }).cost).toBe(21);
    expect(run({ n: 10, withReviews: true, q: 'd' }).cost).toBe(41);
    // Variables that do not coerce cost 1 (execution refuses them), also after the document was measured.
    expect(run({ n: 'ten', withReviews: true }).cost).toBe(1);
    // The limits are applied per call, not cached with the measurements.
    expect(run({ n: 10, withReviews: true }, { ...LIMITS, maxCost: 40 }).violation?.code).toBe(
      'QUERY_TOO_COMPLEX',
    );
    expect(run({ n: 10, withReviews: true }, { ...LIMITS, maxDepth: 3 }).violation?.code).toBe(
      'QUERY_TOO_DEEP',
    );
    expect(run({ n: 10, withReviews: true }).violation).toBeNull();
  });

  test.each([
    ['scalars are free, an operation costs at least 1', '{ __typename }', 1],
    ['a connection multiplies its items by `first`', '{ products(first: 10) { nodes { id } } }', 11],
    ['edges and nodes do not multiply again', '{ products(first: 10) { edges { node { id } } } }', 21],
    ['`first` from a variable', 'query ($n: Int!) { products(first: $n) { nodes { id } } }', 51],
    ['the default page size when `first` is absent (products: 20)', '{ products { nodes { id } } }', 21],
    [
      'nested connections multiply',
      '{ products(first: 10) { nodes { reviews(first: 10) { nodes { id } } } } }',
      1 + 10 * (1 + 1 + 10 * 1),
    ],
    [
      'a plain list counts its children once',
      '{ products(first: 1) { nodes { variants { price { amount } } } } }',
      4,
    ],
    ['per-field overrides (exportOrdersCsv)', '{ exportOrdersCsv }', 50],
    ['root mutation fields cost 10', 'mutation { logout { loggedOut } }', 10],
  ])('%s', (_name, source, expected) => {
    const result = analyze(source, { n: 50 });
    expect(result.violation).toBeNull();
    expect(result.cost).toBe(expected);
  });

  test('over the maximum cost is QUERY_TOO_COMPLEX', () => {
    const result = analyze('{ products(first: 100) { nodes { reviews(first: 100) { nodes { id } } } } }');
    expect(result.cost).toBeGreaterThan(1000);
    expect(result.violation?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('depth, aliases and attempt fields', () => {
  test('depth counts through fragments', () => {
    const source = `
      fragment V on ProductVariant { product { variants { product { variants { product { variants { id } } } } } } }
      { products(first: 1) { nodes { variants { ...V } } } }`;
    expect(analyze(source).depth).toBe(10);
    expect(analyze(source, {}, { ...LIMITS, maxDepth: 10 }).violation).toBeNull();
    expect(analyze(source, {}, { ...LIMITS, maxDepth: 9 }).violation?.code).toBe('QUERY_TOO_DEEP');
  });

  test('the introspection query (GraphiQL, codegen) fits every limit', () => {
    const result = analyze(getIntrospectionQuery());
    expect(result.violation).toBeNull();
    expect(result.depth).toBeLessThanOrEqual(2);
  });

  test('aliases are counted over the document', () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ');
    expect(analyze(`{ ${fields(30)} }`).violation).toBeNull();
    expect(analyze(`{ ${fields(31)} }`).violation?.code).toBe('TOO_MANY_ALIASES');
  });

  test.each([
    [
      'login twice',
      'mutation { a: logout { loggedOut } b: login(input: { email: "x", password: "y" }) { token } c: login(input: { email: "x", password: "z" }) { token } }',
    ],
    [
      'coupon checks twice',
      '{ a: checkoutPreview(input: $i) { __typename } b: checkoutPreview(input: $i) { __typename } }',
    ],
    [
      'order keys twice',
      '{ a: consultationReport(orderNumber: "A", key: "k") { status } ...F } fragment F on Query { b: consultationReport(orderNumber: "A", key: "l") { status } }',
    ],
  ])('an attempt field appearing more than once per document is refused (%s)', (_name, source) => {
    const fixed = source.includes('$i') ? `query ($i: CheckoutPreviewInput!) ${source}` : source;
    expect(analyze(fixed).violation?.code).toBe('TOO_MANY_ATTEMPT_FIELDS');
  });
});

describe('throttle identity', () => {
  const viewer: Viewer = { userId: 7, sessionId: 1, role: 'SHOPPER', merchantId: null, locale: 'en' };
  test('API key, else signed-in user, else client address', () => {
    expect(
      throttleIdentity({
        viewer: { ...viewer, apiKey: { id: 3, scopes: [], merchantId: null } },
        http: { ip: '::1' } as never,
      }),
    ).toBe('key:3');
    expect(throttleIdentity({ viewer, http: { ip: '::1' } as never })).toBe('user:7');
    expect(throttleIdentity({ viewer: null, http: { ip: '10.0.0.9' } as never })).toBe('ip:10.0.0.9');
  });
});
