import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { UserRole } from '@marketplace/core';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { hashPassword } from '../accounts/password.js';
import { UserEntity } from '../accounts/user.entity.js';
import { CategoryEntity } from '../catalog/category.entity.js';
import { MerchantEntity } from '../catalog/merchant.entity.js';
import { ProductImageEntity } from '../catalog/product-image.entity.js';
import { ProductVariantEntity } from '../catalog/product-variant.entity.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { CouponEntity } from '../coupons/coupon.entity.js';
import { HelpArticleEntity } from '../help/help-article.entity.js';
import { HELP_ARTICLES } from '../help/help-articles.content.js';
import { DEMO_CATEGORIES, DEMO_MERCHANTS, DEMO_PRODUCTS } from './demo-data.js';
import { PRODUCT_IMAGE_SIZE, renderProductSvg } from './product-image.js';

/** Every demo account signs in with this password (documented in the README). */
export const DEMO_PASSWORD = 'demo-pass-2026';

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: UserRole; merchant?: string }[] = [
  { email: 'shopper@example.com', displayName: 'Demo Shopper', role: 'SHOPPER' },
  { email: 'shopper2@example.com', displayName: '陳小明', role: 'SHOPPER' },
  { email: 'support@example.com', displayName: 'Customer Service', role: 'CUSTOMER_SERVICE' },
  { email: 'admin@example.com', displayName: 'Platform Admin', role: 'ADMIN' },
  ...DEMO_MERCHANTS.map((m) => ({
    email: `staff@${m.handle}.example.com`,
    displayName: `${m.nameEn} staff`,
    role: 'MERCHANT_STAFF' as const,
    merchant: m.handle,
  })),
];

const imagePath = (handle: string) => `products/${handle}.svg`;

/** Writes the generated demo product images that are not in the media directory yet. */
async function writeDemoImages(mediaDir: string): Promise<void> {
  await mkdir(path.join(mediaDir, 'products'), { recursive: true });
  const hueOf = new Map(DEMO_MERCHANTS.map((m) => [m.handle, m.hue]));
  await Promise.all(
    DEMO_PRODUCTS.map(async (p) => {
      const file = path.join(mediaDir, imagePath(p.handle));
      if (existsSync(file)) return;
      const svg = renderProductSvg({
        title: p.titleEn,
        subtitle: p.titleZh,
        hue: hueOf.get(p.merchant) ?? 200,
        motif: p.motif,
        seed: p.handle,
      });
      await writeFile(file, svg, 'utf8');
    }),
  );
}

/**
 * Loads the help center's articles when there are none yet, so a database seeded before the help
 * center existed gets them too; articles staff have edited or removed are never touched. Two
 * instances starting together cannot load them twice (slugs are unique; conflicts are skipped).
 */
export async function seedHelpArticles(em: EntityManager, logger?: Logger): Promise<number> {
  if ((await em.count(HelpArticleEntity)) > 0) return 0;
  const rows = HELP_ARTICLES.map((article, position) => ({ ...article, position }));
  await em.createQueryBuilder(HelpArticleEntity).insert(rows).onConflict('slug').ignore().execute();
  logger?.info({ articles: rows.length }, 'help articles loaded');
  return rows.length;
}

/** Loads the demo marketplace into an empty database; a database that has merchants is left alone. */
export async function seedDemoData(em: EntityManager, config: Config, logger?: Logger): Promise<boolean> {
  await writeDemoImages(config.mediaDir);
  await seedHelpArticles(em, logger);
  if ((await em.count(MerchantEntity)) > 0) return false;
  const currency = config.currency;

  await em.transactional(async (tx) => {
    const categories = new Map(
      DEMO_CATEGORIES.map((c, position) => [c.handle, tx.create(CategoryEntity, { ...c, position })]),
    );
    const merchants = new Map(
      DEMO_MERCHANTS.map((m) => [
        m.handle,
        tx.create(MerchantEntity, {
          handle: m.handle,
          nameEn: m.nameEn,
          nameZh: m.nameZh,
          descriptionEn: m.descriptionEn,
          descriptionZh: m.descriptionZh,
        }),
      ]),
    );
    // Older products first, so "newest first" lists show the end of the list at the top.
    DEMO_PRODUCTS.forEach((p, index) => {
      const product = tx.create(ProductEntity, {
        handle: p.handle,
        merchant: merchants.get(p.merchant)!,
        category: categories.get(p.category) ?? null,
        kind: p.kind,
        titleEn: p.titleEn,
        titleZh: p.titleZh,
        descriptionEn: p.descriptionEn,
        descriptionZh: p.descriptionZh,
        status: 'PUBLISHED',
        createdAt: new Date(Date.UTC(2026, 0, 1) + index * 3_600_000),
      });
      p.variants.forEach((v, position) => {
        tx.create(ProductVariantEntity, { ...v, product, currency, position });
      });
      tx.create(ProductImageEntity, {
        product,
        path: imagePath(p.handle),
        ...PRODUCT_IMAGE_SIZE,
        altEn: p.titleEn,
        altZh: p.titleZh,
      });
    });

    for (const account of DEMO_ACCOUNTS) {
      tx.create(UserEntity, {
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        merchant: account.merchant ? merchants.get(account.merchant)! : null,
        // Each demo store's one staff account is its owner (manages the team).
        merchantRole: account.merchant ? 'OWNER' : null,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        emailVerifiedAt: new Date(),
        locale: account.email === 'shopper2@example.com' ? 'zh-TW' : 'en',
      });
    }

    const firstMerchant = merchants.get(DEMO_MERCHANTS[0]!.handle)!;
    const year = new Date().getUTCFullYear();
    const coupons: Partial<CouponEntity>[] = [
      {
        code: 'WELCOME10',
        kind: 'PERCENTAGE',
        value: 1000,
        minSpendMinor: 2000,
        perShopperLimit: 1,
        descriptionEn: '10% off your first order over 20.00',
        descriptionZh: '首次訂單滿 20.00 享九折',
      },
      {
        code: 'SAVE5',
        kind: 'FIXED_AMOUNT',
        value: 500,
        minSpendMinor: 3000,
        usageLimit: 1000,
        descriptionEn: '5.00 off orders over 30.00',
        descriptionZh: '訂單滿 30.00 折 5.00',
      },
      {
        code: `${firstMerchant.handle.split('-')[0]!.toUpperCase()}15`,
        merchant: firstMerchant,
        kind: 'PERCENTAGE',
        value: 1500,
        minSpendMinor: 5000,
        descriptionEn: `15% off ${firstMerchant.nameEn} over 50.00`,
        descriptionZh: `${firstMerchant.nameZh}滿 50.00 享 85 折`,
      },
      {
        code: 'EXPIRED2025',
        kind: 'FIXED_AMOUNT',
        value: 1000,
        startsAt: new Date(Date.UTC(2025, 0, 1)),
        endsAt: new Date(Date.UTC(2025, 11, 31)),
        descriptionEn: 'An expired coupon',
        descriptionZh: '已過期的優惠券',
      },
      {
        code: 'ONEUSE',
        kind: 'FIXED_AMOUNT',
        value: 300,
        usageLimit: 1,
        endsAt: new Date(Date.UTC(year + 5, 0, 1)),
        descriptionEn: '3.00 off, one use in total',
        descriptionZh: '折抵 3.00,限用一次',
      },
    ];
    for (const c of coupons) tx.create(CouponEntity, { currency, ...c } as CouponEntity);
  });
  logger?.info(
    { merchants: DEMO_MERCHANTS.length, products: DEMO_PRODUCTS.length, accounts: DEMO_ACCOUNTS.length },
    'demo data loaded',
  );
  return true;
}
