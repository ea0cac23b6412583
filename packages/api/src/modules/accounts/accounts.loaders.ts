import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { AddressEntity } from './address.entity.js';
import { ADDRESS_ORDER } from './address.service.js';

export function accountsLoaders(em: EntityManager) {
  return {
    /** Address books by user id (default first, then newest). Callers check who may see them. */
    addressesByUser: new DataLoader<number, AddressEntity[]>(async (userIds) => {
      const rows = await em.find(AddressEntity, { user: { $in: [...userIds] } }, { orderBy: ADDRESS_ORDER });
      return userIds.map((id) => rows.filter((r) => r.user.id === id));
    }),
  };
}
