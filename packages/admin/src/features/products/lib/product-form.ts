/** Pure helpers of the product editor: drafts, client-side checks, mapping server userErrors to fields. */

export type ProductKind = 'GOODS' | 'SERVICE';

export interface VariantDraft {
  /** Present for variants that exist on the server. */
  id?: string;
  /** Stable React key for rows not saved yet. */
  key: string;
  sku: string;
  titleEn: string;
  titleZh: string;
  price: string;
  /** As typed; empty means "not counted" (services only). */
  stock: string;
}

export interface ProductDraft {
  kind: ProductKind;
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  variants: VariantDraft[];
}

export type ErrorCode =
  | 'NOT_FOUND'
  | 'MERCHANT_RESTRICTED'
  | 'INVALID_TITLE'
  | 'INVALID_DESCRIPTION'
  | 'INVALID_KIND'
  | 'CATEGORY_NOT_FOUND'
  | 'INVALID_SKU'
  | 'SKU_TAKEN'
  | 'INVALID_PRICE'
  | 'INVALID_STOCK'
  | 'TOO_MANY_VARIANTS'
  | 'NOT_READY'
  | 'UPLOAD_NOT_FOUND'
  | 'INVALID_ALT_TEXT'
  | 'TOO_MANY_IMAGES';

/** Field key → error code. Keys: `titleEn`, `variants.0.price`, …; `form` for errors without a field. */
export type FieldErrors = Record<string, ErrorCode>;

let counter = 0;
export const newVariant = (): VariantDraft => ({
  key: `new-${++counter}`,
  sku: '',
  titleEn: '',
  titleZh: '',
  price: '',
  stock: '',
});

export const emptyDraft = (): ProductDraft => ({
  kind: 'GOODS',
  titleEn: '',
  titleZh: '',
  descriptionEn: '',
  descriptionZh: '',
  variants: [newVariant()],
});

/** The server's field path (`['input', 'variants', '0', 'price']`) as a field key (`variants.0.price`). */
export function fieldKey(path: readonly string[] | null | undefined): string {
  if (!path || path.length === 0) return 'form';
  const rest = path[0] === 'input' ? path.slice(1) : path;
  return rest.length === 0 ? 'form' : rest.join('.');
}

export function toFieldErrors(
  errors: readonly { code: string; field?: readonly string[] | null }[],
): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const key = fieldKey(e.field);
    if (!(key in out)) out[key] = e.code as ErrorCode;
  }
  return out;
}

const PRICE = /^\d{1,7}(\.\d{1,2})?$/;

/** The same rules the API applies, so most mistakes are shown before sending. */
export function checkDraft(draft: ProductDraft): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of ['titleEn', 'titleZh'] as const) {
    const v = draft[key].trim();
    if (v.length === 0 || v.length > 300) errors[key] = 'INVALID_TITLE';
  }
  const skus = new Set<string>();
  draft.variants.forEach((v, i) => {
    const at = (f: string) => `variants.${i}.${f}`;
    const sku = v.sku.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(sku)) errors[at('sku')] = 'INVALID_SKU';
    else if (skus.has(sku.toUpperCase())) errors[at('sku')] = 'SKU_TAKEN';
    skus.add(sku.toUpperCase());
    if (!v.titleEn.trim()) errors[at('titleEn')] = 'INVALID_TITLE';
    if (!v.titleZh.trim()) errors[at('titleZh')] = 'INVALID_TITLE';
    const price = v.price.trim();
    if (!PRICE.test(price) || Number(price) > 1_000_000) errors[at('price')] = 'INVALID_PRICE';
    const stock = v.stock.trim();
    if (stock === '') {
      if (draft.kind === 'GOODS') errors[at('stock')] = 'INVALID_STOCK';
    } else if (!/^\d{1,9}$/.test(stock)) {
      errors[at('stock')] = 'INVALID_STOCK';
    }
  });
  return errors;
}

/** The variant list as the API's `ProductVariantInput`s. */
export function variantInputs(draft: ProductDraft) {
  return draft.variants.map((v) => ({
    ...(v.id ? { id: v.id } : {}),
    sku: v.sku.trim(),
    titleEn: v.titleEn.trim(),
    titleZh: v.titleZh.trim(),
    price: v.price.trim(),
    stock: v.stock.trim() === '' ? null : Number(v.stock.trim()),
  }));
}
