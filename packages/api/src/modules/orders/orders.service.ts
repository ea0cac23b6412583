import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  isOrderNumber,
  isOrderStatus,
  type OrderEvent,
  type OrderStatus,
  transition,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { PublicError, userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { requireViewer } from '../accounts/authorization.js';
import type { Viewer } from '../accounts/viewer.js';
import { applyOrderEvent } from './order-transitions.js';
import { OrderCancellationRequestEntity, OrderEntity } from './order.entity.js';

export interface OrderMutationResult<C extends string> {
  order: OrderEntity | null;
  userErrors: { code: C; message: string; field: string[] | null }[];
}

const MAX_REASON = 500;

export class OrdersService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  /**
   * The viewer's orders, newest first, optionally of one status ("My Orders"). One keyset read
   * on (user_id[, status], created_at, id): the row comparison is an index condition, so page 500
   * costs what page 1 costs. The cursor keeps PostgreSQL's own text of `created_at` (microseconds:
   * a JavaScript Date would round them off and skip orders created in the same millisecond).
   */
  async listViewerOrders(args: {
    first: number;
    after?: string | null;
    status?: OrderStatus | null;
  }): Promise<
    ConnectionShape<OrderEntity> & {
      countUpTo: (limit: number) => Promise<number>;
      /** The page's stores as JSON rows (the resolver primes the merchant loader with them). */
      merchants: Record<string, unknown>[];
    }
  > {
    const viewer = requireViewer(this.viewer);
    const first = Math.min(Math.max(args.first, 0), 100);
    if (args.status && !isOrderStatus(args.status))
      throw new PublicError('BAD_USER_INPUT', 'Unknown order status.');
    const key = args.after ? decodeCursor(args.after) : null;
    const validKey =
      key?.length === 2 &&
      typeof key[0] === 'string' &&
      typeof key[1] === 'number' &&
      !Number.isNaN(Date.parse(key[0]));
    if (args.after && !validKey) throw new PublicError('BAD_USER_INPUT', 'Invalid cursor.');

    const filter = ['o.user_id = ?'];
    const filterParams: unknown[] = [viewer.userId];
    if (args.status) {
      filter.push('o.status = ?');
      filterParams.push(args.status);
    }
    const where = [...filter];
    const params = [...filterParams];
    if (key) {
      where.push('(o.created_at, o.id) < (?::timestamptz, ?)');
      params.push(key[0], key[1]);
    }
    params.push(first + 1);
    const rows = await this.em.execute<
      (Record<string, unknown> & { cursor_at: string; merchant_json: Record<string, unknown> })[]
    >(
      `select o.*, o.created_at::text as cursor_at,
         (select to_json(m) from merchant m where m.id = o.merchant_id) as merchant_json
       from customer_order o where ${where.join(' and ')}
       order by o.created_at desc, o.id desc limit ?`,
      params,
    );
    const merchants = rows.map((r) => r.merchant_json);
    const page = rows.map(({ cursor_at, merchant_json, ...row }) => ({
      cursorAt: cursor_at,
      order: this.em.map(OrderEntity, row),
    }));
    const countUpTo = async (limit: number) => {
      const [c] = await this.em.execute<{ n: number }[]>(
        `select count(*)::int as n from (select 1 from customer_order o where ${filter.join(' and ')}
         order by o.created_at desc, o.id desc limit ?) c`,
        [...filterParams, limit],
      );
      return c?.n ?? 0;
    };
    const connection = toConnection(page, first, {
      hasPrevious: key !== null,
      cursorOf: (r) => encodeCursor([r.cursorAt, r.order.id]),
      map: (r) => r.order,
      // A shopper has hundreds of orders at most: exact, index-only on (user_id[, status], …).
      count: async () => {
        const [c] = await this.em.execute<{ n: number }[]>(
          `select count(*)::int as n from customer_order o where ${filter.join(' and ')}`,
          filterParams,
        );
        return c?.n ?? 0;
      },
    });
    return { ...connection, countUpTo, merchants };
  }

  /** The viewer's order with this number; another shopper's order is null, as if it did not exist. */
  async findByNumber(number: string): Promise<OrderEntity | null> {
    const viewer = requireViewer(this.viewer);
    if (!isOrderNumber(number)) return null;
    return this.em.findOne(OrderEntity, { number, user: viewer.userId });
  }

  /** The viewer's order by global ID (for `node`), or null. */
  async findById(globalId: string): Promise<OrderEntity | null> {
    if (!this.viewer) return null;
    const id = fromGlobalId(globalId, 'Order');
    return id === null ? null : this.em.findOne(OrderEntity, { id, user: this.viewer.userId });
  }

  /** AWAITING_PAYMENT → CLOSED by the shopper: stock and coupon use are given back. */
  cancel(input: { orderId: string; reason?: string | null }) {
    const reason = input.reason?.trim() || null;
    if (reason && reason.length > MAX_REASON) {
      return Promise.resolve(
        fail('INVALID_REASON', 'The reason is at most 500 characters.', ['input', 'reason']),
      );
    }
    return this.shopperTransition(input.orderId, 'CANCEL', reason);
  }

  /** SHIPPED → COMPLETED by the shopper. */
  confirmReceipt(input: { orderId: string }) {
    return this.shopperTransition(input.orderId, 'CONFIRM_RECEIPT', null);
  }

  private async shopperTransition(
    orderGlobalId: string,
    event: OrderEvent,
    reason: string | null,
  ): Promise<OrderMutationResult<'ORDER_NOT_FOUND' | 'INVALID_TRANSITION' | 'INVALID_REASON'>> {
    const viewer = requireViewer(this.viewer);
    const id = fromGlobalId(orderGlobalId, 'Order');
    if (id === null) return notFound();
    return inTransaction(this.em, async (em) => {
      const owned = await em.count(OrderEntity, { id, user: viewer.userId });
      if (owned === 0) return notFound();
      const result = await applyOrderEvent(
        em,
        this.config,
        id,
        event,
        { kind: 'SHOPPER', userId: viewer.userId },
        reason,
      );
      if (!result.ok)
        throw new Refusal(fail('INVALID_TRANSITION', invalidTransitionMessage(result.error.from, event)));
      return { order: result.value, userErrors: [] };
    });
  }

  /**
   * A paid order that has not shipped cannot be cancelled by the shopper alone: the request is
   * recorded for customer service or the merchant to decide (with a refund) later.
   */
  async requestCancellation(input: {
    orderId: string;
    reason: string;
  }): Promise<
    OrderMutationResult<'ORDER_NOT_FOUND' | 'INVALID_TRANSITION' | 'INVALID_REASON' | 'ALREADY_REQUESTED'>
  > {
    const viewer = requireViewer(this.viewer);
    const id = fromGlobalId(input.orderId, 'Order');
    if (id === null) return notFound();
    const reason = input.reason?.trim() ?? '';
    if (reason === '' || reason.length > MAX_REASON) {
      return fail('INVALID_REASON', 'Give a reason of 1–500 characters.', ['input', 'reason']);
    }
    return inTransaction(this.em, async (em) => {
      const order = await em.findOne(
        OrderEntity,
        { id, user: viewer.userId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!order) return notFound();
      // Only what core would let customer service do next (fail with refund) may be requested.
      if (order.status !== 'AWAITING_SHIPMENT' || !transition(order, 'FAIL_WITH_REFUND').ok) {
        return fail(
          'INVALID_TRANSITION',
          'Only a paid order that has not shipped can be cancelled on request.',
        );
      }
      const existing = await em.count(OrderCancellationRequestEntity, { order });
      if (existing > 0) return fail('ALREADY_REQUESTED', 'You have already asked to cancel this order.');
      em.create(OrderCancellationRequestEntity, { order, requestedBy: viewer.userId, reason });
      await em.flush();
      return { order, userErrors: [] };
    });
  }
}

function fail<C extends string>(code: C, message: string, field: string[] | null = null) {
  return { order: null, userErrors: [userError(code, message, field)] };
}

function notFound(): OrderMutationResult<'ORDER_NOT_FOUND'> {
  return fail('ORDER_NOT_FOUND', 'You have no order with this ID.', ['input', 'orderId']);
}

function invalidTransitionMessage(from: OrderStatus, event: OrderEvent): string {
  switch (event) {
    case 'CANCEL':
      return `Only an order awaiting payment can be cancelled (this one is ${from}).`;
    case 'CONFIRM_RECEIPT':
      return `Only a shipped order can be confirmed as received (this one is ${from}).`;
    default:
      return `This is not possible for an order in status ${from}.`;
  }
}
