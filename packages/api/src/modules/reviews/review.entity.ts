import type { ReviewStatus } from '@marketplace/core';
import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { OrderEntity } from '../orders/order.entity.js';

/**
 * A credit evaluation: the shopper's rating (1–5) and text of one COMPLETED order, at most one per order
 * (`order_id` is unique, so a double submit cannot create two). The merchant may attach one reply (editable).
 * Cancelled reviews (by an admin, or because the writing shopper's or the rated merchant's account was
 * deleted) stay as rows for the record but are hidden from the storefront and never count in a score.
 */
@Entity({ tableName: 'review' })
@Index({ properties: ['merchant', 'status', 'createdAt'] })
@Index({ properties: ['status', 'createdAt'] })
@Check({ name: 'review_rating_range', expression: 'rating >= 1 and rating <= 5' })
export class ReviewEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => OrderEntity, { deleteRule: 'restrict', unique: true })
  order!: OrderEntity;

  /** The rated merchant (the order's), denormalised for scores and lists. */
  @ManyToOne(() => MerchantEntity, { deleteRule: 'restrict' })
  merchant!: MerchantEntity;

  /** The shopper who wrote it (the order's shopper). */
  @Index()
  @ManyToOne(() => UserEntity, { deleteRule: 'restrict' })
  user!: UserEntity;

  @Property({ type: 'smallint' })
  rating!: number;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'string', length: 20, default: 'PUBLISHED' })
  status: Opt<ReviewStatus> = 'PUBLISHED';

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  /** The admin who cancelled it; null when it was cancelled by an account deletion (system). */
  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  cancelledBy: UserEntity | null = null;

  @Property({ type: 'text', nullable: true })
  replyText: string | null = null;

  /** When the reply was written or last edited. */
  @Property({ type: 'datetime', nullable: true })
  repliedAt: Date | null = null;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  repliedBy: UserEntity | null = null;
}
