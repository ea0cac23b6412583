/** Sign-in, registration, profile, addresses (owned by the accounts work). English is the source of the keys; zh-TW must have the same. */
export const accountsEn = {} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const accountsZhTw: Strings<typeof accountsEn> = {};
