/** GOODS are shipped and stock-counted; SERVICE (consulting) has no shipping and completes on report delivery. */
export const PRODUCT_KINDS = ['GOODS', 'SERVICE'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export function isProductKind(value: unknown): value is ProductKind {
  return typeof value === 'string' && (PRODUCT_KINDS as readonly string[]).includes(value);
}
