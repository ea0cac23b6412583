import type { ActivityDiscountKind, ActivityStatus, MerchantStatus, ProductKind } from '@marketplace/core';
import type { ProductStatus } from './product.entity.js';

/**
 * What the catalog's GraphQL types read: plain rows. Entities satisfy these shapes, and the lean
 * read paths (catalog page, product detail, loaders) build them straight from SQL without entity
 * hydration or an identity map — nothing read here is ever written back.
 */
export interface MerchantRow {
  id: number;
  handle: string;
  nameEn: string;
  nameZh: string;
  descriptionEn: string;
  descriptionZh: string;
  status: MerchantStatus;
  createdAt: Date;
}

export interface CategoryRow {
  id: number;
  handle: string;
  nameEn: string;
  nameZh: string;
  position: number;
}

export interface ProductRow {
  id: number;
  merchant: { id: number };
  category: { id: number } | null;
  handle: string;
  kind: ProductKind;
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  status: ProductStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface VariantRow {
  id: number;
  product: { id: number };
  sku: string;
  titleEn: string;
  titleZh: string;
  priceMinor: number;
  currency: string;
  stock: number | null;
  position: number;
}

export interface ImageRow {
  id: number;
  product: { id: number };
  path: string;
  width: number;
  height: number;
  altEn: string;
  altZh: string;
  position: number;
}

export interface ActivityRow {
  id: number;
  merchant: { id: number };
  nameEn: string;
  nameZh: string;
  kind: ActivityDiscountKind;
  value: number;
  currency: string;
  startsAt: Date;
  endsAt: Date;
  status: ActivityStatus;
  allProducts: boolean;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A product with everything a product card or page shows, read in one statement. */
export interface ProductView {
  product: ProductRow;
  merchant: MerchantRow;
  category: CategoryRow | null;
  variants: VariantRow[];
  images: ImageRow[];
  /** Activities of the store running at the request's instant that cover this product. */
  activities: ActivityRow[];
}

// ---- SQL (snake_case columns, JSON built by PostgreSQL) → rows ----

type Json = Record<string, unknown>;

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

export function merchantRowOf(j: Json): MerchantRow {
  return {
    id: Number(j.id),
    handle: String(j.handle),
    nameEn: String(j.name_en),
    nameZh: String(j.name_zh),
    descriptionEn: String(j.description_en ?? ''),
    descriptionZh: String(j.description_zh ?? ''),
    status: j.status as MerchantStatus,
    createdAt: date(j.created_at),
  };
}

export function categoryRowOf(j: Json): CategoryRow {
  return {
    id: Number(j.id),
    handle: String(j.handle),
    nameEn: String(j.name_en),
    nameZh: String(j.name_zh),
    position: Number(j.position),
  };
}

export function productRowOf(j: Json): ProductRow {
  return {
    id: Number(j.id),
    merchant: { id: Number(j.merchant_id) },
    category: j.category_id == null ? null : { id: Number(j.category_id) },
    handle: String(j.handle),
    kind: j.kind as ProductKind,
    titleEn: String(j.title_en),
    titleZh: String(j.title_zh),
    descriptionEn: String(j.description_en ?? ''),
    descriptionZh: String(j.description_zh ?? ''),
    status: j.status as ProductStatus,
    createdAt: date(j.created_at),
    updatedAt: date(j.updated_at),
  };
}

export function variantRowOf(j: Json): VariantRow {
  return {
    id: Number(j.id),
    product: { id: Number(j.product_id) },
    sku: String(j.sku),
    titleEn: String(j.title_en),
    titleZh: String(j.title_zh),
    priceMinor: Number(j.price_minor),
    currency: String(j.currency),
    stock: j.stock == null ? null : Number(j.stock),
    position: Number(j.position),
  };
}

export function imageRowOf(j: Json): ImageRow {
  return {
    id: Number(j.id),
    product: { id: Number(j.product_id) },
    path: String(j.path),
    width: Number(j.width),
    height: Number(j.height),
    altEn: String(j.alt_en ?? ''),
    altZh: String(j.alt_zh ?? ''),
    position: Number(j.position),
  };
}

export function activityRowOf(j: Json): ActivityRow {
  return {
    id: Number(j.id),
    merchant: { id: Number(j.merchant_id) },
    nameEn: String(j.name_en),
    nameZh: String(j.name_zh),
    kind: j.kind as ActivityDiscountKind,
    value: Number(j.value),
    currency: String(j.currency),
    startsAt: date(j.starts_at),
    endsAt: date(j.ends_at),
    status: j.status as ActivityStatus,
    allProducts: Boolean(j.all_products),
    cancelledAt: j.cancelled_at == null ? null : date(j.cancelled_at),
    createdAt: date(j.created_at),
    updatedAt: date(j.updated_at),
  };
}

/** One row of the product-view statement (catalog-page.sql.ts) → the view. */
export function productViewOf(r: Json): ProductView {
  return {
    product: productRowOf(r),
    merchant: merchantRowOf(r.merchant as Json),
    category: r.category == null ? null : categoryRowOf(r.category as Json),
    variants: (r.variants as Json[]).map(variantRowOf),
    images: (r.images as Json[]).map(imageRowOf),
    activities: (r.activities as Json[]).map(activityRowOf),
  };
}
