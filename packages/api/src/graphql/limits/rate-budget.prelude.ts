import {
  type SessionViewerRow,
  sessionLookup,
  viewerFromSessionRow,
} from '../../modules/accounts/session.service.js';
import type { Viewer } from '../../modules/accounts/viewer.js';
import type { Context } from '../context.js';
import { createServices } from '../services.js';
import {
  type BudgetSettings,
  peekBudget,
  peekBudgetWithSession,
  type SpendResult,
  spendBudget,
  spendBudgetWithSession,
  type ThrottleStatus,
} from './rate-budget.js';

/**
 * The per-request prelude (issue 8): the HTTP layer does not look the session up when it builds the
 * context; it leaves the token in `ctx.sessionToken`, and the query-limits plugin resolves it together
 * with the query budget in ONE statement (rate-budget.ts), then sets the viewer, its locale and the
 * services of the context before anything executes. Throttle identities are unchanged: an API key's,
 * else the signed-in user's, else the client address's.
 */

/**
 * Whose budget a request spends: the API key's, else the signed-in user's, else the client
 * address's (Express `req.ip`; proxies are trusted on loopback only).
 */
export function throttleIdentity(ctx: Pick<Context, 'viewer' | 'http'>): string {
  if (ctx.viewer?.apiKey) return `key:${ctx.viewer.apiKey.id}`;
  if (ctx.viewer) return `user:${ctx.viewer.userId}`;
  return addressIdentity(ctx);
}

function addressIdentity(ctx: Pick<Context, 'http'>): string {
  return `ip:${(ctx.http.ip || 'unknown').slice(0, 64)}`;
}

/** Takes the request's cost from its caller's budget, resolving a pending session token in the same statement. */
export async function spendRequestBudget(
  ctx: Context,
  cost: number,
  settings: BudgetSettings,
): Promise<SpendResult> {
  const lookup = takeSessionLookup(ctx);
  if (!lookup) return spendBudget(ctx.em, throttleIdentity(ctx), cost, settings);
  const { session, spent } = await spendBudgetWithSession<SessionViewerRow>(
    ctx.em,
    lookup,
    addressIdentity(ctx),
    cost,
    settings,
  );
  adoptViewer(ctx, session ? viewerFromSessionRow(session) : null);
  return spent;
}

/** The level of the caller's budget (nothing spent), resolving a pending session token in the same statement. */
export async function peekRequestBudget(ctx: Context, settings: BudgetSettings): Promise<ThrottleStatus> {
  const lookup = takeSessionLookup(ctx);
  if (!lookup) return peekBudget(ctx.em, throttleIdentity(ctx), settings);
  const { session, status } = await peekBudgetWithSession<SessionViewerRow>(
    ctx.em,
    lookup,
    addressIdentity(ctx),
    settings,
  );
  adoptViewer(ctx, session ? viewerFromSessionRow(session) : null);
  return status;
}

function takeSessionLookup(ctx: Context) {
  const token = ctx.sessionToken ?? null;
  if (token === null) return null;
  ctx.sessionToken = null;
  return sessionLookup(token);
}

function adoptViewer(ctx: Context, viewer: Viewer | null): void {
  if (!viewer) return;
  ctx.viewer = viewer;
  ctx.locale = viewer.locale;
  ctx.services = createServices(ctx.em, viewer, ctx.config);
}
