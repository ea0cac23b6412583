import type { UserRole } from '@marketplace/core';
import { PublicError } from '../../graphql/errors.js';
import type { Viewer } from './viewer.js';

/** The viewer, or UNAUTHENTICATED. Called by services, never left to resolvers. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new PublicError('UNAUTHENTICATED', 'Sign in first.');
  return viewer;
}

/** The viewer if it has one of these roles; otherwise UNAUTHENTICATED or FORBIDDEN. */
export function requireRole(viewer: Viewer | null, ...roles: UserRole[]): Viewer {
  const v = requireViewer(viewer);
  if (!roles.includes(v.role)) throw new PublicError('FORBIDDEN', 'You are not allowed to do this.');
  return v;
}
