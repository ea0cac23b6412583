import pg from 'pg';
import { hashPassword } from '../accounts/password.js';
import { PRODUCT_IMAGE_SIZE } from './product-image.js';

/**
 * A large generated marketplace for benchmarks (`pnpm bench`) and query-plan tests: merchants with
 * an owner each, products in both languages (1–3 variants, 1–2 images, some running activities),
 * shoppers, and orders in every status with lines, checkouts, payments, refunds, history and the
 * ledger entries the funds rules imply (PLATFORM_COMMISSION_BPS = 0, the default: net = total).
 *
 * Runs on an already migrated database (with or without the demo data) with bulk SQL in one
 * transaction, and ends with VACUUM ANALYZE. Call it once per database: its handles and e-mails are fixed.
 */
export interface LargeDatasetOptions {
  merchants: number;
  products: number;
  orders: number;
  shoppers: number;
  /** Makes the data reproducible (PostgreSQL's setseed). Default 1. */
  seed?: number;
  /** Currency of prices and orders (the API's CURRENCY). Default USD. */
  currency?: string;
  /** Called after each SQL statement with its beginning and duration (the CLI prints them). */
  onStatement?: (sql: string, ms: number) => void;
}

export interface LargeDatasetSummary {
  merchants: number;
  products: number;
  variants: number;
  orders: number;
  shoppers: number;
  /** Ids of the generated merchants, in creation order. */
  merchantIds: number[];
  /** Handles of generated published products, spread over the catalog (up to 100). */
  productHandles: string[];
  /** Variants of published goods with plenty of stock (up to 100), for checkout load. */
  stockedVariantIds: number[];
  /** `bench-shopper-<n>@example.com`, n = 1…shoppers. */
  shopperEmails: string[];
  /** `bench-owner-<n>@example.com`, the owner of the n-th generated merchant. */
  ownerEmails: string[];
  /** Every generated account signs in with this password. */
  password: string;
  /** Words that occur in generated titles, for search load. */
  searchTerms: { en: string[]; zh: string[] };
  /** Orders per status. */
  ordersByStatus: Record<string, number>;
  durationMs: number;
}

export const LARGE_DATASET_PASSWORD = 'bench-pass-2026';

export const benchShopperEmail = (n: number) => `bench-shopper-${n}@example.com`;
export const benchOwnerEmail = (n: number) => `bench-owner-${n}@example.com`;

const ADJECTIVES: [string, string][] = [
  ['Handmade', '手工'],
  ['Classic', '經典'],
  ['Organic', '有機'],
  ['Vintage', '復古'],
  ['Minimal', '簡約'],
  ['Deluxe', '豪華'],
  ['Everyday', '日常'],
  ['Compact', '輕巧'],
  ['Rustic', '質樸'],
  ['Modern', '現代'],
  ['Artisan', '職人'],
  ['Travel', '旅行'],
  ['Premium', '精選'],
  ['Cozy', '溫暖'],
  ['Natural', '天然'],
];
const MATERIALS: [string, string][] = [
  ['Ceramic', '陶瓷'],
  ['Bamboo', '竹製'],
  ['Linen', '亞麻'],
  ['Leather', '皮革'],
  ['Oak', '橡木'],
  ['Cotton', '棉質'],
  ['Glass', '玻璃'],
  ['Wool', '羊毛'],
  ['Copper', '銅製'],
  ['Stoneware', '石器'],
];
const GOODS: [string, string][] = [
  ['Teapot', '茶壺'],
  ['Mug', '馬克杯'],
  ['Tote Bag', '托特包'],
  ['Notebook', '筆記本'],
  ['Lamp', '檯燈'],
  ['Scarf', '圍巾'],
  ['Cutting Board', '砧板'],
  ['Candle', '蠟燭'],
  ['Wallet', '錢包'],
  ['Vase', '花瓶'],
  ['Bowl', '碗'],
  ['Blanket', '毯子'],
  ['Planter', '花盆'],
  ['Tray', '托盤'],
  ['Backpack', '背包'],
  ['Coaster Set', '杯墊組'],
  ['Tea Set', '茶具組'],
  ['Pillow', '抱枕'],
  ['Clock', '時鐘'],
  ['Jar', '收納罐'],
];
const SERVICES: [string, string][] = [
  ['Tea Tasting Session', '品茶體驗'],
  ['Pottery Workshop', '陶藝工作坊'],
  ['Interior Consultation', '居家設計諮詢'],
  ['Calligraphy Lesson', '書法課程'],
];
const VARIANTS: [string, string][] = [
  ['Standard', '標準'],
  ['Large', '大款'],
  ['Gift Box', '禮盒'],
];

/** Search words that match many generated titles (for the search scenario). */
export const LARGE_DATASET_SEARCH_TERMS = {
  en: ['ceramic teapot', 'linen scarf', 'oak tray', 'handmade mug', 'pottery workshop', 'copper lamp'],
  zh: ['陶瓷茶壺', '亞麻圍巾', '手工', '橡木托盤', '品茶'],
};

const sqlArray = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/** Generates the dataset; see the interface docs above. */
export async function generateLargeDataset(
  databaseUrl: string,
  opts: LargeDatasetOptions,
): Promise<LargeDatasetSummary> {
  const started = Date.now();
  const { merchants, products, orders, shoppers } = opts;
  if (merchants < 1 || products < 1 || shoppers < 1 || orders < 0) {
    throw new RangeError('generateLargeDataset needs at least one merchant, product and shopper');
  }
  const seed = opts.seed ?? 1;
  const currency = opts.currency ?? 'USD';
  const passwordHash = await hashPassword(LARGE_DATASET_PASSWORD);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { onStatement } = opts;
  if (onStatement) {
    const query = client.query.bind(client) as (text: string, values?: unknown[]) => Promise<unknown>;
    // biome-ignore lint/suspicious/noExplicitAny: timing wrapper around pg's overloaded query
    (client as any).query = async (text: string, values?: unknown[]) => {
      const t0 = performance.now();
      const out = await query(text, values);
      onStatement(text.replace(/\s+/g, ' ').trim().slice(0, 80), performance.now() - t0);
      return out;
    };
  }
  try {
    await client.query('begin');
    await client.query(`set local synchronous_commit = off`);
    // setseed takes [-1, 1]; the same seed gives the same data (statements run in this order, serially).
    await client.query('set local max_parallel_workers_per_gather = 0');
    await client.query('select setseed($1)', [((seed % 1000) + 0.5) / 1000]);

    // Merchants and their owners.
    const merchantRows = await client.query<{ id: number }>(
      `insert into merchant (handle, name_en, name_zh, description_en, description_zh, status, created_at)
       select 'bench-store-' || g, 'Bench Store ' || g, '測試商店 ' || g,
              'A generated store for benchmarks.', '為效能測試產生的商店。', 'ACTIVE',
              now() - interval '400 days' + g * interval '1 minute'
       from generate_series(1, $1::int) g
       returning id`,
      [merchants],
    );
    const merchantIds = merchantRows.rows.map((r) => r.id).sort((a, b) => a - b);
    await client.query(
      `insert into user_account (email, password_hash, display_name, role, merchant_id, merchant_role, locale, status, email_verified_at)
       select 'bench-owner-' || g || '@example.com', $2, 'Bench Owner ' || g, 'MERCHANT_STAFF', m.id, 'OWNER',
              'en', 'ACTIVE', now()
       from unnest($1::int[]) with ordinality as m(id, g)`,
      [merchantIds, passwordHash],
    );
    const shopperRows = await client.query<{ id: number }>(
      `insert into user_account (email, password_hash, display_name, role, locale, status, email_verified_at)
       select 'bench-shopper-' || g || '@example.com', $2, 'Bench Shopper ' || g, 'SHOPPER',
              case when g % 3 = 0 then 'zh-TW' else 'en' end, 'ACTIVE', now()
       from generate_series(1, $1::int) g
       returning id`,
      [shoppers, passwordHash],
    );
    const shopperIds = shopperRows.rows.map((r) => r.id).sort((a, b) => a - b);

    // Products: titles from word lists in both languages; ~8 % services, ~3 % drafts.
    await client.query(`
      create temp table g_words on commit drop as select
        ${sqlArray(ADJECTIVES.map((w) => w[0]))} as adj_en, ${sqlArray(ADJECTIVES.map((w) => w[1]))} as adj_zh,
        ${sqlArray(MATERIALS.map((w) => w[0]))} as mat_en, ${sqlArray(MATERIALS.map((w) => w[1]))} as mat_zh,
        ${sqlArray(GOODS.map((w) => w[0]))} as goods_en, ${sqlArray(GOODS.map((w) => w[1]))} as goods_zh,
        ${sqlArray(SERVICES.map((w) => w[0]))} as svc_en, ${sqlArray(SERVICES.map((w) => w[1]))} as svc_zh,
        ${sqlArray(VARIANTS.map((w) => w[0]))} as var_en, ${sqlArray(VARIANTS.map((w) => w[1]))} as var_zh`);
    await client.query(
      `create temp table g_product on commit drop as
       select g as n, $1::int[] as merchants,
              1 + floor(random() * $2)::int as m_idx,
              random() < 0.08 as service,
              random() < 0.03 as draft,
              1 + floor(random() * 15)::int as a, 1 + floor(random() * 10)::int as mt,
              1 + floor(random() * 20)::int as gn, 1 + floor(random() * 4)::int as sn,
              1 + floor(random() * 3)::int as nvariants, 1 + floor(random() * 2)::int as nimages,
              now() - interval '365 days' * random() as created_at,
              (select id from category order by random() limit 1) as category_id
       from generate_series(1, $3::int) g`,
      [merchantIds, merchants, products],
    );
    // The category subquery above is evaluated once; give products a spread of categories instead.
    await client.query(
      `update g_product set category_id = c.id
       from (select id, row_number() over (order by id) - 1 as i, count(*) over () as n from category) c
       where c.i = g_product.n % c.n`,
    );
    await client.query(
      `insert into product (merchant_id, category_id, handle, kind, title_en, title_zh, description_en, description_zh, status, created_at, updated_at)
       select p.merchants[p.m_idx], p.category_id, 'bench-p' || p.n,
              case when p.service then 'SERVICE' else 'GOODS' end,
              case when p.service then w.adj_en[p.a] || ' ' || w.svc_en[p.sn]
                   else w.adj_en[p.a] || ' ' || w.mat_en[p.mt] || ' ' || w.goods_en[p.gn] end,
              case when p.service then w.adj_zh[p.a] || w.svc_zh[p.sn]
                   else w.adj_zh[p.a] || w.mat_zh[p.mt] || w.goods_zh[p.gn] end,
              case when p.service then 'A ' || lower(w.svc_en[p.sn]) || ' booked online; the store contacts you to arrange it.'
                   else 'A ' || lower(w.adj_en[p.a] || ' ' || w.mat_en[p.mt] || ' ' || w.goods_en[p.gn]) || ', made in small batches and packed by hand.' end,
              case when p.service then '線上預約的' || w.svc_zh[p.sn] || ',店家將與您聯絡安排時間。'
                   else '小批量製作、手工包裝的' || w.adj_zh[p.a] || w.mat_zh[p.mt] || w.goods_zh[p.gn] || '。' end,
              case when p.draft then 'DRAFT' else 'PUBLISHED' end, p.created_at, p.created_at
       from g_product p cross join g_words w
       order by p.created_at`,
    );
    await client.query(
      `insert into product_variant (product_id, sku, title_en, title_zh, price_minor, currency, stock, position)
       select p.id, 'BENCH-' || p.id || '-' || v, w.var_en[v], w.var_zh[v],
              (500 + floor(random() * 190) * 100 + (v - 1) * 1500)::int, $1,
              case when p.kind = 'SERVICE' then null else 1000 + floor(random() * 4000)::int end, v - 1
       from product p join g_product g on p.handle = 'bench-p' || g.n
       cross join g_words w cross join lateral generate_series(1, g.nvariants) v`,
      [currency],
    );
    // Images: the demo's generated SVGs (any path works for the API; these exist in the media dir).
    await client.query(
      `insert into product_image (product_id, path, width, height, alt_en, alt_zh, position)
       select p.id, coalesce(
                (select d.path from product_image d join product dp on dp.id = d.product_id
                 where dp.handle not like 'bench-p%' order by d.id offset (p.id % greatest(1, (select count(*) from product_image)::int)) limit 1),
                'products/bench.svg'),
              $1, $2, p.title_en, p.title_zh, i - 1
       from product p join g_product g on p.handle = 'bench-p' || g.n
       cross join lateral generate_series(1, g.nimages) i`,
      [PRODUCT_IMAGE_SIZE.width, PRODUCT_IMAGE_SIZE.height],
    );

    // Running activities for every fifth merchant: store-wide for half, a product selection for the rest.
    await client.query(
      `insert into activity (merchant_id, name_en, name_zh, kind, value, currency, starts_at, ends_at, status, all_products)
       select m.id, 'Bench sale ' || m.g, '測試特賣 ' || m.g,
              case when m.g % 2 = 0 then 'PERCENTAGE' else 'FIXED_AMOUNT' end,
              case when m.g % 2 = 0 then 1000 else 200 end, $2,
              now() - interval '1 day', now() + interval '60 days', 'ACTIVE', m.g % 10 = 0
       from unnest($1::int[]) with ordinality as m(id, g)
       where m.g % 5 = 0`,
      [merchantIds, currency],
    );
    await client.query(
      `insert into activity_product (activity_id, product_id)
       select a.id, p.id from activity a join product p on p.merchant_id = a.merchant_id
       where not a.all_products and a.name_en like 'Bench sale %' and p.id % 2 = 0`,
    );

    // Orders: one checkout and one merchant per order, 1–3 lines of the same merchant and kind.
    await client.query(
      `create temp table g_variant on commit drop as
       select v.id as variant_id, v.price_minor, v.stock is not null as counted, v.sku, v.title_en as v_en, v.title_zh as v_zh,
              p.id as product_id, p.handle, p.kind, p.title_en, p.title_zh, p.merchant_id,
              row_number() over (partition by p.merchant_id, p.kind order by v.id) as i,
              count(*) over (partition by p.merchant_id, p.kind) as bucket_n,
              row_number() over (order by v.id) as gi
       from product_variant v join product p on p.id = v.product_id
       where p.handle like 'bench-p%' and p.status = 'PUBLISHED'`,
    );
    await client.query('create index on g_variant (merchant_id, kind, i)');
    await client.query('create index on g_variant (gi)');
    // Temp tables have no statistics until analysed: without them the joins below plan as nested loops.
    await client.query('analyze g_variant');
    const variantCount = Number((await client.query('select count(*) as n from g_variant')).rows[0].n);
    if (variantCount === 0 && orders > 0) throw new Error('no published products to order');
    await client.query(
      `create temp table g_order on commit drop as
       select o.n, o.user_id, v.merchant_id, v.kind, v.bucket_n as bn, o.r, o.created_at, o.lines,
              case when v.kind = 'SERVICE' and o.status = 'SHIPPED' then 'COMPLETED' else o.status end as status,
              case when random() < 0.8 then 'UNIONPAY_CARD' else 'PAYPAL' end as payment_method
       from (
         select g as n, ($1::int[])[1 + floor(random() * $2)::int] as user_id,
                1 + floor(random() * $3)::int as pick, random() as r,
                1 + floor(random() * 3)::int as lines,
                now() - interval '365 days' * power(random(), 2) - interval '1 hour' as created_at,
                case when r2 < 0.04 then 'AWAITING_PAYMENT' when r2 < 0.16 then 'AWAITING_SHIPMENT'
                     when r2 < 0.28 then 'SHIPPED' when r2 < 0.80 then 'COMPLETED'
                     when r2 < 0.94 then 'CLOSED' else 'FAILED' end as status
         from (select g, random() as r2 from generate_series(1, $4::int) g) s
       ) o join g_variant v on v.gi = o.pick`,
      [shopperIds, shopperIds.length, variantCount, orders],
    );
    await client.query('analyze g_order');
    await client.query(
      `create temp table g_line on commit drop as
       select o.n, l, v.*, 1 + floor(random() * 3)::int as quantity
       from g_order o
       cross join lateral generate_series(1, o.lines) l
       join g_variant v on v.merchant_id = o.merchant_id and v.kind = o.kind and v.i = 1 + ((o.n * 7 + l * 13) % o.bn)`,
    );
    // Two lines may have picked the same variant: merge them (one line per variant, as checkout does).
    await client.query(
      `create temp table g_line2 on commit drop as
       select n, min(l) as l, variant_id, min(price_minor) as price_minor, bool_or(counted) as counted, min(sku) as sku,
              min(v_en) as v_en, min(v_zh) as v_zh, min(handle) as handle, min(kind) as kind,
              min(title_en) as title_en, min(title_zh) as title_zh, sum(quantity)::int as quantity
       from g_line group by n, variant_id`,
    );
    await client.query('create index on g_line2 (n)');
    await client.query('analyze g_line2');
    await client.query(
      `create temp table g_total on commit drop as
       select o.*, s.subtotal,
              case when o.kind = 'GOODS' and s.subtotal < 5000 then 500 else 0 end as shipping,
              s.subtotal + case when o.kind = 'GOODS' and s.subtotal < 5000 then 500 else 0 end as total,
              o.status in ('AWAITING_SHIPMENT', 'SHIPPED', 'COMPLETED', 'FAILED') as paid,
              nextval('order_number_seq') as seq
       from g_order o join (select n, sum(price_minor * quantity)::int as subtotal from g_line2 group by n) s using (n)
       order by o.created_at`,
    );
    await client.query('create index on g_total (n)');
    await client.query('analyze g_total');
    await client.query(
      `create temp table g_checkout on commit drop as
       with ins as (
         insert into checkout (user_id, idempotency_key, payment_method, currency, subtotal_minor, discount_minor, shipping_fee_minor, total_minor, created_at)
         select user_id, 'bench-gen-' || n, payment_method, $1, subtotal, 0, shipping, total, created_at from g_total
         returning id, user_id, idempotency_key
       ) select t.n, ins.id as checkout_id from ins join g_total t on ins.idempotency_key = 'bench-gen-' || t.n`,
      [currency],
    );
    await client.query('create index on g_checkout (checkout_id)');
    await client.query('create index on g_checkout (n)');
    await client.query('analyze g_checkout');
    await client.query(
      `create temp table g_ord on commit drop as
       with ins as (
         insert into customer_order (number, checkout_id, user_id, merchant_id, status, kind, payment_method, currency,
           subtotal_minor, discount_minor, shipping_fee_minor, total_minor,
           ship_recipient_name, ship_phone, ship_country, ship_region, ship_city, ship_postal_code, ship_line1,
           contact_name, contact_email, contact_phone,
           shipping_carrier, tracking_number,
           created_at, paid_at, shipped_at, completed_at, closed_at)
         select 'MP-' || to_char(t.created_at at time zone 'UTC', 'YYYYMMDD') || '-' || lpad(t.seq::text, 7, '0'),
                c.checkout_id, t.user_id, t.merchant_id, t.status, t.kind, t.payment_method, $1,
                t.subtotal, 0, t.shipping, t.total,
                case when t.kind = 'GOODS' then 'Bench Shopper' end, case when t.kind = 'GOODS' then '+886912345678' end,
                case when t.kind = 'GOODS' then 'TW' end, case when t.kind = 'GOODS' then 'Taipei City' end,
                case when t.kind = 'GOODS' then 'Taipei' end, case when t.kind = 'GOODS' then '100' end,
                case when t.kind = 'GOODS' then t.n || ' Bench Road' end,
                case when t.kind = 'SERVICE' then 'Bench Shopper' end,
                case when t.kind = 'SERVICE' then 'bench-shopper@example.com' end,
                case when t.kind = 'SERVICE' then '+886912345678' end,
                case when t.kind = 'GOODS' and t.status in ('SHIPPED', 'COMPLETED') then 'Chunghwa Post' end,
                case when t.kind = 'GOODS' and t.status in ('SHIPPED', 'COMPLETED') then 'BT' || lpad(t.n::text, 10, '0') end,
                t.created_at,
                case when t.paid then t.created_at + interval '5 minutes' end,
                case when t.kind = 'GOODS' and t.status in ('SHIPPED', 'COMPLETED') then t.created_at + interval '1 day' end,
                case when t.status = 'COMPLETED' then t.created_at + interval '5 days' end,
                case when t.status in ('CLOSED', 'FAILED') then t.created_at + interval '30 minutes' end
         from g_total t join g_checkout c using (n)
         returning id, checkout_id
       ) select c.n, ins.id as order_id from ins join g_checkout c using (checkout_id)`,
      [currency],
    );
    await client.query('create index on g_ord (n)');
    await client.query('analyze g_ord');
    await client.query(
      `insert into order_line (order_id, variant_id, kind, product_handle, product_title_en, product_title_zh,
         variant_title_en, variant_title_zh, sku, unit_price_minor, quantity, line_total_minor, reserved_quantity)
       select o.order_id, l.variant_id, l.kind, l.handle, l.title_en, l.title_zh, l.v_en, l.v_zh, l.sku,
              l.price_minor, l.quantity, l.price_minor * l.quantity, case when l.counted then l.quantity else 0 end
       from g_line2 l join g_ord o using (n) order by o.order_id, l.l`,
    );
    // Stock stays as generated: it is what is left after the units these orders hold were taken
    // (a small catalog with many orders would otherwise go below zero).
    // Payments: one captured payment per paid order (refunded in full for FAILED ones).
    await client.query(
      `insert into payment (reference, checkout_id, user_id, idempotency_key, method, status, currency, amount_minor,
         refunded_minor, gateway_payment_id, card_brand, card_last4, card_exp_month, card_exp_year, payer_email,
         created_at, updated_at, succeeded_at, ended_at)
       select 'PAY-B' || lpad(t.n::text, 9, '0'), c.checkout_id, t.user_id, 'bench-gen-' || t.n, t.payment_method,
              case when t.status = 'FAILED' then 'REFUNDED' else 'SUCCEEDED' end, $1, t.total,
              case when t.status = 'FAILED' then t.total else 0 end,
              'bench-gen-' || t.n,
              case when t.payment_method = 'UNIONPAY_CARD' then 'UNIONPAY' end,
              case when t.payment_method = 'UNIONPAY_CARD' then '0000' end,
              case when t.payment_method = 'UNIONPAY_CARD' then 12 end,
              case when t.payment_method = 'UNIONPAY_CARD' then 2030 end,
              case when t.payment_method = 'PAYPAL' then 'bench-payer@example.com' end,
              t.created_at + interval '4 minutes', t.created_at + interval '5 minutes',
              t.created_at + interval '5 minutes', t.created_at + interval '5 minutes'
       from g_total t join g_checkout c using (n) where t.paid`,
      [currency],
    );
    await client.query(
      `insert into payment_refund (reference, payment_id, order_id, amount_minor, currency, status, gateway_refund_id, reason, created_at, completed_at)
       select 'RF-B' || lpad(t.n::text, 9, '0'), p.id, o.order_id, t.total, $1, 'SUCCEEDED', 'bench-gen-rf-' || t.n,
              'Cancelled before shipment', t.created_at + interval '30 minutes', t.created_at + interval '30 minutes'
       from g_total t join g_ord o using (n) join g_checkout c using (n)
       join payment p on p.checkout_id = c.checkout_id
       where t.status = 'FAILED'`,
      [currency],
    );
    // Ledger (core orderFundsMovements with 0 % commission): paid → +PENDING; FAILED → −PENDING;
    // COMPLETED → −PENDING +AVAILABLE.
    await client.query(
      `insert into ledger_entry (merchant_id, order_id, kind, bucket, amount_minor, currency, memo, created_at)
       select t.merchant_id, o.order_id, e.kind, e.bucket, e.sign * t.total, $1,
              'Order ' || 'MP-' || to_char(t.created_at at time zone 'UTC', 'YYYYMMDD') || '-' || lpad(t.seq::text, 7, '0') || e.memo,
              t.created_at + e.after
       from g_total t join g_ord o using (n)
       cross join lateral (values
         ('ORDER_PAID', 'PENDING', 1, ' paid', interval '5 minutes', t.paid),
         ('ORDER_REFUNDED', 'PENDING', -1, ' failed and was refunded', interval '30 minutes', t.status = 'FAILED'),
         ('ORDER_COMPLETED', 'PENDING', -1, ' completed', interval '5 days', t.status = 'COMPLETED'),
         ('ORDER_COMPLETED', 'AVAILABLE', 1, ' completed', interval '5 days', t.status = 'COMPLETED')
       ) as e(kind, bucket, sign, memo, after, applies)
       where e.applies
       order by t.created_at, e.after`,
      [currency],
    );
    // History: creation, then the transitions that led to the status.
    await client.query(
      `insert into order_history (order_id, from_status, to_status, event, actor_kind, actor_user_id, reason, created_at)
       select o.order_id, h.from_status, h.to_status, h.event, h.actor_kind,
              case when h.actor_kind = 'SHOPPER' then t.user_id end, h.reason, t.created_at + h.after
       from g_total t join g_ord o using (n)
       cross join lateral (values
         (null, 'AWAITING_PAYMENT', null, 'SHOPPER', null, interval '0', true),
         ('AWAITING_PAYMENT', 'AWAITING_SHIPMENT', 'PAY', 'SYSTEM', null, interval '5 minutes', t.paid),
         ('AWAITING_PAYMENT', 'CLOSED', 'CANCEL', 'SHOPPER', null, interval '30 minutes', t.status = 'CLOSED'),
         ('AWAITING_SHIPMENT', 'FAILED', 'FAIL_WITH_REFUND', 'STAFF', 'Cancelled before shipment', interval '30 minutes', t.status = 'FAILED'),
         ('AWAITING_SHIPMENT', 'SHIPPED', 'SHIP', 'MERCHANT', null, interval '1 day', t.kind = 'GOODS' and t.status in ('SHIPPED', 'COMPLETED')),
         ('SHIPPED', 'COMPLETED', 'CONFIRM_RECEIPT', 'SHOPPER', null, interval '5 days', t.kind = 'GOODS' and t.status = 'COMPLETED'),
         ('AWAITING_SHIPMENT', 'COMPLETED', 'DELIVER_REPORT', 'MERCHANT', null, interval '5 days', t.kind = 'SERVICE' and t.status = 'COMPLETED')
       ) as h(from_status, to_status, event, actor_kind, reason, after, applies)
       where h.applies
       order by t.created_at, h.after`,
    );

    const summary = await client.query<{
      products: string;
      variants: string;
      handles: string[];
      stocked: number[];
      by_status: Record<string, number> | null;
    }>(
      `select
         (select count(*) from product where handle like 'bench-p%') as products,
         (select count(*) from product_variant v join product p on p.id = v.product_id where p.handle like 'bench-p%') as variants,
         (select array_agg(handle order by id) from (
            select p.handle, p.id, row_number() over (order by p.id) as i, count(*) over () as n from product p
            where p.handle like 'bench-p%' and p.status = 'PUBLISHED') s
          where s.i % greatest(1, s.n / 100) = 0) as handles,
         (select array_agg(id order by id) from (
            select v.id from product_variant v join product p on p.id = v.product_id
            where p.handle like 'bench-p%' and p.status = 'PUBLISHED' and p.kind = 'GOODS' and v.stock >= 500
            order by v.id limit 100) s) as stocked,
         (select jsonb_object_agg(status, n) from (select status, count(*)::int as n from g_total group by status) s) as by_status`,
    );
    await client.query('commit');
    // VACUUM too: rows inserted after the trigram (GIN) indexes wait in their pending lists, and the
    // visibility map lets counts run as index-only scans.
    await client.query('vacuum analyze');
    const row = summary.rows[0]!;
    return {
      merchants,
      products: Number(row.products),
      variants: Number(row.variants),
      orders,
      shoppers,
      merchantIds,
      productHandles: (row.handles ?? []).slice(0, 100),
      stockedVariantIds: row.stocked ?? [],
      shopperEmails: shopperIds.map((_, i) => benchShopperEmail(i + 1)),
      ownerEmails: merchantIds.map((_, i) => benchOwnerEmail(i + 1)),
      password: LARGE_DATASET_PASSWORD,
      searchTerms: LARGE_DATASET_SEARCH_TERMS,
      ordersByStatus: row.by_status ?? {},
      durationMs: Date.now() - started,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
