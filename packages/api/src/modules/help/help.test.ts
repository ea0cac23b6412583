import { ORDER_STATUS_LABELS, ORDER_STATUSES } from '@marketplace/core';
import { describe, expect, test } from '../../../test/fixtures.js';
import { seedHelpArticles } from '../seed/seeder.js';

const LIST = `query ($locale: Locale) {
  helpArticles(locale: $locale) { id slug topic title summary body updatedAt
    zh: title(locale: ZH_TW) en: title(locale: EN) } }`;
const ONE = `query ($slug: String!) { helpArticle(slug: $slug) {
  slug topic en: body(locale: EN) zh: body(locale: ZH_TW) titleEn: title(locale: EN) titleZh: title(locale: ZH_TW) } }`;

describe('help center articles', () => {
  test('lists the published articles in both languages, in help-center order', async ({ api }) => {
    const en = await api.gql(LIST, { locale: 'EN' });
    expect(en.errors).toBeUndefined();
    const articles = en.data.helpArticles as {
      [K in 'slug' | 'topic' | 'title' | 'summary' | 'body' | 'en' | 'zh']: string;
    }[];
    expect(articles.map((a) => [a.slug, a.topic])).toEqual([
      ['shopping-process', 'SHOPPING'],
      ['checkout-and-payment', 'SHOPPING'],
      ['order-statuses', 'ORDERS'],
      ['payment-methods-and-safety', 'PAYMENT'],
      ['penalty-rules', 'RULES'],
      ['account-restrictions', 'RULES'],
    ]);
    for (const a of articles) {
      expect(a.title).toBe(a.en);
      expect(a.summary.length).toBeGreaterThan(20);
      expect(a.body.length).toBeGreaterThan(500);
      // Plain text, never markup: the storefront renders it as text.
      expect(a.body).not.toMatch(/<[a-z/]/i);
      // List items are written "- item" / "1. item", as the storefront reads them.
      expect(a.body).not.toMatch(/^-(?! )/m);
      expect(a.zh).toMatch(/\p{Script=Han}/u);
    }
    const zh = await api.gql(LIST, { locale: 'ZH_TW' });
    expect(zh.data.helpArticles.map((a: { title: string }) => a.title)).toEqual(articles.map((a) => a.zh));
    expect(zh.data.helpArticles[0].body).toContain('購物車');
    for (const a of zh.data.helpArticles as { body: string }[]) expect(a.body).not.toMatch(/^-(?! )/m);
    // Without a locale, the request's language decides.
    const byHeader = await api.gql(LIST, {}, { headers: { 'accept-language': 'zh-TW,zh;q=0.9' } });
    expect(byHeader.data.helpArticles[2].title).toBe('訂單狀態說明');
  });

  test('the order-status article names all six statuses exactly as the app shows them', async ({ api }) => {
    const res = await api.gql(ONE, { slug: 'order-statuses' });
    const article = res.data.helpArticle;
    for (const status of ORDER_STATUSES) {
      expect(article.en).toContain(`## ${ORDER_STATUS_LABELS[status].en}\n`);
      expect(article.zh).toContain(`## ${ORDER_STATUS_LABELS[status].zhTW}\n`);
    }
  });

  test('the articles cover the topics of the platform’s documents', async ({ api }) => {
    const body = async (slug: string) => (await api.gql(ONE, { slug })).data.helpArticle;
    const payment = await body('payment-methods-and-safety');
    for (const words of ['PayPal', 'UnionPay', 'https://', 'voucher', 'refund'])
      expect(payment.en).toContain(words);
    for (const words of ['PayPal', '銀聯', '付款憑證', '退款']) expect(payment.zh).toContain(words);
    const checkout = await body('checkout-and-payment');
    for (const words of ['CVC', 'order key', 'tracking number', 'contact details'])
      expect(checkout.en).toContain(words);
    const shopping = await body('shopping-process');
    for (const words of ['Buy now', 'Delete selected', 'My Orders', 'Register'])
      expect(shopping.en).toContain(words);
    const rules = await body('penalty-rules');
    for (const words of [
      '3 days',
      'more than three violations within 30 days',
      'Safe freeze',
      'Account deletion',
      'Claims',
    ])
      expect(rules.en).toContain(words);
    for (const words of ['3 天', '30 天內違規超過三次', '安全凍結', '刪除帳號', '求償'])
      expect(rules.zh).toContain(words);
  });

  test('one article by slug; unknown, malformed and unpublished slugs find nothing', async ({ api }) => {
    const found = await api.gql(ONE, { slug: 'penalty-rules' });
    expect(found.data.helpArticle).toMatchObject({
      slug: 'penalty-rules',
      titleEn: 'Penalty rules',
      titleZh: '違規處罰規則',
    });
    for (const slug of ['no-such-article', '', '../etc/passwd', 'x'.repeat(500), 'contact']) {
      const res = await api.gql(ONE, { slug });
      expect(res.errors, slug).toBeUndefined();
      expect(res.data.helpArticle, slug).toBeNull();
    }
    const [{ id }] = await api.sql(`select id from help_article where slug = 'penalty-rules'`);
    const nodeId = Buffer.from(`HelpArticle:${id}`).toString('base64url');
    const node = await api.gql('query ($id: ID!) { node(id: $id) { ... on HelpArticle { slug } } }', {
      id: nodeId,
    });
    expect(node.data.node).toEqual({ slug: 'penalty-rules' });

    await api.sql(`update help_article set published = false where slug = 'penalty-rules'`);
    const hidden = await api.gql('query ($id: ID!) { node(id: $id) { id } }', { id: nodeId });
    expect(hidden.data.node).toBeNull();
    expect((await api.gql(ONE, { slug: 'penalty-rules' })).data.helpArticle).toBeNull();
    expect((await api.gql(LIST)).data.helpArticles).toHaveLength(5);
    await api.sql(`update help_article set published = true where slug = 'penalty-rules'`);
  });

  test('seeding loads the articles into an empty table once and never touches edited ones', async ({
    api,
  }) => {
    const em = api.platform.orm.em.fork();
    expect(await seedHelpArticles(em)).toBe(0);
    await api.sql(`update help_article set title_en = 'Edited by staff' where slug = 'order-statuses'`);
    expect(await seedHelpArticles(em.fork())).toBe(0);
    const [edited] = await api.sql(`select title_en from help_article where slug = 'order-statuses'`);
    expect(edited.title_en).toBe('Edited by staff');

    // A database from before the help center (no articles) gets them at the next start.
    await api.sql('delete from help_article');
    expect(await seedHelpArticles(em.fork())).toBe(6);
    const rows = await api.sql('select slug, position from help_article order by position');
    expect(rows.map((r) => r.slug)).toEqual([
      'shopping-process',
      'checkout-and-payment',
      'order-statuses',
      'payment-methods-and-safety',
      'penalty-rules',
      'account-restrictions',
    ]);
  });
});
