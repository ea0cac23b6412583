import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { PublicError, userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { requireRole } from '../accounts/authorization.js';
import { UserEntity } from '../accounts/user.entity.js';
import type { Viewer } from '../accounts/viewer.js';
import {
  ContactRequestEntity,
  type ContactRequestStatus,
  type ContactTopic,
} from '../help/contact-request.entity.js';

export interface ContactRequestsFilter {
  status?: ContactRequestStatus | null;
  topic?: ContactTopic | null;
  /** Part of the name, email, order number or message, or a reference (`CR-000042`). */
  query?: string | null;
}

export interface ContactRequestsSort {
  field: 'CREATED_AT';
  direction: 'ASC' | 'DESC';
}

export type ResolveContactRequestErrorCode = 'NOT_FOUND' | 'ALREADY_RESOLVED' | 'INVALID_NOTE';

export interface ResolveResult {
  contactRequest: ContactRequestEntity | null;
  userErrors: { code: ResolveContactRequestErrorCode; message: string; field: string[] | null }[];
}

export const MAX_RESOLUTION_NOTE = 2000;
const STATUSES = new Set(['OPEN', 'CLOSED']);
const TOPICS = new Set(['ORDER', 'PAYMENT', 'OTHER']);

/** Customer service's inbox of contact-form messages (customer service and admins only). */
export class ContactRequestsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  private staff(): Viewer {
    return requireRole(this.viewer, 'CUSTOMER_SERVICE', 'ADMIN');
  }

  /** A page of contact requests (keyset on created_at, id), filtered and sorted on the server. */
  async list(args: {
    first: number;
    after?: string | null;
    filter?: ContactRequestsFilter | null;
    sort?: ContactRequestsSort | null;
  }): Promise<ConnectionShape<ContactRequestEntity>> {
    this.staff();
    const first = Math.min(Math.max(args.first, 0), 100);
    const dir = args.sort?.direction === 'ASC' ? 'asc' : 'desc';
    const filter = args.filter ?? {};
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      if (!STATUSES.has(filter.status)) throw new PublicError('BAD_USER_INPUT', 'Unknown status.');
      params.push(filter.status);
      where.push('c.status = ?');
    }
    if (filter.topic) {
      if (!TOPICS.has(filter.topic)) throw new PublicError('BAD_USER_INPUT', 'Unknown topic.');
      params.push(filter.topic);
      where.push('c.topic = ?');
    }
    const query = filter.query?.trim().slice(0, 200);
    if (query) {
      const ref = /^CR-?0*([1-9]\d{0,9})$/i.exec(query);
      const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like, like, like);
      const text = '(c.name ilike ? or c.email ilike ? or c.order_number ilike ? or c.message ilike ?)';
      if (ref && Number(ref[1]) <= 2_147_483_647) {
        params.push(Number(ref[1]));
        where.push(`(${text} or c.id = ?)`);
      } else where.push(text);
    }
    const countWhere = [...where];
    const countParams = [...params];

    const key = args.after ? decodeCursor(args.after) : null;
    if (args.after) {
      // The instant is kept as PostgreSQL wrote it (microseconds), so equal instants compare equal.
      const valid =
        key?.length === 2 &&
        typeof key[0] === 'string' &&
        /^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?|Z)?$/.test(key[0]) &&
        typeof key[1] === 'number';
      if (!valid) throw new PublicError('BAD_USER_INPUT', 'Invalid cursor.');
      const op = dir === 'asc' ? '>' : '<';
      params.push(key![0], key![1]);
      where.push(`(c.created_at, c.id) ${op} (?::timestamptz, ?)`); // row comparison: an index condition
    }
    params.push(first + 1);
    const rows = await this.em.execute<{ id: number; at: string }[]>(
      `select c.id, c.created_at::text as at from contact_request c ${where.length ? `where ${where.join(' and ')}` : ''}
       order by c.created_at ${dir}, c.id ${dir} limit ?`,
      params,
    );
    const ids = rows.map((r) => r.id);
    const entities = ids.length
      ? await this.em.find(ContactRequestEntity, { id: { $in: ids } }, { populate: ['resolvedBy'] })
      : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const atOf = new Map(rows.map((r) => [r.id, r.at]));
    return toConnection(
      ids.map((id) => byId.get(id)!),
      first,
      {
        hasPrevious: key !== null,
        cursorOf: (r) => encodeCursor([atOf.get(r.id)!, r.id]),
        map: (r) => r,
        count: async () => {
          const [c] = await this.em.execute<{ n: number }[]>(
            `select count(*)::int as n from contact_request c ${countWhere.length ? `where ${countWhere.join(' and ')}` : ''}`,
            countParams,
          );
          return c?.n ?? 0;
        },
      },
    );
  }

  /** One contact request by its ID, or null. */
  async find(id: string): Promise<ContactRequestEntity | null> {
    this.staff();
    const dbId = fromGlobalId(id, 'ContactRequest');
    if (dbId === null) return null;
    return this.em.findOne(ContactRequestEntity, { id: dbId }, { populate: ['resolvedBy'] });
  }

  /**
   * Marks an open request handled (CLOSED) with an optional internal note. The row is locked, so of
   * two agents resolving it at once one succeeds and the other is told it is already resolved.
   */
  async resolve(input: { id: string; note?: string | null }): Promise<ResolveResult> {
    const viewer = this.staff();
    const id = fromGlobalId(input.id, 'ContactRequest');
    if (id === null) return fail('NOT_FOUND', 'There is no contact request with this ID.', ['input', 'id']);
    const note = input.note?.trim() || null;
    if (note !== null && note.length > MAX_RESOLUTION_NOTE)
      return fail('INVALID_NOTE', `Keep the note under ${MAX_RESOLUTION_NOTE} characters.`, [
        'input',
        'note',
      ]);
    return inTransaction(this.em, async (em) => {
      const row = await em.findOne(
        ContactRequestEntity,
        { id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!row)
        throw new Refusal(fail('NOT_FOUND', 'There is no contact request with this ID.', ['input', 'id']));
      if (row.status !== 'OPEN')
        throw new Refusal(
          fail('ALREADY_RESOLVED', 'This request has already been handled.', ['input', 'id']),
        );
      row.status = 'CLOSED';
      row.resolvedAt = new Date();
      row.resolvedBy = em.getReference(UserEntity, viewer.userId);
      row.resolutionNote = note;
      await em.flush();
      await em.populate(row, ['resolvedBy']);
      return { contactRequest: row, userErrors: [] };
    });
  }
}

function fail(code: ResolveContactRequestErrorCode, message: string, field: string[] | null): ResolveResult {
  return { contactRequest: null, userErrors: [userError(code, message, field)] };
}
