import type { EntityManager } from '@mikro-orm/postgresql';
import { PublicError } from '../../graphql/errors.js';
import { decodeCursor, encodeCursor, toConnection, type ConnectionShape } from '../../graphql/relay.js';
import { requireRole } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { MAX_PAGE_SIZE } from '../catalog/catalog.service.js';
import { EmailMessageEntity, type EmailStatus } from './email.entity.js';

const EMAIL_STATUSES: readonly string[] = ['PENDING', 'SENT', 'FAILED'] satisfies EmailStatus[];

/** The development mailbox: every email the platform wrote (newest first by default). Platform staff only. */
export class MailboxService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  async list(args: {
    first: number;
    after?: string | null;
    to?: string | null;
    status?: string | null;
    template?: string | null;
    direction?: 'ASC' | 'DESC' | null;
  }): Promise<ConnectionShape<EmailMessageEntity>> {
    requireRole(this.viewer, 'ADMIN', 'CUSTOMER_SERVICE');
    if (args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw new PublicError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    const afterId = args.after ? decodeCursor(args.after)?.[0] : undefined;
    if (args.after && typeof afterId !== 'number')
      throw new PublicError('BAD_USER_INPUT', 'after is not a valid cursor');
    if (args.status && !EMAIL_STATUSES.includes(args.status))
      throw new PublicError('BAD_USER_INPUT', `status must be one of ${EMAIL_STATUSES.join(', ')}`);
    const template = args.template?.trim().slice(0, 100);
    const where = {
      ...(args.to ? { to: args.to.trim().toLowerCase() } : {}),
      ...(args.status ? { status: args.status as EmailStatus } : {}),
      // A template name or a prefix of one (`orders.` = every order email).
      ...(template ? { template: { $like: `${template.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : {}),
    };
    const asc = args.direction === 'ASC';
    const rows = await this.em.find(
      EmailMessageEntity,
      { ...where, ...(typeof afterId === 'number' ? { id: asc ? { $gt: afterId } : { $lt: afterId } } : {}) },
      { orderBy: { id: asc ? 'asc' : 'desc' }, limit: args.first + 1 },
    );
    return toConnection(rows, args.first, {
      hasPrevious: afterId !== undefined,
      cursorOf: (m) => encodeCursor([m.id]),
      map: (m) => m,
      count: () => this.em.count(EmailMessageEntity, where),
    });
  }
}
