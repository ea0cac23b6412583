/** Traditional Chinese (Taiwan) of ./payments.shell.ts. */
import type { paymentsShellEn } from './payments.shell.js';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const paymentsShellZhTw: Strings<typeof paymentsShellEn> = {
  menu: {
    history: '付款紀錄',
  },
};
