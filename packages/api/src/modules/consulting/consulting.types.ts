import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Order } from '../orders/orders.types.js';
import type { DeliverReportErrorCode, ReportAccessStatus } from './consulting.service.js';
import type { ConsultationReportEntity } from './consulting.entity.js';

@ObjectType('ConsultationReport', { description: 'The consultant’s report of a service order.' })
export class ConsultationReport {
  @Field({ description: 'Number of the consultation order.' })
  orderNumber!: string;

  @Field({ description: 'Title of the report.' })
  title!: string;

  @Field({ description: 'Plain text (paragraphs separated by blank lines).' })
  body!: string;

  @Field({ description: 'When the merchant delivered it.' })
  deliveredAt!: Date;

  static from(row: ConsultationReportEntity, orderNumber: string): ConsultationReport {
    return Object.assign(new ConsultationReport(), {
      orderNumber,
      title: row.title,
      body: row.body,
      deliveredAt: row.deliveredAt,
    });
  }
}

export const ConsultationReportAccessStatus = {
  AVAILABLE: 'AVAILABLE',
  NOT_DELIVERED: 'NOT_DELIVERED',
  INVALID_KEY: 'INVALID_KEY',
} as const;
registerEnumType(ConsultationReportAccessStatus, {
  name: 'ConsultationReportAccessStatus',
  description: 'Whether a report can be read with an order number and order key.',
  valuesConfig: {
    AVAILABLE: { description: 'The key is right and the report has been delivered.' },
    NOT_DELIVERED: { description: 'The key is right; the consultant has not delivered the report yet.' },
    INVALID_KEY: { description: 'Wrong key or unknown order number (the two are not told apart).' },
  },
});

@ObjectType('ConsultationReportAccess', { description: 'The answer to an order number + order key.' })
export class ConsultationReportAccess {
  @Field(() => ConsultationReportAccessStatus, {
    description: 'Whether the report can be read with this key.',
  })
  status!: ReportAccessStatus;

  @Field(() => ConsultationReport, { nullable: true, description: 'Only when AVAILABLE.' })
  report!: ConsultationReport | null;
}

export const DeliverConsultationReportErrorCode = {
  ORDER_NOT_FOUND: 'ORDER_NOT_FOUND',
  NOT_A_SERVICE_ORDER: 'NOT_A_SERVICE_ORDER',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  ALREADY_DELIVERED: 'ALREADY_DELIVERED',
  INVALID_TITLE: 'INVALID_TITLE',
  INVALID_BODY: 'INVALID_BODY',
  ACCOUNT_RESTRICTED: 'ACCOUNT_RESTRICTED',
} as const satisfies Record<DeliverReportErrorCode, DeliverReportErrorCode>;
registerEnumType(DeliverConsultationReportErrorCode, {
  name: 'DeliverConsultationReportErrorCode',
  description: 'Why `deliverConsultationReport` refused.',
  valuesConfig: {
    ORDER_NOT_FOUND: { description: 'The viewer’s store has no order with this ID.' },
    NOT_A_SERVICE_ORDER: { description: 'Reports belong to consulting service orders.' },
    INVALID_TRANSITION: { description: 'The order is not paid and awaiting the report.' },
    ALREADY_DELIVERED: { description: 'The report was delivered already.' },
    INVALID_TITLE: { description: '1–200 characters.' },
    INVALID_BODY: { description: '1–100,000 characters.' },
    ACCOUNT_RESTRICTED: {
      description:
        'Your account’s or store’s standing (a freeze) does not allow this now; see `viewer.standing`.',
    },
  },
});

@ObjectType('DeliverConsultationReportUserError', {
  implements: BaseUserError,
  description: 'Why `deliverConsultationReport` refused, and which input field it concerns.',
})
export class DeliverConsultationReportUserError extends BaseUserError {
  @Field(() => DeliverConsultationReportErrorCode, { description: 'What went wrong.' })
  code!: DeliverReportErrorCode;
}

@ObjectType('DeliverConsultationReportPayload', { description: 'Result of `deliverConsultationReport`.' })
export class DeliverConsultationReportPayload {
  @Field(() => Order, { nullable: true, description: 'The order, COMPLETED.' })
  order!: Order | null;

  @Field(() => ConsultationReport, {
    nullable: true,
    description: 'The delivered report; null when refused.',
  })
  report!: ConsultationReport | null;

  @Field(() => [DeliverConsultationReportUserError], {
    description: 'Why the change was refused; empty on success.',
  })
  userErrors!: DeliverConsultationReportUserError[];
}

@InputType('DeliverConsultationReportInput', {
  description: 'The report of a paid consulting service order.',
})
export class DeliverConsultationReportInput {
  @Field(() => ID, { description: 'Global ID of the service order.' })
  orderId!: string;

  @Field({ description: 'Title of the report.' })
  title!: string;

  @Field({ description: 'Plain text.' })
  body!: string;
}
