import { Field, ObjectType } from 'type-graphql';
import { LocaleCode } from '../../graphql/locale.type.js';
import { connectionTypes, Node, toGlobalId } from '../../graphql/relay.js';
import type { EmailMessageEntity } from './email.entity.js';

@ObjectType('EmailMessage', { implements: Node, description: 'An email the platform sent (or will send).' })
export class EmailMessage extends Node {
  @Field({ description: 'Recipient address.' })
  to!: string;

  @Field({ description: 'Subject line.' })
  subject!: string;

  @Field({ description: 'Plain-text body.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'HTML body, when there is one.' })
  html!: string | null;

  @Field({ description: 'Template that produced it, e.g. `accounts.verify-email`.' })
  template!: string;

  @Field(() => LocaleCode, { description: 'Language it was written in.' })
  locale!: string;

  @Field({ description: 'PENDING, SENT or FAILED.' })
  status!: string;

  @Field({ description: 'When it was queued.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was delivered.' })
  sentAt!: Date | null;

  static from(row: EmailMessageEntity): EmailMessage {
    return Object.assign(new EmailMessage(), {
      id: toGlobalId('EmailMessage', row.id),
      to: row.to,
      subject: row.subject,
      text: row.text,
      html: row.html,
      template: row.template,
      locale: row.locale,
      status: row.status,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
    });
  }
}

export const { Connection: EmailMessageConnection } = connectionTypes(EmailMessage, 'EmailMessage');
export type EmailMessageConnection = InstanceType<typeof EmailMessageConnection>;
