/** Help center and contact form (owned by the help-center work). English is the source of the keys; zh-TW must have the same. */
export const helpEn = {} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const helpZhTw: Strings<typeof helpEn> = {};
