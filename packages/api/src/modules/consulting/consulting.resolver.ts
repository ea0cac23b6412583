import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Order } from '../orders/orders.types.js';
import {
  ConsultationReport,
  ConsultationReportAccess,
  DeliverConsultationReportInput,
  DeliverConsultationReportPayload,
} from './consulting.types.js';

@Resolver(() => ConsultationReport)
export class ConsultingResolver {
  @Mutation(() => DeliverConsultationReportPayload, {
    description:
      'Merchant staff deliver the consultation report of a paid service order of their store: the order completes and the shopper is emailed.',
  })
  async deliverConsultationReport(
    @Arg('input', () => DeliverConsultationReportInput, {
      description: 'The request; each field is described on DeliverConsultationReportInput.',
    })
    input: DeliverConsultationReportInput,
    @Ctx() ctx: Context,
  ): Promise<DeliverConsultationReportPayload> {
    const r = await ctx.services.consulting.deliverReport(input);
    return Object.assign(new DeliverConsultationReportPayload(), {
      order: r.order ? Order.from(r.order) : null,
      report: r.report && r.order ? ConsultationReport.from(r.report, r.order.number) : null,
      userErrors: r.userErrors,
    });
  }

  @Query(() => ConsultationReportAccess, {
    description:
      'Opens a consultation report with its order number and order key, without signing in. Wrong keys are rate-limited per client and per order number (THROTTLED).',
  })
  async consultationReport(
    @Arg('orderNumber', { description: 'Number of the consultation order.' }) orderNumber: string,
    @Arg('key', { description: 'The report key sent to the shopper by email (an attempt: throttled).' })
    key: string,
    @Ctx() ctx: Context,
  ): Promise<ConsultationReportAccess> {
    const access = await ctx.services.consulting.openWithKey(orderNumber, key, ctx.http.ip);
    return Object.assign(new ConsultationReportAccess(), {
      status: access.status,
      report:
        access.report && access.order ? ConsultationReport.from(access.report, access.order.number) : null,
    });
  }
}

@Resolver(() => Order)
export class OrderReportResolver {
  @FieldResolver(() => ConsultationReport, {
    nullable: true,
    description:
      'The consultation report (service orders, once delivered); for the shopper, the store and staff.',
  })
  async consultationReport(@Root() o: Order, @Ctx() ctx: Context): Promise<ConsultationReport | null> {
    if (o.row.kind !== 'SERVICE' || !ctx.viewer) return null;
    const row = await ctx.services.consulting.reportOfOrder(o.row);
    return row ? ConsultationReport.from(row, o.row.number) : null;
  }
}
