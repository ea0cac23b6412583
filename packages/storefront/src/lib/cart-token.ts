import { useSyncExternalStore } from 'react';
import { getBrowserStorage, type KeyValueStorage, readItem, writeItem } from './storage.js';

/** Where the guest cart's token lives between visits. */
export const CART_TOKEN_KEY = 'mp_cart_token';

/** Tokens are opaque to us; only obvious garbage (blank, absurdly long) is dropped. */
export function normalizeCartToken(value: string | null | undefined): string | null {
  const token = value?.trim();
  return token && token.length <= 200 ? token : null;
}

export type CartTokenStore = {
  get(): string | null;
  set(token: string | null): void;
  /** Re-reads storage, e.g. after another tab changed it. */
  sync(): void;
  subscribe(listener: () => void): () => void;
};

/**
 * The guest cart token, kept in storage and mirrored in memory so it survives a storage that
 * refuses writes. Subscribers (header count, cart page) re-render when it changes.
 */
export function createCartTokenStore(storage: KeyValueStorage | null): CartTokenStore {
  let current = normalizeCartToken(readItem(storage, CART_TOKEN_KEY));
  const listeners = new Set<() => void>();
  const update = (next: string | null) => {
    if (next === current) return;
    current = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => current,
    set(token) {
      const next = normalizeCartToken(token);
      writeItem(storage, CART_TOKEN_KEY, next);
      update(next);
    },
    sync() {
      update(normalizeCartToken(readItem(storage, CART_TOKEN_KEY)));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const cartTokenStore = createCartTokenStore(getBrowserStorage());

if (typeof window !== 'undefined') {
  // A cart started in another tab should show up here too.
  window.addEventListener('storage', (event) => {
    if (event.key === CART_TOKEN_KEY || event.key === null) cartTokenStore.sync();
  });
}

export function useCartToken(): string | null {
  return useSyncExternalStore(cartTokenStore.subscribe, cartTokenStore.get, () => null);
}
