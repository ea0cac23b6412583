import type { EntityManager } from '@mikro-orm/postgresql';
import { PublicError } from '../../graphql/errors.js';
import { decodeCursor, encodeCursor, toConnection, type ConnectionShape } from '../../graphql/relay.js';
import { requireRole } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { MAX_PAGE_SIZE } from '../catalog/catalog.service.js';
import { EmailMessageEntity } from './email.entity.js';

/** The development mailbox: every email the platform wrote, newest first. Platform staff only. */
export class MailboxService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  async list(args: {
    first: number;
    after?: string | null;
    to?: string | null;
  }): Promise<ConnectionShape<EmailMessageEntity>> {
    requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE');
    if (args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw new PublicError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    const afterId = args.after ? decodeCursor(args.after)?.[0] : undefined;
    if (args.after && typeof afterId !== 'number')
      throw new PublicError('BAD_USER_INPUT', 'after is not a valid cursor');
    const where = { ...(args.to ? { to: args.to.trim().toLowerCase() } : {}) };
    const rows = await this.em.find(
      EmailMessageEntity,
      { ...where, ...(typeof afterId === 'number' ? { id: { $lt: afterId } } : {}) },
      { orderBy: { id: 'desc' }, limit: args.first + 1 },
    );
    return toConnection(rows, args.first, {
      hasPrevious: afterId !== undefined,
      cursorOf: (m) => encodeCursor([m.id]),
      map: (m) => m,
      count: () => this.em.count(EmailMessageEntity, where),
    });
  }
}
