import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { LocaleCode } from '../../graphql/locale.type.js';
import { connectionTypes, toGlobalId } from '../../graphql/relay.js';
import type { ContactRequestEntity } from '../help/contact-request.entity.js';
import { ContactRequestStatus, ContactTopic, contactReference } from '../help/help.types.js';
import { SortDirection } from '../orders-admin/orders-admin.types.js';
import type { ResolveContactRequestErrorCode as Code } from './contact-requests.service.js';

@ObjectType('StaffContactRequest', {
  description: 'A contact-form message as customer service sees it (customer service and admins only).',
})
export class StaffContactRequest {
  @Field(() => ID, { description: 'Opaque ID (for `resolveContactRequest`).' })
  id!: string;

  @Field({ description: 'Reference the sender was given, e.g. `CR-000042`.' })
  reference!: string;

  @Field({ description: 'How the sender wants to be addressed.' })
  name!: string;

  @Field({ description: 'Where to reply.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'The order it is about, as the sender typed it.' })
  orderNumber!: string | null;

  @Field(() => ContactTopic, { description: 'What it is about.' })
  topic!: ContactTopic;

  @Field({ description: 'The message (plain text).' })
  message!: string;

  @Field(() => LocaleCode, { description: 'The sender’s language (reply in it).' })
  locale!: LocaleCode;

  @Field({ description: 'Whether the sender was signed in to an account.' })
  fromAccount!: boolean;

  @Field(() => ContactRequestStatus, { description: 'OPEN until someone marks it handled.' })
  status!: ContactRequestStatus;

  @Field({ description: 'When it was sent.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was marked handled.' })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Email of the staff member who handled it.' })
  resolvedByEmail!: string | null;

  @Field(() => String, { nullable: true, description: 'Internal note left when it was handled.' })
  resolutionNote!: string | null;

  static from(row: ContactRequestEntity): StaffContactRequest {
    return Object.assign(new StaffContactRequest(), {
      id: toGlobalId('ContactRequest', row.id),
      reference: contactReference(row.id),
      name: row.name,
      email: row.email,
      orderNumber: row.orderNumber,
      topic: row.topic,
      message: row.message,
      locale: row.locale,
      fromAccount: row.user !== null,
      status: row.status,
      createdAt: row.createdAt,
      resolvedAt: row.resolvedAt,
      resolvedByEmail: row.resolvedBy?.email ?? null,
      resolutionNote: row.resolutionNote,
    });
  }
}

export const { Connection: StaffContactRequestConnection } = connectionTypes(
  StaffContactRequest,
  'StaffContactRequest',
);

export const ContactRequestSortField = { CREATED_AT: 'CREATED_AT' } as const;
registerEnumType(ContactRequestSortField, {
  name: 'ContactRequestSortField',
  description: 'How staff sort contact requests.',
  valuesConfig: { CREATED_AT: { description: 'When it was sent.' } },
});

@InputType('StaffContactRequestsFilter', { description: 'Narrows `staffContactRequests`.' })
export class StaffContactRequestsFilter {
  @Field(() => ContactRequestStatus, { nullable: true, description: 'Only requests in this status.' })
  status?: ContactRequestStatus | null;

  @Field(() => ContactTopic, { nullable: true, description: 'Only requests about this topic.' })
  topic?: ContactTopic | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, email, order number or message, or a reference such as `CR-000042`.',
  })
  query?: string | null;
}

@InputType('StaffContactRequestsSort', { description: 'Order of `staffContactRequests`.' })
export class StaffContactRequestsSort {
  @Field(() => ContactRequestSortField, { defaultValue: 'CREATED_AT', description: 'Sort key.' })
  field!: keyof typeof ContactRequestSortField;

  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'Direction (default newest first).' })
  direction!: keyof typeof SortDirection;
}

export const ResolveContactRequestErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_RESOLVED: 'ALREADY_RESOLVED',
  INVALID_NOTE: 'INVALID_NOTE',
} as const satisfies Record<Code, Code>;
registerEnumType(ResolveContactRequestErrorCode, {
  name: 'ResolveContactRequestErrorCode',
  description: 'Why `resolveContactRequest` changed nothing.',
  valuesConfig: {
    NOT_FOUND: { description: 'There is no contact request with this ID.' },
    ALREADY_RESOLVED: { description: 'Someone has already marked it handled.' },
    INVALID_NOTE: { description: 'The note is longer than 2000 characters.' },
  },
});

@ObjectType('ResolveContactRequestUserError', {
  implements: BaseUserError,
  description: 'An expected reason `resolveContactRequest` changed nothing.',
})
export class ResolveContactRequestUserError extends BaseUserError {
  @Field(() => ResolveContactRequestErrorCode, { description: 'Machine-readable reason.' })
  code!: Code;
}

@InputType('ResolveContactRequestInput', { description: 'Marks a contact request handled.' })
export class ResolveContactRequestInput {
  @Field(() => ID, { description: 'The `StaffContactRequest.id`.' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Internal note: what was done (at most 2000 characters; never sent to the sender).',
  })
  note?: string | null;
}

@ObjectType('ResolveContactRequestPayload', { description: 'Result of `resolveContactRequest`.' })
export class ResolveContactRequestPayload {
  @Field(() => StaffContactRequest, { nullable: true, description: 'The handled request; null if refused.' })
  contactRequest!: StaffContactRequest | null;

  @Field(() => [ResolveContactRequestUserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: ResolveContactRequestUserError[];
}
