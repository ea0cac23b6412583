import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Compiled = CompiledQuery | null;
type GatewayInterface = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/**
 * Compiled execution: each operation is compiled once by graphql-jit into a function that
 * resolves exactly its selection set (no per-field lookups of the schema, argument coercion
 * planned ahead), then cached on the parsed document — Apollo hands over the same `DocumentNode`
 * for the same query text from its document store, so the cache is a `WeakMap` and lives exactly
 * as long as Apollo keeps the document. Resolvers, the capability/scope guards, error masking and
 * every plugin stay as they are; an operation graphql-jit cannot compile runs on graphql-js.
 *
 * Compiled: queries whose selections reach no union or interface. type-graphql resolves abstract
 * types asynchronously, which graphql-jit 0.8 does not support, and mutations are bound by their
 * transaction, not by execution — both run on graphql-js as before.
 *
 * Apollo Server accepts a custom executor only through its gateway interface, hence the shape.
 */
export function compiledExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  const cache = new WeakMap<DocumentNode, Map<string, Compiled>>();

  const compiledFor = (
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null,
  ): Compiled => {
    let byName = cache.get(document);
    if (!byName) {
      byName = new Map();
      cache.set(document, byName);
    }
    const key = operationName ?? '';
    if (byName.has(key)) return byName.get(key) ?? null;
    if (!compilable(schema, document, operation)) {
      byName.set(key, null);
      return null;
    }
    const result = compileQuery(schema, document, operationName ?? undefined, {
      // Custom scalars are serialized by their own `serialize` (DateTime, …).
      customJSONSerializer: false,
    });
    const compiled = isCompiledQuery(result) ? result : null;
    byName.set(key, compiled);
    return compiled;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation, operationName, context, request } = requestContext;
    const runInterpreted = () =>
      execute({ schema, document, operationName, contextValue: context, variableValues: request.variables });
    const compiled = compiledFor(document, operation, operationName);
    if (!compiled) return runInterpreted();
    const result = await compiled.query(undefined, context, request.variables ?? {});
    // Refused before anything ran (variable coercion; graphql-jit 0.8 also refuses an omitted
    // non-null input field that has a default): graphql-js decides, with its exact semantics.
    if (!('data' in result)) return runInterpreted();
    return withGraphQLErrors(result);
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/** A query selecting no abstract type (see above). */
function compilable(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  if (operation.operation !== 'query') return false;
  const typeInfo = new TypeInfo(schema);
  let abstract = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (type && isAbstractType(getNamedType(type))) abstract = true;
      },
    }),
  );
  return !abstract;
}

/**
 * graphql-jit's errors only look like GraphQLErrors (no `extensions` object when the original
 * error has none, which Apollo's error formatting requires): rebuild them as graphql-js errors,
 * keeping path, locations, extensions and the original error (for logging and masking).
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((e: GraphQLError) => {
    const error = new GraphQLError(e.message, {
      path: e.path,
      originalError: e.originalError ?? undefined,
      extensions: e.extensions,
    });
    Object.assign(error, { locations: e.locations });
    return error;
  });
  return { ...result, errors };
}
