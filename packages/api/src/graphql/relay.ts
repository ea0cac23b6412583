import {
  type FieldNode,
  GraphQLInt,
  valueFromAST,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getDirectiveValues,
  Kind,
  type SelectionNode,
} from 'graphql';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';

const MAX_DB_ID = 2_147_483_647;

/** Opaque global ids: clients must not build or parse them (Relay Global Object Identification). */
export function toGlobalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** The database id behind a global id of the expected type, or null for anything else. */
export function fromGlobalId(globalId: unknown, expectedType: string): number | null {
  const decoded = decodeGlobalId(globalId);
  return decoded && decoded.type === expectedType ? decoded.id : null;
}

export function decodeGlobalId(globalId: unknown): { type: string; id: number } | null {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Z][A-Za-z]{1,60}):([1-9][0-9]{0,9})$/.exec(text);
  if (!match) return null;
  const id = Number(match[2]);
  return id <= MAX_DB_ID ? { type: match[1]!, id } : null;
}

@InterfaceType({ description: 'An object with a globally unique, opaque ID that `node(id:)` can refetch.' })
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;
}

@ObjectType({ description: 'Pagination state of a cursor connection.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow `endCursor`.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede `startCursor`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Counting is a separate query, run only when the client asks for `totalCount`. */
  count: () => Promise<number>;
}

/** Builds the `XConnection` and `XEdge` object types for a node type. */
export function connectionTypes<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection {
    @Field(() => [Edge], { description: 'Items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'Items of this page (shortcut for `edges.node`).' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Pagination state.' })
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return { Edge, Connection };
}

/** Cursors are opaque JSON keys for keyset pagination. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): (string | number)[] | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' || typeof v === 'number'))
      return null;
    return value;
  } catch {
    return null;
  }
}

/** Builds a connection from `first + 1` rows fetched in order. */
export function toConnection<R, T>(
  rows: R[],
  first: number,
  opts: {
    hasPrevious: boolean;
    cursorOf: (row: R) => string;
    map: (row: R) => T;
    count: () => Promise<number>;
  },
): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: opts.cursorOf(row), node: opts.map(row) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: opts.hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count: opts.count,
  };
}

/** A connection that can also count its matches up to a limit (`totalCountUpTo`). */
export type CountableConnection<T> = ConnectionShape<T> & { countUpTo?: (limit: number) => Promise<number> };

export const COUNT_UP_TO_DEFAULT = 1000;
export const COUNT_UP_TO_MAX = 10_000;

/** `totalCountUpTo(limit:)`: the count stops at `limit` (clamped to 1…COUNT_UP_TO_MAX). */
export async function countUpTo(c: CountableConnection<unknown>, limit: number): Promise<number> {
  const cap = clampCountLimit(limit);
  return c.countUpTo ? c.countUpTo(cap) : Math.min(await c.count(), cap);
}

export function clampCountLimit(limit: number): number {
  return Math.min(Math.max(Math.trunc(limit), 1), COUNT_UP_TO_MAX);
}

export function mapConnection<R, T>(c: ConnectionShape<R>, map: (row: R) => T): ConnectionShape<T> {
  const edges = c.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) }));
  return { edges, nodes: edges.map((e) => e.node), pageInfo: c.pageInfo, count: c.count };
}

/**
 * The `name` field the field being resolved selects directly (through fragments too, honouring
 * `@include`/`@skip` with the request's variables), e.g. `totalCount`; null when not selected.
 */
export function selectedField(info: GraphQLResolveInfo, name: string): FieldNode | null {
  const included = (node: SelectionNode) => {
    const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
    const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
    return skip?.if !== true && include?.if !== false;
  };
  const visit = (selections: readonly SelectionNode[] | undefined, seen: Set<string>): FieldNode | null => {
    for (const s of selections ?? []) {
      if (!included(s)) continue;
      let found: FieldNode | null = null;
      if (s.kind === Kind.FIELD) found = s.name.value === name ? s : null;
      else if (s.kind === Kind.INLINE_FRAGMENT) found = visit(s.selectionSet.selections, seen);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        found = visit(info.fragments[s.name.value]?.selectionSet.selections, seen);
      }
      if (found) return found;
    }
    return null;
  };
  for (const node of info.fieldNodes) {
    const found = visit(node.selectionSet?.selections, new Set());
    if (found) return found;
  }
  return null;
}

export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectedField(info, name) !== null;
}

/** The `limit` a selected `totalCountUpTo` asks for (its default when not given), or null. */
export function countUpToLimitOf(info: GraphQLResolveInfo): number | null {
  const field = selectedField(info, 'totalCountUpTo');
  if (!field) return null;
  const arg = field.arguments?.find((a) => a.name.value === 'limit');
  const value = arg ? valueFromAST(arg.value, GraphQLInt, info.variableValues) : undefined;
  return clampCountLimit(typeof value === 'number' ? value : COUNT_UP_TO_DEFAULT);
}
