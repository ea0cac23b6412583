// A small, dependency-free TypeScript client for the Marketplace GraphQL API (docs/api.md).
// Node 18+ or any browser: only `fetch`. Types are hand-written for the fields these examples select;
// for a full client generate them from packages/api/schema.graphql with GraphQL Code Generator.

/** One entry of a GraphQL response's top-level `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    reason?: string;
    retryAfterSeconds?: number;
    requestId?: string;
    [key: string]: unknown;
  };
}

/** `extensions.cost` of every response (see "Limits and cost"). */
export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorEntry[];
  extensions?: { cost?: CostExtension; [key: string]: unknown };
}

/** A top-level error (UNAUTHENTICATED, FORBIDDEN, THROTTLED, BAD_USER_INPUT, …) as an exception. */
export class MarketplaceApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorEntry[],
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
    this.name = 'MarketplaceApiError';
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface ClientOptions {
  /** e.g. `http://localhost:4000` (the client appends `/graphql`). */
  baseUrl: string;
  /** An API key (`mk_…`) or a session token from `login`. */
  token?: string;
  /** `en` or `zh-TW`: the language of localized fields when no `locale` argument is given. */
  language?: string;
  /** How often to wait and retry when THROTTLED (default 1). */
  throttleRetries?: number;
}

export function createClient(options: ClientOptions) {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/graphql`;

  async function request<T>(
    query: string,
    variables: Record<string, unknown> = {},
    attempt = 0,
  ): Promise<{ data: T; cost?: CostExtension }> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.language) headers['accept-language'] = options.language;
    const res = await fetch(endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResponse<T>;
    const errors = body.errors ?? [];
    const throttled = errors.find((e) => e.extensions?.code === 'THROTTLED');
    const retryAfter = throttled?.extensions?.retryAfterSeconds;
    if (throttled && typeof retryAfter === 'number' && attempt < (options.throttleRetries ?? 1)) {
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      return request<T>(query, variables, attempt + 1);
    }
    if (errors.length > 0 || !body.data) throw new MarketplaceApiError(res.status, errors);
    return { data: body.data, cost: body.extensions?.cost };
  }

  return { request };
}

export interface Money {
  /** Decimal string, e.g. "12.34". */
  amount: string;
  currencyCode: string;
  minorUnits: number;
}

export interface ProductSummary {
  id: string;
  handle: string;
  title: string;
  priceRange: { minVariantPrice: Money; maxVariantPrice: Money };
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface ProductsPage {
  products: { edges: { cursor: string; node: ProductSummary }[]; pageInfo: PageInfo };
}

const PRODUCTS_QUERY = /* GraphQL */ `
  query ExampleProducts($first: Int!, $after: String) {
    products(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          handle
          title
          priceRange {
            minVariantPrice { amount currencyCode minorUnits }
            maxVariantPrice { amount currencyCode minorUnits }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** Every product on sale, page by page (`first` ≤ 100; `after` = the previous page's `endCursor`). */
export async function* allProducts(
  client: ReturnType<typeof createClient>,
  pageSize = 50,
): AsyncGenerator<ProductSummary> {
  let after: string | null = null;
  do {
    const { data }: { data: ProductsPage } = await client.request<ProductsPage>(PRODUCTS_QUERY, {
      first: pageSize,
      after,
    });
    for (const edge of data.products.edges) yield edge.node;
    after = data.products.pageInfo.hasNextPage ? data.products.pageInfo.endCursor : null;
  } while (after);
}

export interface UserError {
  code: string;
  field: string[] | null;
  message: string;
}

/** Signs in with a password and returns a session token (or the userErrors, e.g. INVALID_CREDENTIALS). */
export async function login(
  client: ReturnType<typeof createClient>,
  email: string,
  password: string,
): Promise<{ token: string | null; userErrors: UserError[] }> {
  const { data } = await client.request<{ login: { token: string | null; userErrors: UserError[] } }>(
    `mutation ExampleLogin($input: LoginInput!) {
      login(input: $input) { token userErrors { code field message } }
    }`,
    { input: { email, password } },
  );
  return data.login;
}

/** Who the token belongs to (null for anonymous callers). */
export async function whoAmI(client: ReturnType<typeof createClient>) {
  const { data } = await client.request<{ viewer: { email: string; role: string } | null }>(
    'query ExampleViewer { viewer { email role } }',
  );
  return data.viewer;
}
