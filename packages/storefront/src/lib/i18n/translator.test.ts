import { describe, expect, it } from 'vitest';
import { Translator } from './translator.js';

// Untyped keys: the resources here are not the app's.
type LooseT = (key: string, options?: Record<string, unknown>) => string;
const loose = (t: unknown) => t as LooseT;

const en = {
  greeting: 'Hello, {{name}}',
  cart: { items_one: '{{count}} item', items_other: '{{count}} items', title: 'Cart' },
};
const enPages = { orders: { title: 'Orders' } };
const zh = { greeting: '你好，{{name}}', cart: { items_one: '{{count}} 件', items_other: '{{count}} 件' } };
const zhPages = { orders: { title: '訂單' } };

function translator() {
  const loads: string[] = [];
  const loader = (name: string, tree: object) => () => {
    loads.push(name);
    return Promise.resolve(tree);
  };
  const i18n = new Translator({
    resources: { en: { shell: en } },
    loaders: {
      en: { pages: loader('en/pages', enPages) },
      'zh-TW': { shell: loader('zh-TW/shell', zh), pages: loader('zh-TW/pages', zhPages) },
    },
    language: 'en',
    fallbackLanguage: 'en',
  });
  return { i18n, loads };
}

describe('Translator', () => {
  it('interpolates and picks plural forms from count', () => {
    const t = loose(translator().i18n.t);
    expect(t('greeting', { name: 'Ann' })).toBe('Hello, Ann');
    expect(t('cart.items', { count: 1 })).toBe('1 item');
    expect(t('cart.items', { count: 3 })).toBe('3 items');
    expect(t('cart.title')).toBe('Cart');
  });

  it('answers the key for text it does not have (yet)', () => {
    expect(loose(translator().i18n.t)('orders.title')).toBe('orders.title');
  });

  it('loads a part on demand, and that part in every language switched to later', async () => {
    const { i18n, loads } = translator();
    await i18n.loadParts(['pages']);
    expect(loose(i18n.t)('orders.title')).toBe('Orders');
    await i18n.changeLanguage('zh-TW');
    expect(loads).toEqual(['en/pages', 'zh-TW/shell', 'zh-TW/pages']);
    expect(i18n.language).toBe('zh-TW');
    expect(loose(i18n.t)('orders.title')).toBe('訂單');
    expect(loose(i18n.t)('greeting', { name: '安' })).toBe('你好，安');
  });

  it('switches only once the new language is there, then tells listeners', async () => {
    const { i18n } = translator();
    const heard: string[] = [];
    i18n.on('languageChanged', (language) => heard.push(language));
    const switching = i18n.changeLanguage('zh-TW');
    expect(i18n.language).toBe('en');
    await switching;
    expect(heard).toEqual(['zh-TW']);
    // Keys missing in Chinese fall back to English.
    expect(loose(i18n.t)('cart.title')).toBe('Cart');
  });

  it('loads parts asked for during a switch in the new language, not the old one', async () => {
    const { i18n, loads } = translator();
    const switching = i18n.changeLanguage('zh-TW');
    await i18n.loadParts(['pages']);
    await switching;
    expect(loads).toEqual(['zh-TW/shell', 'zh-TW/pages']);
    expect(loose(i18n.t)('orders.title')).toBe('訂單');
  });

  it('refuses a language it has no text for, staying in the current one', async () => {
    const { i18n } = translator();
    await expect(i18n.changeLanguage('fr')).rejects.toThrow(/no text/);
    expect(i18n.language).toBe('en');
  });
});
