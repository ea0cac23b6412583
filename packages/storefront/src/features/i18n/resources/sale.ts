/** Sale prices from store activities (time-limited discounts). English is the source of the keys; zh-TW must have the same. */
export const saleEn = {
  badge: 'Sale',
  salePrice: 'Sale price',
  originalPrice: 'Original price',
  endsAt: 'Ends {{date}}',
};
