import { randomBytes } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type CurrencyCode,
  currencyExponent,
  type ProductKind,
  parseDecimal,
  PRODUCT_KINDS,
} from '@marketplace/core';
import type { Config } from '../../config.js';
import { inTransaction, Refusal } from '../../db/transaction.js';
import { emitProductUpdated } from '../webhooks/webhook-events.js';
import { PublicError, userError } from '../../graphql/errors.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toConnection,
} from '../../graphql/relay.js';
import { requireRole } from '../accounts/authorization.js';
import { requireCapability } from '../capabilities/capabilities.service.js';
import type { Viewer } from '../accounts/viewer.js';
import { CategoryEntity } from '../catalog/category.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { ProductImageEntity } from '../catalog/product-image.entity.js';
import { ProductVariantEntity } from '../catalog/product-variant.entity.js';
import { type ProductStatus, ProductEntity } from '../catalog/product.entity.js';
import { readStoredUpload } from './media-uploads.js';

export type CatalogAdminErrorCode =
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

export type CatalogAdminError = { code: CatalogAdminErrorCode; message: string; field: string[] | null };

export interface ProductResult {
  product: ProductEntity | null;
  userErrors: CatalogAdminError[];
}

export interface VariantDraft {
  id?: string | null;
  sku: string;
  titleEn: string;
  titleZh: string;
  price: string;
  stock?: number | null;
}

export interface ProductDraft {
  kind?: ProductKind | null;
  categoryId?: string | null;
  titleEn?: string | null;
  titleZh?: string | null;
  descriptionEn?: string | null;
  descriptionZh?: string | null;
}

export type MerchantProductSort = 'NEWEST' | 'OLDEST' | 'TITLE' | 'UPDATED';

export const MAX_PRICE_MAJOR = 1_000_000;
export const MAX_VARIANTS = 50;
export const MAX_IMAGES = 20;
const MAX_PAGE = 100;

const refused = (userErrors: CatalogAdminError[]): ProductResult => ({ product: null, userErrors });

/** Lower-case kebab-case from an English title; `product` if nothing is left. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'product';
}

function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The merchant's own catalogue in the management center: every status, create and edit, variants,
 * images, publish and unpublish. Merchant staff act on their store only (another store's product is
 * NOT_FOUND); a merchant that is not ACTIVE may not change listings (MERCHANT_RESTRICTED).
 */
export class CatalogAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly config: Config,
  ) {}

  private staff(): { viewer: Viewer; merchantId: number } {
    const viewer = requireRole(this.viewer, 'MERCHANT_STAFF');
    if (viewer.merchantId === null)
      throw new PublicError('FORBIDDEN', 'Your account is not linked to a store.');
    return { viewer, merchantId: viewer.merchantId };
  }

  async merchantProducts(args: {
    first: number;
    after?: string | null;
    query?: string | null;
    status?: ProductStatus | null;
    kind?: ProductKind | null;
    sort?: MerchantProductSort | null;
    merchantId?: string | null;
  }): Promise<ConnectionShape<ProductEntity>> {
    const viewer = requireRole(this.viewer, 'MERCHANT_STAFF', 'ADMIN');
    let merchantId: number | null;
    if (viewer.role === 'MERCHANT_STAFF') {
      merchantId = viewer.merchantId;
      if (merchantId === null) throw new PublicError('FORBIDDEN', 'Your account is not linked to a store.');
    } else {
      merchantId = args.merchantId ? fromGlobalId(args.merchantId, 'Merchant') : null;
      if (args.merchantId && merchantId === null) merchantId = -1;
    }
    const first = args.first;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw new PublicError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE}`);
    }
    // Keyset pagination: the cursor is the sort and the id of the last row; the next page starts after that
    // row's (sort value, id), read from the row itself so equal values and concurrent inserts are handled.
    const sort = args.sort ?? 'NEWEST';
    let afterId: number | null = null;
    if (args.after) {
      const key = decodeCursor(args.after);
      const valid =
        key?.length === 2 && key[0] === sort && typeof key[1] === 'number' && Number.isInteger(key[1]);
      if (!valid) throw new PublicError('BAD_USER_INPUT', 'after is not a valid cursor for this sort');
      afterId = key![1] as number;
    }
    const qb = this.em.createQueryBuilder(ProductEntity, 'p');
    if (merchantId !== null) qb.where({ merchant: merchantId });
    if (args.status) qb.andWhere({ status: args.status });
    if (args.kind) qb.andWhere({ kind: args.kind });
    const terms = (args.query ?? '')
      .toLowerCase()
      .split(/\s+/u)
      .filter(Boolean)
      .slice(0, 8)
      .map((t) => t.slice(0, 50));
    for (const t of terms) {
      qb.andWhere(
        '(p.search_text like ? or exists (select 1 from product_variant v where v.product_id = p.id and lower(v.sku) like ?))',
        [likeContains(t), likeContains(t)],
      );
    }
    const countQb = qb.clone();
    const order: Record<MerchantProductSort, Record<string, 'asc' | 'desc'>> = {
      NEWEST: { id: 'desc' },
      OLDEST: { id: 'asc' },
      TITLE: { titleEn: 'asc', id: 'asc' },
      UPDATED: { updatedAt: 'desc', id: 'desc' },
    };
    if (afterId !== null) {
      const keyset: Record<MerchantProductSort, string> = {
        NEWEST: 'p.id < ?',
        OLDEST: 'p.id > ?',
        TITLE: '(p.title_en, p.id) > (select a.title_en, a.id from product a where a.id = ?)',
        UPDATED: '(p.updated_at, p.id) < (select a.updated_at, a.id from product a where a.id = ?)',
      };
      qb.andWhere(keyset[sort], [afterId]);
    }
    const rows = await qb
      .select('p.*')
      .orderBy(order[sort])
      .limit(first + 1)
      .getResult();
    return toConnection(rows, first, {
      hasPrevious: afterId !== null,
      cursorOf: (p) => encodeCursor([sort, p.id]),
      map: (p) => p,
      count: () => countQb.getCount(),
    });
  }

  /** Locks and returns the viewer's product, or refuses (NOT_FOUND / MERCHANT_RESTRICTED). */
  private async ownProduct(tx: EntityManager, merchantId: number, productId: string): Promise<ProductEntity> {
    const id = fromGlobalId(productId, 'Product');
    const product =
      id === null
        ? null
        : await tx.findOne(
            ProductEntity,
            { id, merchant: merchantId },
            { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
          );
    if (!product) {
      throw new Refusal(
        refused([userError('NOT_FOUND', 'Your store has no product with this ID.', ['input', 'productId'])]),
      );
    }
    await this.assertCanEdit(tx, merchantId);
    return product;
  }

  /** The store's standing must allow changing listings (capabilities; answered as MERCHANT_RESTRICTED). */
  private async assertCanEdit(tx: EntityManager, merchantId: number): Promise<void> {
    await requireCapability(tx, this.viewer, 'listing.edit', { merchantId });
  }

  private checkProductFields(draft: ProductDraft, creating: boolean): CatalogAdminError[] {
    const errors: CatalogAdminError[] = [];
    const text = (key: 'titleEn' | 'titleZh', max: number) => {
      const v = draft[key];
      if (v === undefined || v === null) {
        if (creating)
          errors.push(userError('INVALID_TITLE', 'Enter a title (1–300 characters).', ['input', key]));
        return;
      }
      if (v.trim().length === 0 || v.trim().length > max) {
        errors.push(userError('INVALID_TITLE', `Enter a title (1–${max} characters).`, ['input', key]));
      }
    };
    text('titleEn', 300);
    text('titleZh', 300);
    for (const key of ['descriptionEn', 'descriptionZh'] as const) {
      const v = draft[key];
      if (v != null && v.length > 20_000) {
        errors.push(
          userError('INVALID_DESCRIPTION', 'The description is longer than 20,000 characters.', [
            'input',
            key,
          ]),
        );
      }
    }
    if ((creating || draft.kind != null) && !PRODUCT_KINDS.includes(draft.kind as ProductKind)) {
      errors.push(userError('INVALID_KIND', 'Choose goods or service.', ['input', 'kind']));
    }
    return errors;
  }

  private checkVariants(
    variants: VariantDraft[],
    kind: ProductKind,
  ): {
    errors: CatalogAdminError[];
    parsed: {
      id: number | null;
      sku: string;
      titleEn: string;
      titleZh: string;
      priceMinor: number;
      stock: number | null;
    }[];
  } {
    const errors: CatalogAdminError[] = [];
    const parsed: {
      id: number | null;
      sku: string;
      titleEn: string;
      titleZh: string;
      priceMinor: number;
      stock: number | null;
    }[] = [];
    if (variants.length > MAX_VARIANTS) {
      errors.push(userError('TOO_MANY_VARIANTS', `At most ${MAX_VARIANTS} variants.`, ['input', 'variants']));
      return { errors, parsed };
    }
    const currency = this.config.currency as CurrencyCode;
    const seen = new Set<string>();
    variants.forEach((v, i) => {
      const at = (f: string) => ['input', 'variants', String(i), f];
      const sku = (v.sku ?? '').trim();
      let ok = true;
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(sku)) {
        errors.push(
          userError('INVALID_SKU', 'A SKU is 1–64 letters, digits, dots, hyphens or underscores.', at('sku')),
        );
        ok = false;
      } else if (seen.has(sku.toUpperCase())) {
        errors.push(userError('SKU_TAKEN', 'This SKU is used twice.', at('sku')));
        ok = false;
      }
      seen.add(sku.toUpperCase());
      for (const key of ['titleEn', 'titleZh'] as const) {
        const t = (v[key] ?? '').trim();
        if (t.length === 0 || t.length > 200) {
          errors.push(userError('INVALID_TITLE', 'Enter a variant name (1–200 characters).', at(key)));
          ok = false;
        }
      }
      const price = parseDecimal(String(v.price ?? ''), currency);
      const maxMinor = MAX_PRICE_MAJOR * 10 ** currencyExponent(currency);
      let priceMinor = 0;
      if (!price.ok || price.value.minor < 0 || price.value.minor > maxMinor) {
        errors.push(userError('INVALID_PRICE', 'Enter a price from 0 to 1,000,000.00.', at('price')));
        ok = false;
      } else {
        priceMinor = price.value.minor;
      }
      const stock = v.stock ?? null;
      if (stock === null) {
        if (kind === 'GOODS') {
          errors.push(
            userError('INVALID_STOCK', 'Goods need a stock count (a whole number, 0 or more).', at('stock')),
          );
          ok = false;
        }
      } else if (!Number.isInteger(stock) || stock < 0 || stock > 1_000_000_000) {
        errors.push(userError('INVALID_STOCK', 'Stock is a whole number, 0 or more.', at('stock')));
        ok = false;
      }
      let id: number | null = null;
      if (v.id != null) {
        id = fromGlobalId(v.id, 'ProductVariant');
        if (id === null) {
          errors.push(userError('NOT_FOUND', 'This product has no variant with this ID.', at('id')));
          ok = false;
        }
      }
      if (ok)
        parsed.push({ id, sku, titleEn: v.titleEn.trim(), titleZh: v.titleZh.trim(), priceMinor, stock });
    });
    return { errors, parsed };
  }

  private async uniqueHandle(tx: EntityManager, title: string): Promise<string> {
    const base = slugify(title);
    for (let n = 1; n < 1000; n++) {
      const handle = n === 1 ? base : `${base}-${n}`;
      if ((await tx.count(ProductEntity, { handle })) === 0) return handle;
    }
    return `${base}-${randomBytes(4).toString('hex')}`;
  }

  /** Writes the complete variant list of a product: listed ids are updated, new ones added, the rest removed. */
  private async writeVariants(
    tx: EntityManager,
    product: ProductEntity,
    parsed: ReturnType<CatalogAdminService['checkVariants']>['parsed'],
  ): Promise<void> {
    const existing = await tx.find(ProductVariantEntity, { product });
    const byId = new Map(existing.map((v) => [v.id, v]));
    for (const [i, p] of parsed.entries()) {
      if (p.id !== null && !byId.has(p.id)) {
        throw new Refusal(
          refused([
            userError('NOT_FOUND', 'This product has no variant with this ID.', [
              'input',
              'variants',
              String(i),
              'id',
            ]),
          ]),
        );
      }
    }
    const keep = new Set(parsed.map((p) => p.id).filter((id): id is number => id !== null));
    // SKUs must be unique across the marketplace (other products, other stores).
    for (const [i, p] of parsed.entries()) {
      const clash = await tx.findOne(ProductVariantEntity, {
        sku: { $ilike: p.sku.replace(/[\\%_]/g, (c) => `\\${c}`) },
      });
      if (clash && !(clash.product.id === product.id && (clash.id === p.id || !keep.has(clash.id)))) {
        throw new Refusal(
          refused([
            userError('SKU_TAKEN', 'This SKU is already used on the marketplace.', [
              'input',
              'variants',
              String(i),
              'sku',
            ]),
          ]),
        );
      }
    }
    const removed = existing.filter((v) => !keep.has(v.id));
    // Order lines keep their snapshot (variant set null); cart lines of a removed variant go with it.
    for (const v of removed) tx.remove(v);
    if (removed.length > 0) await tx.flush();
    for (const [position, p] of parsed.entries()) {
      const row = p.id !== null ? byId.get(p.id) : undefined;
      const target =
        row ??
        tx.create(ProductVariantEntity, {
          product,
          sku: p.sku,
          titleEn: p.titleEn,
          titleZh: p.titleZh,
          priceMinor: p.priceMinor,
          currency: this.config.currency,
          stock: p.stock,
          position,
        });
      Object.assign(target, {
        sku: p.sku,
        titleEn: p.titleEn,
        titleZh: p.titleZh,
        priceMinor: p.priceMinor,
        currency: this.config.currency,
        stock: p.stock,
        position,
      });
    }
    product.updatedAt = new Date();
    try {
      await tx.flush();
    } catch (error) {
      // Another request took the SKU between the check above and this write.
      if (error instanceof UniqueConstraintViolationException) {
        throw new Refusal(
          refused([
            userError('SKU_TAKEN', 'This SKU is already used on the marketplace.', ['input', 'variants']),
          ]),
        );
      }
      throw error;
    }
  }

  private async resolveCategory(tx: EntityManager, categoryId: string | null | undefined) {
    if (categoryId == null || categoryId === '') return null;
    const id = fromGlobalId(categoryId, 'Category');
    const category = id === null ? null : await tx.findOne(CategoryEntity, { id });
    if (!category) {
      throw new Refusal(
        refused([userError('CATEGORY_NOT_FOUND', 'There is no such category.', ['input', 'categoryId'])]),
      );
    }
    return category;
  }

  async createProduct(input: ProductDraft & { variants?: VariantDraft[] | null }): Promise<ProductResult> {
    const { merchantId } = this.staff();
    const errors = this.checkProductFields(input, true);
    const kind = (input.kind ?? 'GOODS') as ProductKind;
    const variants = this.checkVariants(input.variants ?? [], kind);
    return inTransaction(this.em, async (tx) => {
      await this.assertCanEdit(tx, merchantId);
      if (errors.length + variants.errors.length > 0) return refused([...errors, ...variants.errors]);
      const category = await this.resolveCategory(tx, input.categoryId);
      const product = tx.create(ProductEntity, {
        merchant: tx.getReference(MerchantEntity, merchantId),
        category,
        handle: await this.uniqueHandle(tx, input.titleEn ?? ''),
        kind,
        titleEn: (input.titleEn ?? '').trim(),
        titleZh: (input.titleZh ?? '').trim(),
        descriptionEn: input.descriptionEn ?? '',
        descriptionZh: input.descriptionZh ?? '',
        status: 'DRAFT',
      });
      await tx.flush();
      await this.writeVariants(
        tx,
        product,
        variants.parsed.map((p) => ({ ...p, id: null })),
      );
      return { product, userErrors: [] };
    });
  }

  async updateProduct(input: ProductDraft & { productId: string }): Promise<ProductResult> {
    const { merchantId } = this.staff();
    const errors = this.checkProductFields(input, false);
    return inTransaction(this.em, async (tx) => {
      const product = await this.ownProduct(tx, merchantId, input.productId);
      if (errors.length > 0) return refused(errors);
      if (input.categoryId !== undefined) product.category = await this.resolveCategory(tx, input.categoryId);
      if (input.kind != null && input.kind !== product.kind) {
        const counted = await tx.count(ProductVariantEntity, { product, stock: null });
        if (input.kind === 'GOODS' && counted > 0) {
          return refused([
            userError('INVALID_STOCK', 'Goods need a stock count on every variant.', ['input', 'kind']),
          ]);
        }
        product.kind = input.kind;
      }
      if (input.titleEn != null) product.titleEn = input.titleEn.trim();
      if (input.titleZh != null) product.titleZh = input.titleZh.trim();
      if (input.descriptionEn != null) product.descriptionEn = input.descriptionEn;
      if (input.descriptionZh != null) product.descriptionZh = input.descriptionZh;
      product.updatedAt = new Date();
      await tx.flush();
      await emitProductUpdated(tx, product, 'fields');
      return { product, userErrors: [] };
    });
  }

  async setProductVariants(input: { productId: string; variants: VariantDraft[] }): Promise<ProductResult> {
    const { merchantId } = this.staff();
    return inTransaction(this.em, async (tx) => {
      const product = await this.ownProduct(tx, merchantId, input.productId);
      const checked = this.checkVariants(input.variants ?? [], product.kind);
      if (checked.errors.length > 0) return refused(checked.errors);
      if (product.status === 'PUBLISHED' && checked.parsed.length === 0) {
        return refused([
          userError('NOT_READY', 'A published product keeps at least one variant.', ['input', 'variants']),
        ]);
      }
      await this.writeVariants(tx, product, checked.parsed);
      await emitProductUpdated(tx, product, 'variants');
      return { product, userErrors: [] };
    });
  }

  async publishProduct(productId: string): Promise<ProductResult> {
    const { merchantId } = this.staff();
    return inTransaction(this.em, async (tx) => {
      const product = await this.ownProduct(tx, merchantId, productId);
      const variants = await tx.count(ProductVariantEntity, { product });
      const missing: CatalogAdminError[] = [];
      if (variants === 0)
        missing.push(userError('NOT_READY', 'Add at least one variant before publishing.', ['variants']));
      if (!product.titleEn.trim())
        missing.push(userError('NOT_READY', 'Enter the English title first.', ['titleEn']));
      if (!product.titleZh.trim())
        missing.push(userError('NOT_READY', 'Enter the Chinese title first.', ['titleZh']));
      if (missing.length > 0) return refused(missing);
      product.status = 'PUBLISHED';
      product.updatedAt = new Date();
      await tx.flush();
      await emitProductUpdated(tx, product, 'published');
      return { product, userErrors: [] };
    });
  }

  async unpublishProduct(productId: string): Promise<ProductResult> {
    const { merchantId } = this.staff();
    return inTransaction(this.em, async (tx) => {
      const product = await this.ownProduct(tx, merchantId, productId);
      product.status = 'DRAFT';
      product.updatedAt = new Date();
      await tx.flush();
      await emitProductUpdated(tx, product, 'unpublished');
      return { product, userErrors: [] };
    });
  }

  async addProductImage(input: {
    productId: string;
    uploadId: string;
    altEn?: string | null;
    altZh?: string | null;
  }): Promise<ProductResult> {
    const { merchantId } = this.staff();
    return inTransaction(this.em, async (tx) => {
      const product = await this.ownProduct(tx, merchantId, input.productId);
      const errors: CatalogAdminError[] = [];
      for (const key of ['altEn', 'altZh'] as const) {
        if ((input[key] ?? '').length > 300)
          errors.push(userError('INVALID_ALT_TEXT', 'At most 300 characters.', ['input', key]));
      }
      const upload = await readStoredUpload(this.config.mediaDir, input.uploadId);
      if (!upload)
        errors.push(userError('UPLOAD_NOT_FOUND', 'Upload the image again.', ['input', 'uploadId']));
      if (errors.length > 0 || !upload) return refused(errors);
      const count = await tx.count(ProductImageEntity, { product });
      if (count >= MAX_IMAGES)
        return refused([
          userError('TOO_MANY_IMAGES', `At most ${MAX_IMAGES} images.`, ['input', 'uploadId']),
        ]);
      if ((await tx.count(ProductImageEntity, { path: upload.path })) > 0) {
        return refused([
          userError('UPLOAD_NOT_FOUND', 'This upload is already used: upload the image again.', [
            'input',
            'uploadId',
          ]),
        ]);
      }
      tx.create(ProductImageEntity, {
        product,
        path: upload.path,
        width: upload.width,
        height: upload.height,
        altEn: (input.altEn ?? '').trim(),
        altZh: (input.altZh ?? '').trim(),
        position: count,
      });
      product.updatedAt = new Date();
      await tx.flush();
      await emitProductUpdated(tx, product, 'images');
      return { product, userErrors: [] };
    });
  }

  async removeProductImage(input: { productId: string; imageId: string }): Promise<ProductResult> {
    const { merchantId } = this.staff();
    return inTransaction(this.em, async (tx) => {
      const product = await this.ownProduct(tx, merchantId, input.productId);
      const id = fromGlobalId(input.imageId, 'ProductImage');
      const image = id === null ? null : await tx.findOne(ProductImageEntity, { id, product });
      if (!image)
        return refused([
          userError('NOT_FOUND', 'This product has no image with this ID.', ['input', 'imageId']),
        ]);
      tx.remove(image);
      product.updatedAt = new Date();
      await tx.flush();
      await emitProductUpdated(tx, product, 'images');
      return { product, userErrors: [] };
    });
  }

  async reorderProductImages(input: { productId: string; imageIds: string[] }): Promise<ProductResult> {
    const { merchantId } = this.staff();
    return inTransaction(this.em, async (tx) => {
      const product = await this.ownProduct(tx, merchantId, input.productId);
      const images = await tx.find(ProductImageEntity, { product });
      const ids = (input.imageIds ?? []).map((g) => fromGlobalId(g, 'ProductImage'));
      const all = new Set(images.map((i) => i.id));
      if (
        ids.length !== images.length ||
        new Set(ids).size !== ids.length ||
        ids.some((i) => i === null || !all.has(i))
      ) {
        return refused([
          userError('NOT_FOUND', 'List every image of this product exactly once.', ['input', 'imageIds']),
        ]);
      }
      const byId = new Map(images.map((i) => [i.id, i]));
      ids.forEach((id, position) => {
        const image = byId.get(id as number);
        if (image) image.position = position;
      });
      product.updatedAt = new Date();
      await tx.flush();
      await emitProductUpdated(tx, product, 'images');
      return { product, userErrors: [] };
    });
  }
}
