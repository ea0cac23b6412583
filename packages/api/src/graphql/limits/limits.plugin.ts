import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { Config } from '../../config.js';
import type { Context } from '../context.js';
import { PublicError } from '../errors.js';
import { analyzeDocument } from './document-limits.js';
import type { ThrottleStatus } from './rate-budget.js';
import { peekRequestBudget, spendRequestBudget, throttleIdentity } from './rate-budget.prelude.js';

export { throttleIdentity };

type LimitCode =
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_TOKENS'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_MANY_ATTEMPT_FIELDS'
  | 'THROTTLED';

/** A top-level error of the limits (exposed to the client like every PublicError). */
class LimitError extends PublicError {
  constructor(code: LimitCode, message: string, extensions: Record<string, unknown> = {}) {
    super(code === 'THROTTLED' ? 'THROTTLED' : 'BAD_USER_INPUT', message);
    Object.assign(this.extensions, { code, ...extensions });
  }
}

/** `extensions.cost` of every response (Shopify's shape). */
export interface CostExtension {
  requestedQueryCost: number;
  /** The same as requested: the cost is charged from the document, before execution. */
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

// graphql-js writes "more that" (sic); accept both spellings.
const TOKENS_MESSAGE = /Document contains more tha[nt] \d+ tokens/;

/**
 * Before anything executes: the operation's depth, aliases, attempt fields and cost are checked
 * against `config.graphqlLimits` (tokens are limited by the parser: `parseOptions.maxTokens`), then
 * the cost is taken from the caller's leaky bucket in PostgreSQL. A refusal is a top-level error
 * and nothing runs. Every response gets `extensions.cost`.
 */
export function queryLimitsPlugin(config: Config): ApolloServerPlugin<Context> {
  const limits = config.graphqlLimits;
  return {
    async requestDidStart() {
      let cost: CostExtension | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const analysis = analyzeDocument({
            schema,
            document,
            operation,
            variables: request.variables,
            limits,
          });
          if (analysis.violation) {
            // The session (if any) is resolved with the budget, in one statement (rate-budget.prelude.ts).
            const throttleStatus = await peekRequestBudget(contextValue, limits.budget);
            cost = {
              requestedQueryCost: Number.isFinite(analysis.cost) ? analysis.cost : 0,
              actualQueryCost: null,
              throttleStatus,
            };
            throw new LimitError(analysis.violation.code, analysis.violation.message, {
              http: { status: 400 },
            });
          }
          const spent = await spendRequestBudget(contextValue, analysis.cost, limits.budget);
          cost = {
            requestedQueryCost: analysis.cost,
            actualQueryCost: spent.allowed ? analysis.cost : null,
            throttleStatus: spent.status,
          };
          if (!spent.allowed) {
            const retryAfterSeconds = Number.isFinite(spent.retryAfterSeconds)
              ? spent.retryAfterSeconds
              : null;
            throw new LimitError(
              'THROTTLED',
              retryAfterSeconds === null
                ? `The query costs ${analysis.cost}, more than the budget ever holds (${limits.budget.maximumAvailable}).`
                : `Over the query budget: try again in ${retryAfterSeconds} s.`,
              {
                retryAfterSeconds,
                http: {
                  status: 429,
                  headers: new HeaderMap(
                    retryAfterSeconds === null ? [] : [['retry-after', String(retryAfterSeconds)]],
                  ),
                },
              },
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          for (const e of result.errors ?? []) {
            if (e.extensions?.code === 'GRAPHQL_PARSE_FAILED' && TOKENS_MESSAGE.test(e.message)) {
              (e.extensions as Record<string, unknown>).code = 'TOO_MANY_TOKENS';
            }
          }
          if (!cost) {
            // Refused before an operation was resolved (syntax, tokens, validation): nothing spent.
            try {
              const throttleStatus = await peekRequestBudget(contextValue, limits.budget);
              cost = { requestedQueryCost: 0, actualQueryCost: null, throttleStatus };
            } catch (error) {
              contextValue.logger.warn({ err: error }, 'could not read the query budget');
              return;
            }
          }
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
}
