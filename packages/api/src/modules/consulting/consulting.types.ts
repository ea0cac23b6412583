import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BaseUserError } from '../../graphql/errors.js';
import { Order } from '../orders/orders.types.js';
import type { DeliverReportErrorCode, ReportAccessStatus } from './consulting.service.js';
import type { ConsultationReportEntity } from './consulting.entity.js';

@ObjectType('ConsultationReport', { description: 'The consultant’s report of a service order.' })
export class ConsultationReport {
  @Field()
  orderNumber!: string;

  @Field()
  title!: string;

  @Field({ description: 'Plain text (paragraphs separated by blank lines).' })
  body!: string;

  @Field()
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
  valuesConfig: {
    AVAILABLE: { description: 'The key is right and the report has been delivered.' },
    NOT_DELIVERED: { description: 'The key is right; the consultant has not delivered the report yet.' },
    INVALID_KEY: { description: 'Wrong key or unknown order number (the two are not told apart).' },
  },
});

@ObjectType('ConsultationReportAccess', { description: 'The answer to an order number + order key.' })
export class ConsultationReportAccess {
  @Field(() => ConsultationReportAccessStatus)
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

@ObjectType('DeliverConsultationReportUserError', { implements: BaseUserError })
export class DeliverConsultationReportUserError extends BaseUserError {
  @Field(() => DeliverConsultationReportErrorCode)
  code!: DeliverReportErrorCode;
}

@ObjectType('DeliverConsultationReportPayload')
export class DeliverConsultationReportPayload {
  @Field(() => Order, { nullable: true, description: 'The order, COMPLETED.' })
  order!: Order | null;

  @Field(() => ConsultationReport, { nullable: true })
  report!: ConsultationReport | null;

  @Field(() => [DeliverConsultationReportUserError])
  userErrors!: DeliverConsultationReportUserError[];
}

@InputType('DeliverConsultationReportInput')
export class DeliverConsultationReportInput {
  @Field(() => ID)
  orderId!: string;

  @Field()
  title!: string;

  @Field({ description: 'Plain text.' })
  body!: string;
}
