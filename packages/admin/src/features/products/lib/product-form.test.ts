import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  emptyDraft,
  fieldKey,
  type ProductDraft,
  toFieldErrors,
  variantInputs,
} from './product-form';

const good = (): ProductDraft => ({
  kind: 'GOODS',
  titleEn: 'Beans',
  titleZh: '咖啡豆',
  descriptionEn: '',
  descriptionZh: '',
  variants: [{ key: 'a', sku: 'B-250', titleEn: '250 g', titleZh: '250 公克', price: '12.50', stock: '3' }],
});

describe('fieldKey', () => {
  it.each([
    [['input', 'titleEn'], 'titleEn'],
    [['input', 'variants', '0', 'price'], 'variants.0.price'],
    [['variants'], 'variants'],
    [null, 'form'],
    [['input'], 'form'],
  ] as const)('%j → %s', (path, key) => {
    expect(fieldKey(path)).toBe(key);
  });
});

describe('checkDraft', () => {
  it('accepts a complete draft', () => {
    expect(checkDraft(good())).toEqual({});
  });

  it.each([
    [{ price: '-1' }, 'variants.0.price', 'INVALID_PRICE'],
    [{ price: '1000000.01' }, 'variants.0.price', 'INVALID_PRICE'],
    [{ price: '1.234' }, 'variants.0.price', 'INVALID_PRICE'],
    [{ stock: '-2' }, 'variants.0.stock', 'INVALID_STOCK'],
    [{ stock: '1.5' }, 'variants.0.stock', 'INVALID_STOCK'],
    [{ stock: '' }, 'variants.0.stock', 'INVALID_STOCK'],
    [{ sku: 'has space' }, 'variants.0.sku', 'INVALID_SKU'],
    [{ titleZh: ' ' }, 'variants.0.titleZh', 'INVALID_TITLE'],
  ])('%j → %s %s', (over, key, code) => {
    const d = good();
    d.variants[0] = { ...d.variants[0]!, ...over };
    expect(checkDraft(d)).toEqual({ [key]: code });
  });

  it('lets services leave stock empty and flags duplicate SKUs and missing titles', () => {
    const d = good();
    d.kind = 'SERVICE';
    d.titleZh = '';
    d.variants[0]!.stock = '';
    d.variants.push({ ...d.variants[0]!, key: 'b', sku: 'b-250' });
    expect(checkDraft(d)).toEqual({ titleZh: 'INVALID_TITLE', 'variants.1.sku': 'SKU_TAKEN' });
    expect(checkDraft(emptyDraft())).toMatchObject({
      titleEn: 'INVALID_TITLE',
      'variants.0.sku': 'INVALID_SKU',
    });
  });
});

describe('toFieldErrors / variantInputs', () => {
  it('keeps the first error per field', () => {
    expect(
      toFieldErrors([
        { code: 'SKU_TAKEN', field: ['input', 'variants', '1', 'sku'] },
        { code: 'INVALID_SKU', field: ['input', 'variants', '1', 'sku'] },
        { code: 'MERCHANT_RESTRICTED', field: null },
      ]),
    ).toEqual({ 'variants.1.sku': 'SKU_TAKEN', form: 'MERCHANT_RESTRICTED' });
  });

  it('sends null stock for empty input and keeps ids of saved variants', () => {
    const d = good();
    d.variants[0] = { ...d.variants[0]!, id: 'V1', stock: '' };
    expect(variantInputs(d)).toEqual([
      { id: 'V1', sku: 'B-250', titleEn: '250 g', titleZh: '250 公克', price: '12.50', stock: null },
    ]);
  });
});
