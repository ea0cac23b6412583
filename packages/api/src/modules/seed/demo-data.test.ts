import { describe, expect, it } from 'vitest';
import { DEMO_CATEGORIES, DEMO_MERCHANTS, DEMO_PRODUCTS, type ProductMotif } from './demo-data.js';
import { PRODUCT_IMAGE_SIZE, renderProductSvg } from './product-image.js';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CJK = /[\u3400-\u9fff]/;
const SIMPLIFIED_ONLY = /[们这说时发个来对国过会动业设为经产学实现话东电买卖门问间开关车长见]/;

const allVariants = DEMO_PRODUCTS.flatMap((product) =>
  product.variants.map((variant) => ({ product, variant })),
);

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/** Minimal well-formedness check: tags balance and attributes are quoted. */
function assertBalancedTags(svg: string): void {
  const stack: string[] = [];
  const tagPattern = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let consumed = 0;
  for (const match of svg.matchAll(tagPattern)) {
    const [whole, closing, name, , selfClosing] = match;
    expect(svg.slice(consumed, match.index)).not.toMatch(/[<>]/);
    consumed = match.index + whole.length;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name ?? '');
  }
  expect(svg.slice(consumed)).toBe('');
  expect(stack).toEqual([]);
}

describe('demo catalogue data', () => {
  it('has enough merchants, categories, products and services', () => {
    expect(DEMO_MERCHANTS.length).toBeGreaterThanOrEqual(3);
    expect(DEMO_CATEGORIES.length).toBeGreaterThanOrEqual(6);
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(30);
    expect(DEMO_PRODUCTS.filter((p) => p.kind === 'SERVICE').length).toBeGreaterThanOrEqual(6);
    for (const merchant of DEMO_MERCHANTS) {
      expect(
        DEMO_PRODUCTS.filter((p) => p.merchant === merchant.handle).length,
        merchant.handle,
      ).toBeGreaterThanOrEqual(6);
    }
    for (const category of DEMO_CATEGORIES) {
      expect(
        DEMO_PRODUCTS.some((p) => p.category === category.handle),
        category.handle,
      ).toBe(true);
    }
  });

  it('uses unique kebab-case handles and unique SKUs', () => {
    const handles = [
      ...DEMO_MERCHANTS.map((m) => m.handle),
      ...DEMO_CATEGORIES.map((c) => c.handle),
      ...DEMO_PRODUCTS.map((p) => p.handle),
    ];
    for (const handle of handles) expect(handle).toMatch(KEBAB);
    expect(duplicates(DEMO_MERCHANTS.map((m) => m.handle))).toEqual([]);
    expect(duplicates(DEMO_CATEGORIES.map((c) => c.handle))).toEqual([]);
    expect(duplicates(DEMO_PRODUCTS.map((p) => p.handle))).toEqual([]);
    const skus = allVariants.map(({ variant }) => variant.sku);
    expect(duplicates(skus)).toEqual([]);
    for (const sku of skus) expect(sku).toMatch(/^[A-Z]{3}-[A-Z0-9]+-[A-Z0-9]+$/);
  });

  it('references existing merchants and categories', () => {
    const merchants = new Set(DEMO_MERCHANTS.map((m) => m.handle));
    const categories = new Set(DEMO_CATEGORIES.map((c) => c.handle));
    for (const product of DEMO_PRODUCTS) {
      expect(merchants.has(product.merchant), `${product.handle} → ${product.merchant}`).toBe(true);
      expect(categories.has(product.category), `${product.handle} → ${product.category}`).toBe(true);
    }
  });

  it('gives merchants a valid brand hue', () => {
    for (const merchant of DEMO_MERCHANTS) {
      expect(Number.isInteger(merchant.hue)).toBe(true);
      expect(merchant.hue).toBeGreaterThanOrEqual(0);
      expect(merchant.hue).toBeLessThan(360);
    }
  });

  it('has sensible variants, prices and stock', () => {
    for (const product of DEMO_PRODUCTS) {
      expect(product.variants.length, product.handle).toBeGreaterThanOrEqual(1);
      expect(product.variants.length, product.handle).toBeLessThanOrEqual(product.kind === 'SERVICE' ? 3 : 4);
    }
    for (const { product, variant } of allVariants) {
      expect(Number.isInteger(variant.priceMinor), variant.sku).toBe(true);
      expect(variant.priceMinor, variant.sku).toBeGreaterThanOrEqual(300);
      expect(variant.priceMinor, variant.sku).toBeLessThanOrEqual(50000);
      if (product.kind === 'SERVICE') {
        expect(variant.stock, variant.sku).toBeNull();
      } else {
        expect(Number.isInteger(variant.stock), variant.sku).toBe(true);
        expect(variant.stock ?? -1, variant.sku).toBeGreaterThanOrEqual(0);
        expect(variant.stock ?? 201, variant.sku).toBeLessThanOrEqual(200);
      }
    }
    const goods = allVariants.filter(({ product }) => product.kind === 'GOODS');
    expect(goods.filter(({ variant }) => variant.stock === 0)).toHaveLength(1);
    const low = goods.filter(
      ({ variant }) => variant.stock !== null && variant.stock >= 3 && variant.stock <= 5,
    );
    expect(low.length).toBeGreaterThanOrEqual(3);
  });

  it('has bilingual copy with Traditional Chinese titles', () => {
    for (const entity of [...DEMO_MERCHANTS, ...DEMO_CATEGORIES]) {
      expect(entity.nameEn.trim()).not.toBe('');
      expect(entity.nameZh).toMatch(CJK);
    }
    for (const product of DEMO_PRODUCTS) {
      expect(product.titleEn.trim(), product.handle).not.toBe('');
      expect(product.titleZh, product.handle).toMatch(CJK);
      expect(product.descriptionEn.trim(), product.handle).not.toBe('');
      expect(product.descriptionZh, product.handle).toMatch(CJK);
      expect(`${product.titleZh}${product.descriptionZh}`, product.handle).not.toMatch(SIMPLIFIED_ONLY);
    }
  });

  it('includes products for the search scenarios', () => {
    expect(DEMO_PRODUCTS.some((p) => p.titleZh.includes('精品咖啡豆'))).toBe(true);
    expect(DEMO_PRODUCTS.some((p) => p.titleZh.includes('咖啡') && p.titleZh !== '咖啡')).toBe(true);
    expect(DEMO_PRODUCTS.some((p) => p.titleEn.toLowerCase().includes('coffee'))).toBe(true);
  });
});

describe('renderProductSvg', () => {
  const base = {
    title: 'Alishan Geisha Beans',
    subtitle: 'Formosa Roasters',
    hue: 24,
    motif: 'coffee',
    seed: 'a',
  } as const;

  it('renders a complete 800×800 SVG document', () => {
    const svg = renderProductSvg(base);
    expect(PRODUCT_IMAGE_SIZE).toEqual({ width: 800, height: 800 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('viewBox="0 0 800 800"');
    expect(svg).toContain('width="800"');
    expect(svg).toContain('height="800"');
    expect(svg).toContain('Alishan Geisha Beans');
    expect(svg).toContain('Formosa Roasters');
    assertBalancedTags(svg);
  });

  it('escapes XML special characters in the title', () => {
    const svg = renderProductSvg({ ...base, title: 'Tom & Jerry <"Best">', subtitle: "R&D's <lab>" });
    expect(svg).toContain('Tom &amp; Jerry &lt;&quot;Best&quot;&gt;');
    expect(svg).toContain('R&amp;D&apos;s &lt;lab&gt;');
    expect(svg).not.toContain('<"Best">');
    expect(svg).not.toContain('<lab>');
    assertBalancedTags(svg);
  });

  it('wraps medium-length titles onto two lines without truncating', () => {
    const svg = renderProductSvg({ ...base, title: 'Cross-Border E-commerce Strategy Session' });
    const titleLines = svg.match(/<text[^>]*font-weight="700"[^>]*>[^<]*<\/text>/g) ?? [];
    expect(titleLines).toHaveLength(2);
    expect(svg).not.toContain('…');
    expect(titleLines.join(' ')).toContain('Session');
  });

  it('truncates long titles with an ellipsis', () => {
    const long = 'Extraordinarily Long Product Title '.repeat(6);
    const svg = renderProductSvg({ ...base, title: long });
    expect(svg).toMatch(/<text[^>]*>[^<]*…<\/text>/);
    const zh = renderProductSvg({ ...base, title: '阿里山藝伎精品咖啡豆'.repeat(5) });
    expect(zh).toMatch(/<text[^>]*>[^<]*…<\/text>/);
  });

  it('is deterministic and varies decorations with the seed', () => {
    expect(renderProductSvg(base)).toBe(renderProductSvg({ ...base }));
    expect(renderProductSvg({ ...base, seed: 'b' })).not.toBe(renderProductSvg(base));
  });

  it('contains no URL other than the SVG namespace', () => {
    for (const product of DEMO_PRODUCTS) {
      const svg = renderProductSvg({
        title: product.titleEn,
        hue: 200,
        motif: product.motif,
        seed: product.handle,
      });
      expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:/);
      expect(svg).not.toMatch(/<image|xlink:href|@import|<script/i);
    }
  });

  it('renders every motif used by the catalogue, for any hue', () => {
    const motifs = new Set<ProductMotif>(DEMO_PRODUCTS.map((p) => p.motif));
    expect(motifs.size).toBeGreaterThanOrEqual(12);
    for (const motif of motifs) {
      for (const hue of [0, 137, 359, -20, 725]) {
        const svg = renderProductSvg({ title: motif, hue, motif, seed: `${motif}-${hue}` });
        expect(svg).not.toMatch(/NaN|undefined|Infinity/);
        assertBalancedTags(svg);
      }
    }
  });
});
