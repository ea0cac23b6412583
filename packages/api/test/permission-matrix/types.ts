import type { RunningSandbox } from '../../../gateway-sandbox/src/sandbox.js';
import type { Gql } from '../../src/modules/checkout/checkout.test-support.js';
import type { GqlResponse, TestApi } from '../harness.js';

/**
 * The permission matrix: one entry per Mutation field and per staff Query field (see README.md).
 * Entries are data; the runner (runner.ts) calls every case as every actor and asserts the outcome.
 */

/** Who calls. The cast is fixed: see ACTOR_EMAILS in runner.ts. */
export type Actor = 'guest' | 'shopper' | 'staffA' | 'support' | 'admin';
export const ACTORS: readonly Actor[] = ['guest', 'shopper', 'staffA', 'support', 'admin'];

/**
 * Whose object the case targets.
 * - 'A': an object of store A (formosa-roasters), or, for shopper-owned objects, one of the shopper actor's own
 *   (shopper@example.com).
 * - 'B': an object of store B (lane-nine-design), or, for shopper-owned objects, another shopper's.
 * - 'none': the operation has no target object (create something, list, public forms).
 */
export type Target = 'A' | 'B' | 'none';

/**
 * The expected answer for one actor.
 * - 'ALLOWED': no top-level error; the root field is non-null; its `userErrors` (if any) is empty; the case's
 *   `verify` (if any) passes. The database may change.
 * - 'UNAUTHENTICATED' | 'FORBIDDEN': the top-level error code (`errors[0].extensions.code`); database unchanged.
 * - 'NULL': no error, the root field is null (a query answering null outside the viewer's scope); unchanged.
 * - 'HIDDEN': no error, but the target is not in the answer (the case's `visible` says false, e.g. a list that
 *   leaves out another store's order); unchanged.
 * - { userError: 'CODE' }: no top-level error, the payload's `userErrors` contains this code (e.g. NOT_FOUND,
 *   ORDER_NOT_FOUND); database unchanged.
 */
export type Outcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NULL' | 'HIDDEN' | { userError: string };

/** What `prepare` and `verify` get. Tokens are logged in once per test file and reused. */
export interface MatrixContext {
  api: TestApi;
  sandbox: RunningSandbox;
  /** Bearer token of an actor (null for the guest). */
  token(actor: Actor): string | null;
  /** Calls the API as an actor; throws if the answer has top-level errors (for arranging, not for the assertion). */
  as<T = Gql>(actor: Actor, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Database ids and global ids of the fixed cast (stores, users); see runner.ts `World`. */
  world: World;
}

export interface World {
  storeA: { id: number; gid: string; handle: string };
  storeB: { id: number; gid: string; handle: string };
  users: Record<Actor | 'shopper2', { id: number; email: string } | null>;
}

/** What `prepare` returns: the operation to call (the same for every actor unless `variables` is a function). */
export interface Prepared {
  /** The GraphQL document: exactly one root field, the entry's operation. Select `userErrors { code }` on payloads. */
  query: string;
  /** Variables, or a function of the actor (e.g. a guest cart token for the guest). */
  variables?: Record<string, unknown> | ((actor: Actor) => Record<string, unknown>);
  /**
   * Sessions to call with instead of the actors' shared ones (e.g. `logout`, `changePassword`: a throwaway account
   * of the same role from `support.ts` `standIn`, so the shared sessions and passwords survive).
   */
  tokens?: Partial<Record<Actor, string | null>>;
  /** Extra check after an ALLOWED call (the effect is visible); throw or use expect() to fail. */
  verify?(res: GqlResponse<Gql>, actor: Actor): Promise<void> | void;
  /** For 'ALLOWED' vs 'HIDDEN' on lists: whether the target is in the answer. Default: root field non-null. */
  visible?(data: Gql): boolean;
}

export interface MatrixCase {
  /** Short description shown in the test name, e.g. "on a paid goods order". */
  name?: string;
  target: Target;
  /**
   * Builds what the call needs (through `ctx.api.sql` or as an actor through the API) and returns the document.
   * Runs once for all refused actors (a refusal changes nothing, so they share the objects), and again before
   * each further ALLOWED actor (an allowed call may consume the object, e.g. ship an order), unless `reusable`.
   */
  prepare(ctx: MatrixContext): Promise<Prepared>;
  /** Every actor's expected outcome (all five are required). */
  expect: Record<Actor, Outcome>;
  /** The prepared objects survive an ALLOWED call unchanged in what matters (reads, idempotent writes): prepare once. */
  reusable?: boolean;
  /**
   * staffA's outcome when store A is under safe freeze (merchant status SAFE_FROZEN: "merchant staff can view the
   * management center read-only and change nothing"), on freshly prepared objects; the database must not change
   * unless ALLOWED. Required on every mutation case with target A or 'none' where staffA is ALLOWED and the
   * shopper is not (a change of store data), e.g. `userError('MERCHANT_FROZEN')`. Query cases with such a staffA
   * row are checked automatically: reading keeps working (ALLOWED) unless this says otherwise.
   */
  frozenA?: Outcome;
  /**
   * The API does not meet `frozenA` yet, and why (reported to the lead): the safe-freeze check is declared
   * `test.fails` until it does. Use only for a reported gap, never to encode wrong behaviour as right.
   */
  frozenGap?: string;
  /** Why some outcome is what it is, when it is not obvious (documentation only). */
  note?: string;
}

/** The cases whose staffA row changes store A's data or reads it: the safe-freeze check applies. */
export function storeACase(c: MatrixCase): boolean {
  return c.target !== 'B' && c.expect.staffA === 'ALLOWED' && c.expect.shopper !== 'ALLOWED';
}

export interface MatrixEntry {
  /** The Mutation or Query field name, e.g. 'shipOrders'. */
  operation: string;
  kind: 'mutation' | 'query';
  cases: MatrixCase[];
  /**
   * Why one target is enough although the operation takes an object (a required ID), e.g. "help articles belong
   * to the platform, not to a store". Without it, such an operation needs a case for target A and one for B.
   */
  singleTarget?: string;
}

/** Shorthand for a userError outcome. */
export const userError = (code: string): Outcome => ({ userError: code });

/** Shorthands for the common rows. */
export const EVERYONE_ALLOWED: Record<Actor, Outcome> = {
  guest: 'ALLOWED',
  shopper: 'ALLOWED',
  staffA: 'ALLOWED',
  support: 'ALLOWED',
  admin: 'ALLOWED',
};
/** Signed-in accounts of any role may call it; the guest gets UNAUTHENTICATED. */
export const SIGNED_IN: Record<Actor, Outcome> = { ...EVERYONE_ALLOWED, guest: 'UNAUTHENTICATED' };
/** Platform staff only (customer service and admins). */
export const PLATFORM_STAFF: Record<Actor, Outcome> = {
  guest: 'UNAUTHENTICATED',
  shopper: 'FORBIDDEN',
  staffA: 'FORBIDDEN',
  support: 'ALLOWED',
  admin: 'ALLOWED',
};
/** Admins only. */
export const ADMIN_ONLY: Record<Actor, Outcome> = { ...PLATFORM_STAFF, support: 'FORBIDDEN' };
