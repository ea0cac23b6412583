import { describe, expect, it, vi } from 'vitest';
import { createMemoryStorage, type KeyValueStorage } from './storage.js';
import { CART_TOKEN_KEY, createCartTokenStore, normalizeCartToken } from './cart-token.js';

const TOKEN = '3f1c0a52-8d7e-4f0e-9a51-2b4c6d8e0f12';

describe('normalizeCartToken', () => {
  it.each([
    { input: TOKEN, expected: TOKEN },
    { input: `  ${TOKEN}\n`, expected: TOKEN },
    { input: '', expected: null },
    { input: '   ', expected: null },
    { input: null, expected: null },
    { input: undefined, expected: null },
    { input: 'x'.repeat(201), expected: null },
  ])('$input → $expected', ({ input, expected }) => {
    expect(normalizeCartToken(input)).toBe(expected);
  });
});

describe('createCartTokenStore', () => {
  it('reads a token saved by an earlier visit', () => {
    const store = createCartTokenStore(createMemoryStorage({ [CART_TOKEN_KEY]: TOKEN }));
    expect(store.get()).toBe(TOKEN);
  });

  it('starts empty and persists a new token under mp_cart_token', () => {
    const storage = createMemoryStorage();
    const store = createCartTokenStore(storage);
    expect(store.get()).toBeNull();
    store.set(TOKEN);
    expect(store.get()).toBe(TOKEN);
    expect(storage.getItem(CART_TOKEN_KEY)).toBe(TOKEN);
  });

  it('removes the token from storage when cleared', () => {
    const storage = createMemoryStorage({ [CART_TOKEN_KEY]: TOKEN });
    const store = createCartTokenStore(storage);
    store.set(null);
    expect(store.get()).toBeNull();
    expect(storage.getItem(CART_TOKEN_KEY)).toBeNull();
  });

  it('notifies subscribers only on a change, until they unsubscribe', () => {
    const store = createCartTokenStore(createMemoryStorage());
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set(TOKEN);
    store.set(TOKEN);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.set(null);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('picks up a token written by another tab on sync', () => {
    const storage = createMemoryStorage();
    const store = createCartTokenStore(storage);
    const listener = vi.fn();
    store.subscribe(listener);
    storage.setItem(CART_TOKEN_KEY, TOKEN);
    store.sync();
    expect(store.get()).toBe(TOKEN);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the token in memory when storage is missing or refuses writes', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    for (const storage of [null, broken]) {
      const store = createCartTokenStore(storage);
      expect(store.get()).toBeNull();
      store.set(TOKEN);
      expect(store.get()).toBe(TOKEN);
    }
  });

  it('ignores a blank token found in storage', () => {
    const store = createCartTokenStore(createMemoryStorage({ [CART_TOKEN_KEY]: '  ' }));
    expect(store.get()).toBeNull();
  });
});
