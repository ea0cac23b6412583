import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { UserEntity } from '../accounts/user.entity.js';
import { OrderEntity } from '../orders/order.entity.js';

/** An internal note on an order by customer service or an admin; never shown to shoppers. */
@Entity({ tableName: 'order_note' })
export class OrderNoteEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @ManyToOne(() => OrderEntity, { deleteRule: 'cascade' })
  order!: OrderEntity;

  @ManyToOne(() => UserEntity, { nullable: true, deleteRule: 'set null' })
  author: UserEntity | null = null;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
