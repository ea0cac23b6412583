import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  getVariableValues,
  isLeafType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';
import { type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';

/** Limits every document is checked against before anything executes (config: `graphqlLimits`). */
export interface DocumentLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  /** How often one attempt-counting field (login, coupon checks, order keys…) may appear per document. */
  attemptFieldsPerDocument: number;
}

/**
 * Fields each of which is an attempt at something guessable (a password, a coupon code, an order
 * key, a token sent by email). Their throttles count per call; this cap keeps one document from
 * running many of them side by side (query fields resolve in parallel, so a check-then-record
 * throttle could otherwise let a burst of aliases through).
 */
export const ATTEMPT_FIELDS: ReadonlySet<string> = new Set([
  'Mutation.login',
  'Mutation.register',
  'Mutation.requestPasswordReset',
  'Mutation.resetPassword',
  'Mutation.changePassword',
  'Mutation.verifyEmail',
  'Mutation.submitOrder',
  'Query.checkoutPreview',
  'Query.consultationReport',
]);

/** Cost of a field itself (before its children and list multiplier) when not the default. */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.checkoutPreview': 5, // prices a whole cart, coupons included
  'Query.exportOrdersCsv': 50, // up to thousands of rows as text
  'Query.staffDashboard': 10, // aggregates over all orders
  'Query.auditLog': 2,
};

/** Root mutation fields cost this much by default (they write). */
export const MUTATION_COST = 10;
/** Page size assumed for a connection whose `first`/`last` is absent and has no default. */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Per-field cost: leaves (scalars, enums) 0, objects 1, root mutation fields 10, overrides from
 * FIELD_COSTS; a connection or a list with `first`/`last`/`limit` multiplies its children by that
 * number (default `DEFAULT_PAGE_SIZE`); a connection's own `edges`/`nodes` do not multiply again;
 * other lists (an order's lines, a product's images) are bounded by their parent and count once.
 */
export function fieldCost(schema: GraphQLSchema) {
  const mutationType = schema.getMutationType();
  return ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    const named = getNamedType(field.type);
    const override = FIELD_COSTS[`${type.name}.${field.name}`];
    if (isLeafType(named)) return override ?? 0;
    const own = override ?? (type === mutationType ? MUTATION_COST : 1);
    const isConnection = named.name.endsWith('Connection');
    const isList = isListType(getNullableType(field.type));
    const insideConnection =
      type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes');
    let multiplier = 1;
    if ((isConnection || isList) && !insideConnection) {
      const size = args.first ?? args.last ?? args.limit;
      multiplier = typeof size === 'number' && size >= 0 ? size : isConnection ? DEFAULT_PAGE_SIZE : 1;
    }
    return own + multiplier * childComplexity;
  };
}

export type LimitViolation = {
  code: 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'QUERY_TOO_COMPLEX' | 'TOO_MANY_ATTEMPT_FIELDS';
  message: string;
};

export interface DocumentAnalysis {
  depth: number;
  aliases: number;
  /** Requested cost: at least 1 for any operation. */
  cost: number;
  violation: LimitViolation | null;
}

/** What a document's operation measures, whatever the variables (cached per parsed document). */
interface Shape {
  depth: number;
  aliases: number;
  /** How often each attempt field appears on the root selection. */
  attempts: Map<string, number>;
  /** Variables the cost depends on: values of `first`/`last`/`limit` and of `@include`/`@skip`. */
  costVariables: string[];
  /** Cost by the values of `costVariables` (bounded: other values are computed, not stored). */
  costs: Map<string, number>;
}

const COSTS_PER_DOCUMENT = 64;
/**
 * Apollo keeps one parsed DocumentNode per query text, so a client sending the same document again
 * (every storefront and admin request) is measured once; only the variables are checked per request.
 */
const shapes = new WeakMap<DocumentNode, Map<OperationDefinitionNode, Shape>>();

const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);

function measure(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Shape {
  let byOperation = shapes.get(document);
  if (!byOperation) {
    byOperation = new Map();
    shapes.set(document, byOperation);
  }
  const known = byOperation.get(operation);
  if (known) return known;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const depth = selectionDepth(operation.selectionSet, fragments, new Set());
  let aliases = 0;
  const costVariables = new Set<string>();
  visit(document, {
    Field(node) {
      if (node.alias) aliases += 1;
      for (const arg of node.arguments ?? []) {
        if (SIZE_ARGUMENTS.has(arg.name.value) && arg.value.kind === Kind.VARIABLE) {
          costVariables.add(arg.value.name.value);
        }
      }
    },
    Directive(node) {
      if (node.name.value !== 'include' && node.name.value !== 'skip') return;
      visit(node, {
        Variable(v) {
          costVariables.add(v.name.value);
        },
      });
    },
  });
  const attempts = new Map<string, number>();
  const rootName = rootTypeName(schema, operation);
  // Attempt fields are root fields: count them on the root selection, following fragments.
  countRootFields(operation.selectionSet, fragments, new Set(), (name) => {
    const key = `${rootName}.${name}`;
    if (ATTEMPT_FIELDS.has(key)) attempts.set(key, (attempts.get(key) ?? 0) + 1);
  });
  const shape: Shape = { depth, aliases, attempts, costVariables: [...costVariables], costs: new Map() };
  byOperation.set(operation, shape);
  return shape;
}

function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  shape: Shape,
): number {
  // Variables that do not coerce fail execution before any resolver runs: the request costs 1.
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return 1;
  const key = JSON.stringify(shape.costVariables.map((name) => variables[name] ?? null));
  const known = shape.costs.get(key);
  if (known !== undefined) return known;
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables,
      estimators: [fieldCost(schema)],
    });
  } catch (error) {
    // More nodes than the analysis walks (its own guard) is too complex by definition.
    const tooLarge = error instanceof Error && /maximum allowed number of nodes/.test(error.message);
    cost = tooLarge ? Number.POSITIVE_INFINITY : 1;
  }
  cost = Math.max(1, cost);
  if (shape.costs.size < COSTS_PER_DOCUMENT) shape.costs.set(key, cost);
  return cost;
}

/** Measures the operation that would run and names the first limit it breaks, if any. */
export function analyzeDocument(opts: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  limits: DocumentLimits;
}): DocumentAnalysis {
  const { schema, document, operation, variables, limits } = opts;
  const shape = measure(schema, document, operation);
  const { depth, aliases } = shape;
  if (depth > limits.maxDepth) {
    return {
      depth,
      aliases: 0,
      cost: 0,
      violation: {
        code: 'QUERY_TOO_DEEP',
        message: `The query is ${depth} levels deep; at most ${limits.maxDepth} are allowed.`,
      },
    };
  }
  for (const [field, count] of shape.attempts) {
    if (count > limits.attemptFieldsPerDocument) {
      return {
        depth,
        aliases,
        cost: 0,
        violation: {
          code: 'TOO_MANY_ATTEMPT_FIELDS',
          message: `\`${field.split('.')[1]}\` appears ${count} times; at most ${limits.attemptFieldsPerDocument} per document (send separate requests).`,
        },
      };
    }
  }
  if (aliases > limits.maxAliases) {
    return {
      depth,
      aliases,
      cost: 0,
      violation: {
        code: 'TOO_MANY_ALIASES',
        message: `The document has ${aliases} aliases; at most ${limits.maxAliases} are allowed.`,
      },
    };
  }
  const cost = operationCost(schema, document, operation, variables ?? {}, shape);
  if (cost > limits.maxCost) {
    return {
      depth,
      aliases,
      cost,
      violation: {
        code: 'QUERY_TOO_COMPLEX',
        message: Number.isFinite(cost)
          ? `The query costs ${cost}; at most ${limits.maxCost} is allowed. Ask for fewer items (\`first\`) or fewer fields.`
          : `The query is too large to analyze; at most ${limits.maxCost} cost points are allowed.`,
      },
    };
  }
  return { depth, aliases, cost, violation: null };
}

function rootTypeName(schema: GraphQLSchema, operation: OperationDefinitionNode): string {
  const type =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return type?.name ?? 'Query';
}

/**
 * Depth in fields of a selection (fragments expanded; a fragment already on the path counts 0 —
 * validation refuses cycles anyway). Introspection subtrees (`__schema`, `__type`) count as one
 * level so that GraphiQL's introspection query stays allowed; tokens and cost still bound them.
 */
function selectionDepth(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  path: Set<string>,
): number {
  if (!set) return 0;
  let deepest = 0;
  for (const sel of set.selections) {
    let d = 0;
    if (sel.kind === Kind.FIELD) {
      d = sel.name.value.startsWith('__') ? 1 : 1 + selectionDepth(sel.selectionSet, fragments, path);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      d = selectionDepth(sel.selectionSet, fragments, path);
    } else {
      const name = sel.name.value;
      const fragment = fragments.get(name);
      if (fragment && !path.has(name)) {
        path.add(name);
        d = selectionDepth(fragment.selectionSet, fragments, path);
        path.delete(name);
      }
    }
    if (d > deepest) deepest = d;
  }
  return deepest;
}

function countRootFields(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  path: Set<string>,
  onField: (name: string) => void,
): void {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) onField(sel.name.value);
    else if (sel.kind === Kind.INLINE_FRAGMENT) countRootFields(sel.selectionSet, fragments, path, onField);
    else {
      const fragment = fragments.get(sel.name.value);
      if (fragment && !path.has(sel.name.value)) {
        path.add(sel.name.value);
        countRootFields(fragment.selectionSet, fragments, path, onField);
        path.delete(sel.name.value);
      }
    }
  }
}
