import type { EntityManager } from '@mikro-orm/postgresql';
import { PublicError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { requireRole } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { AuditLogEntryEntity } from './audit.entity.js';

export interface AuditLogFilter {
  /** Global `User` ID of the actor. */
  actorId?: string | null;
  /** Only the platform's own entries (jobs, automatic rules). */
  systemOnly?: boolean | null;
  /** Exact action, or a prefix ending in `.` / `*` (e.g. `sanction.`). */
  action?: string | null;
  subjectType?: string | null;
  subjectId?: number | null;
  from?: Date | null;
  to?: Date | null;
}

/** Reading the audit log: platform admins only. Writing is `recordAudit`, inside each action's transaction. */
export class AuditService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  async auditLog(args: {
    first?: number | null;
    after?: string | null;
    filter?: AuditLogFilter | null;
  }): Promise<ConnectionShape<AuditLogEntryEntity>> {
    requireRole(this.viewer, 'ADMIN');
    const first = args.first ?? 50;
    if (first < 1 || first > 100)
      throw new PublicError('BAD_USER_INPUT', '`first` must be between 1 and 100.');
    const f = args.filter ?? {};
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.actorId) {
      const id = fromGlobalId(f.actorId, 'User');
      if (id === null) throw new PublicError('BAD_USER_INPUT', 'Unknown actor ID.');
      where.push('actor_id = ?');
      params.push(id);
    }
    if (f.systemOnly) where.push('actor_id is null');
    const action = f.action?.trim();
    if (action) {
      if (action.endsWith('*') || action.endsWith('.')) {
        where.push('action like ?');
        params.push(`${action.replace(/\*$/, '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      } else {
        where.push('action = ?');
        params.push(action);
      }
    }
    if (f.subjectType?.trim()) {
      where.push('subject_type = ?');
      params.push(f.subjectType.trim().toUpperCase());
    }
    if (f.subjectId !== null && f.subjectId !== undefined) {
      where.push('subject_id = ?');
      params.push(f.subjectId);
    }
    if (f.from) {
      where.push('created_at >= ?');
      params.push(f.from);
    }
    if (f.to) {
      where.push('created_at < ?');
      params.push(f.to);
    }
    const counted = { where: [...where], params: [...params] };
    const key = args.after ? decodeCursor(args.after) : null;
    if (args.after) {
      if (key?.length !== 1 || typeof key[0] !== 'number')
        throw new PublicError('BAD_USER_INPUT', 'Invalid cursor.');
      where.push('id < ?');
      params.push(key[0]);
    }
    const sqlWhere = (w: string[]) => (w.length ? `where ${w.join(' and ')}` : '');
    const rows = await this.em.execute<{ id: number }[]>(
      `select id from audit_log_entry ${sqlWhere(where)} order by id desc limit ?`,
      [...params, first + 1],
    );
    const ids = rows.map((r) => r.id);
    const found = ids.length
      ? await this.em.find(AuditLogEntryEntity, { id: { $in: ids } }, { populate: ['actor'] })
      : [];
    const byId = new Map(found.map((e) => [e.id, e]));
    const ordered = ids.map((id) => byId.get(id)).filter((e): e is AuditLogEntryEntity => e !== undefined);
    return toConnection(ordered, first, {
      hasPrevious: key !== null,
      cursorOf: (e) => encodeCursor([e.id]),
      map: (e) => e,
      count: async () => {
        const [c] = await this.em.execute<{ n: number }[]>(
          `select count(*)::int as n from audit_log_entry ${sqlWhere(counted.where)}`,
          counted.params,
        );
        return c?.n ?? 0;
      },
    });
  }
}
