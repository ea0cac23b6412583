import type { EntityManager } from '@mikro-orm/postgresql';
import { type AddressDraft, type AddressFieldError, checkAddress, MAX_ADDRESSES } from '@marketplace/core';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { userError } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { AddressEntity } from './address.entity.js';
import { requireViewer } from './authorization.js';
import type { Viewer } from './viewer.js';

type Err<C extends string> = ReturnType<typeof userError<C>>;
type FieldCode = AddressFieldError['code'];
const NOT_FOUND_MESSAGE = 'You have no address with this ID.';

/** Default first, then newest first. */
export const ADDRESS_ORDER = { isDefault: 'desc', id: 'desc' } as const;

/**
 * The signed-in shopper's address book. Every use case finds addresses by id AND owner, so another
 * shopper's id is simply "not found"; changes lock the owner's account row, which serialises them
 * per shopper (the 20-address cap and the single default hold under concurrent requests).
 */
export class AddressService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
  ) {}

  /** An address of the signed-in shopper by global id, or null (node refetch). */
  async findOwn(globalId: string): Promise<AddressEntity | null> {
    const id = fromGlobalId(globalId, 'Address');
    if (!this.viewer || id === null) return null;
    return this.em.findOne(AddressEntity, { id, user: this.viewer.userId });
  }

  async create(
    input: AddressDraft,
    setAsDefault: boolean,
  ): Promise<{ address: AddressEntity | null; userErrors: Err<FieldCode | 'TOO_MANY_ADDRESSES'>[] }> {
    const viewer = requireViewer(this.viewer);
    const checked = checkAddress(input);
    if (!checked.ok) return { address: null, userErrors: fieldErrors(checked.error) };
    return inTransaction(this.em, async (em) => {
      await lockOwner(em, viewer.userId);
      const count = await em.count(AddressEntity, { user: viewer.userId });
      if (count >= MAX_ADDRESSES) {
        throw new Refusal({
          address: null,
          userErrors: [
            userError(
              'TOO_MANY_ADDRESSES',
              `Your address book is full (${MAX_ADDRESSES} addresses). Delete one first.`,
            ),
          ],
        });
      }
      const isDefault = setAsDefault || count === 0;
      if (isDefault) await clearDefault(em, viewer.userId);
      const address = em.create(AddressEntity, { ...checked.value, user: viewer.userId, isDefault });
      await em.flush();
      return { address, userErrors: [] };
    });
  }

  async update(
    globalId: string,
    input: AddressDraft,
  ): Promise<{ address: AddressEntity | null; userErrors: Err<FieldCode | 'NOT_FOUND'>[] }> {
    const viewer = requireViewer(this.viewer);
    const id = fromGlobalId(globalId, 'Address');
    if (id === null) return notFound();
    const checked = checkAddress(input);
    return inTransaction(this.em, async (em) => {
      await lockOwner(em, viewer.userId);
      const address = await em.findOne(AddressEntity, { id, user: viewer.userId });
      // Ownership first: a foreign id is "not found" whatever the input looks like.
      if (!address) return notFound();
      if (!checked.ok) return { address: null, userErrors: fieldErrors(checked.error) };
      em.assign(address, checked.value);
      await em.flush();
      return { address, userErrors: [] };
    });
  }

  /** Deleting the default makes the most recently added remaining address the default. */
  async delete(globalId: string): Promise<{ deletedId: string | null; userErrors: Err<'NOT_FOUND'>[] }> {
    const viewer = requireViewer(this.viewer);
    const id = fromGlobalId(globalId, 'Address');
    if (id === null) return { deletedId: null, userErrors: notFound().userErrors };
    return inTransaction(this.em, async (em) => {
      await lockOwner(em, viewer.userId);
      const address = await em.findOne(AddressEntity, { id, user: viewer.userId });
      if (!address) return { deletedId: null, userErrors: notFound().userErrors };
      const wasDefault = address.isDefault;
      em.remove(address);
      await em.flush();
      if (wasDefault) {
        const next = await em.findOne(AddressEntity, { user: viewer.userId }, { orderBy: { id: 'desc' } });
        if (next) {
          next.isDefault = true;
          await em.flush();
        }
      }
      return { deletedId: globalId, userErrors: [] };
    });
  }

  async setDefault(
    globalId: string,
  ): Promise<{ address: AddressEntity | null; userErrors: Err<'NOT_FOUND'>[] }> {
    const viewer = requireViewer(this.viewer);
    const id = fromGlobalId(globalId, 'Address');
    if (id === null) return notFound();
    return inTransaction(this.em, async (em) => {
      await lockOwner(em, viewer.userId);
      const address = await em.findOne(AddressEntity, { id, user: viewer.userId });
      if (!address) return notFound();
      if (!address.isDefault) {
        await clearDefault(em, viewer.userId);
        address.isDefault = true;
        await em.flush();
      }
      return { address, userErrors: [] };
    });
  }
}

function notFound() {
  return { address: null, userErrors: [userError('NOT_FOUND' as const, NOT_FOUND_MESSAGE, ['id'])] };
}

function fieldErrors(errors: AddressFieldError[]): Err<FieldCode>[] {
  return errors.map((e) => userError(e.code, e.message, ['input', e.field]));
}

async function lockOwner(em: EntityManager, userId: number): Promise<void> {
  await em.execute('select id from user_account where id = ? for update', [userId]);
}

/** Cleared with a direct update before a new default is written: the partial unique index allows one. */
async function clearDefault(em: EntityManager, userId: number): Promise<void> {
  await em.nativeUpdate(AddressEntity, { user: userId, isDefault: true }, { isDefault: false });
}
