import type { EntityManager } from '@mikro-orm/postgresql';
import { checkContactRequest, type Locale } from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction } from '../../db/transaction.js';
import { userError } from '../../graphql/errors.js';
import type { Viewer } from '../accounts/viewer.js';
import { UserEntity } from '../accounts/user.entity.js';
import { queueEmail } from '../email/email.service.js';
import { openContactConversation } from '../messages/message-delivery.js';
import { acknowledgementEmail, supportEmail } from './contact-emails.js';
import { ContactRequestEntity, type ContactTopic } from './contact-request.entity.js';
import { HelpArticleEntity } from './help-article.entity.js';
import { contactReference, type SubmitContactRequestErrorCode } from './help.types.js';

type ContactError = ReturnType<typeof userError<SubmitContactRequestErrorCode>>;
export interface ContactResult {
  contactRequest: ContactRequestEntity | null;
  userErrors: ContactError[];
}

const RATE_WINDOW_MS = 3_600_000;

export class HelpService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  /** Published articles in help-center order. */
  listArticles(): Promise<HelpArticleEntity[]> {
    return this.em.find(HelpArticleEntity, { published: true }, { orderBy: { position: 'asc', id: 'asc' } });
  }

  /** A published article by its database id (for `node(id:)`). */
  findArticleById(id: number): Promise<HelpArticleEntity | null> {
    return this.em.findOne(HelpArticleEntity, { id, published: true });
  }

  /** A published article by its slug; null for anything else. */
  findArticle(slug: string): Promise<HelpArticleEntity | null> {
    if (!/^[a-z0-9-]{1,80}$/.test(slug)) return Promise.resolve(null);
    return this.em.findOne(HelpArticleEntity, { slug, published: true });
  }

  /**
   * Stores a message to customer service and queues two emails in the same transaction: the request to
   * customer service and an acknowledgement to the sender in their language. Rate-limited per client address.
   */
  async submitContactRequest(
    input: {
      name: string;
      email: string;
      orderNumber?: string | null;
      topic: ContactTopic;
      message: string;
      locale?: Locale | null;
    },
    client: { ip: string; locale: Locale },
  ): Promise<ContactResult> {
    const checked = checkContactRequest(input);
    if (!checked.ok) {
      return {
        contactRequest: null,
        userErrors: checked.error.map((e) => userError(e.code, e.message, ['input', e.field])),
      };
    }
    const ip = client.ip.slice(0, 64) || 'unknown';
    return inTransaction(this.em, async (em) => {
      // Requests from one address are counted one at a time, so a burst cannot slip past the limit.
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`contact-request:${ip}`]);
      const recent = await em.count(ContactRequestEntity, {
        ip,
        createdAt: { $gt: new Date(Date.now() - RATE_WINDOW_MS) },
      });
      if (recent >= this.config.contactRateLimitPerHour) {
        return {
          contactRequest: null,
          userErrors: [
            userError(
              'TOO_MANY_REQUESTS' as const,
              'Too many messages were sent from your network in the last hour. Please try again later.',
            ),
          ],
        };
      }
      const user = this.viewer ? await em.findOne(UserEntity, { id: this.viewer.userId }) : null;
      const request = em.create(ContactRequestEntity, {
        ...checked.value,
        topic: input.topic,
        locale: input.locale ?? client.locale,
        user,
        ip,
      });
      await em.flush();
      // A signed-in sender also gets a conversation with customer service (in-site messages), linked to it.
      if (user)
        await openContactConversation(em, {
          id: request.id,
          reference: contactReference(request.id),
          userId: user.id,
          topic: request.topic,
          orderNumber: request.orderNumber,
          message: request.message,
        });

      const staff = await em.findOne(UserEntity, { email: this.config.mailSupport.toLowerCase() });
      const staffLocale = staff?.locale ?? 'en';
      await queueEmail(em, {
        to: this.config.mailSupport,
        locale: staffLocale,
        template: 'help.contact-request',
        ...supportEmail(request, staffLocale, user),
      });
      await queueEmail(em, {
        to: request.email,
        locale: request.locale,
        template: 'help.contact-acknowledgement',
        ...acknowledgementEmail(request, `${this.config.storefrontUrl}/help`),
      });
      return { contactRequest: request, userErrors: [] };
    });
  }
}
