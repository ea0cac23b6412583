/** Traditional Chinese (Taiwan) of ./help.shell.ts. */
import type { helpShellEn } from './help.shell.js';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const helpShellZhTw: Strings<typeof helpShellEn> = {
  link: '幫助中心',
};
