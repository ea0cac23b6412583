/** Traditional Chinese (Taiwan) of ./sale.ts — its own module, so the language is loaded only when chosen. */
import type { saleEn } from './sale.js';

export const saleZhTw: typeof saleEn = {
  badge: '特價',
  salePrice: '特價',
  originalPrice: '原價',
  endsAt: '{{date}} 結束',
};
