import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { LocaleCode } from '../../graphql/locale.type.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import type { ContactRequestEntity } from './contact-request.entity.js';
import type { HelpArticleEntity } from './help-article.entity.js';

export const HelpTopic = {
  SHOPPING: 'SHOPPING',
  ORDERS: 'ORDERS',
  PAYMENT: 'PAYMENT',
  RULES: 'RULES',
} as const;
export type HelpTopic = keyof typeof HelpTopic;
registerEnumType(HelpTopic, {
  name: 'HelpTopic',
  description: 'A section of the help center.',
  valuesConfig: {
    SHOPPING: { description: 'How to shop: account, cart, checkout.' },
    ORDERS: { description: 'Orders and their statuses.' },
    PAYMENT: { description: 'Payment methods, payment safety and refunds.' },
    RULES: { description: 'Platform rules and penalties.' },
  },
});

@ObjectType('HelpArticle', { implements: Node, description: 'A help-center article.' })
export class HelpArticle extends Node {
  @Field({ description: 'URL name, e.g. `order-statuses`.' })
  slug!: string;

  @Field(() => HelpTopic, { description: 'The help-center section it belongs to.' })
  topic!: HelpTopic;

  @Field({ description: 'When the article was last edited.' })
  updatedAt!: Date;

  row!: HelpArticleEntity;
  /** Language asked for by the query that listed the article, if any. */
  locale!: LocaleCode | null;

  static from(row: HelpArticleEntity, locale: LocaleCode | null = null): HelpArticle {
    return Object.assign(new HelpArticle(), {
      id: toGlobalId('HelpArticle', row.id),
      slug: row.slug,
      topic: row.topic,
      updatedAt: row.updatedAt,
      row,
      locale,
    });
  }
}

export const ContactTopic = { ORDER: 'ORDER', PAYMENT: 'PAYMENT', OTHER: 'OTHER' } as const;
export type ContactTopic = keyof typeof ContactTopic;
registerEnumType(ContactTopic, {
  name: 'ContactTopic',
  description: 'What a contact request is about.',
  valuesConfig: {
    ORDER: { description: 'A problem with an order.' },
    PAYMENT: { description: 'A problem with a payment or a refund.' },
    OTHER: { description: 'Anything else.' },
  },
});

export const ContactRequestStatus = { OPEN: 'OPEN', CLOSED: 'CLOSED' } as const;
export type ContactRequestStatus = keyof typeof ContactRequestStatus;
registerEnumType(ContactRequestStatus, {
  name: 'ContactRequestStatus',
  description: 'Where a contact request stands.',
  valuesConfig: {
    OPEN: { description: 'Waiting for customer service.' },
    CLOSED: { description: 'Answered and closed by customer service.' },
  },
});

@ObjectType('ContactRequest', { description: 'A message sent to customer service with the contact form.' })
export class ContactRequest {
  @Field({ description: 'Reference to quote in follow-ups, e.g. `CR-000042`.' })
  reference!: string;

  @Field(() => ContactTopic, { description: 'What it is about.' })
  topic!: ContactTopic;

  @Field(() => ContactRequestStatus, { description: 'Where it stands.' })
  status!: ContactRequestStatus;

  @Field({ description: 'When it was sent.' })
  createdAt!: Date;

  static from(row: ContactRequestEntity): ContactRequest {
    return Object.assign(new ContactRequest(), {
      reference: contactReference(row.id),
      topic: row.topic,
      status: row.status,
      createdAt: row.createdAt,
    });
  }
}

export function contactReference(id: number): string {
  return `CR-${String(id).padStart(6, '0')}`;
}

export const SubmitContactRequestErrorCode = {
  INVALID_NAME: 'INVALID_NAME',
  INVALID_EMAIL: 'INVALID_EMAIL',
  INVALID_ORDER_NUMBER: 'INVALID_ORDER_NUMBER',
  INVALID_MESSAGE: 'INVALID_MESSAGE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
} as const;
export type SubmitContactRequestErrorCode = keyof typeof SubmitContactRequestErrorCode;
registerEnumType(SubmitContactRequestErrorCode, {
  name: 'SubmitContactRequestErrorCode',
  description: 'Why `submitContactRequest` refused.',
  valuesConfig: {
    INVALID_NAME: { description: 'The name is empty or longer than 100 characters.' },
    INVALID_EMAIL: { description: 'Not a valid email address.' },
    INVALID_ORDER_NUMBER: { description: 'Not an order number (letters, digits and dashes, at most 40).' },
    INVALID_MESSAGE: { description: 'The message is shorter than 10 or longer than 5000 characters.' },
    TOO_MANY_REQUESTS: { description: 'Too many requests from this network; try again later.' },
  },
});

@ObjectType('SubmitContactRequestUserError', {
  implements: BaseUserError,
  description: 'An expected reason `submitContactRequest` sent nothing.',
})
export class SubmitContactRequestUserError extends BaseUserError {
  @Field(() => SubmitContactRequestErrorCode, { description: 'Machine-readable reason.' })
  code!: SubmitContactRequestErrorCode;
}

@InputType('SubmitContactRequestInput', { description: 'A message to customer service.' })
export class SubmitContactRequestInput {
  @Field({ description: 'How to address the sender (1–100 characters).' })
  name!: string;

  @Field({ description: 'Where customer service replies.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'The order it is about, if any.' })
  orderNumber?: string | null;

  @Field(() => ContactTopic, { description: 'What it is about.' })
  topic!: ContactTopic;

  @Field({ description: 'The question or problem (10–5000 characters).' })
  message!: string;

  @Field(() => LocaleCode, {
    nullable: true,
    description: 'Language of the acknowledgement email; defaults to the viewer’s or the request’s.',
  })
  locale?: LocaleCode | null;
}

@ObjectType('SubmitContactRequestPayload', { description: 'Result of `submitContactRequest`.' })
export class SubmitContactRequestPayload {
  @Field(() => ContactRequest, { nullable: true, description: 'The stored request (null if refused).' })
  contactRequest!: ContactRequest | null;

  @Field(() => [SubmitContactRequestUserError], { description: 'Why nothing was sent; empty on success.' })
  userErrors!: SubmitContactRequestUserError[];
}
