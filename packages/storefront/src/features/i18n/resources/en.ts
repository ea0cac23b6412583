/**
 * English UI text; the source of truth for the key structure. zh-TW must have exactly the same
 * keys (checked by the compiler through `TranslationResource` and by resources.test.ts).
 * Plural keys carry both `_one` and `_other` in every language so the key sets stay equal.
 *
 * Split in two parts: this shell (header, footer, home page: bundled with the app) and the pages
 * part in en-pages.ts (every other page: its own chunk, fetched with the first such page). A key
 * lives in exactly one part.
 */
import { accountsShellEn } from './accounts.shell.js';
import type { enPages } from './en-pages.js';
import { helpShellEn } from './help.shell.js';
import { messagesShellEn } from './messages.shell.js';
import { paymentsShellEn } from './payments.shell.js';
import { saleEn } from './sale.js';
import { standingEn } from './standing.js';

export const enShell = {
  app: {
    name: 'Marketplace',
    homeLink: 'Marketplace home',
    skipToContent: 'Skip to main content',
    footer: 'Goods and consulting services from independent merchants.',
    footerNote: 'An open-source marketplace.',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    errorTitle: 'Something went wrong',
    errorDescription: 'Please check your connection and try again.',
    notFoundTitle: 'Page not found',
    notFoundDescription: 'The page you are looking for does not exist or has moved.',
    backHome: 'Go to the homepage',
  },
  search: {
    label: 'Search products',
    placeholder: 'Search goods and services',
    submit: 'Search',
  },
  catalog: {
    browseTitle: 'Shop independent merchants',
    browseIntro: 'Speciality coffee and tea, design objects, accessories and expert consulting.',
    searchTitle: 'Results for “{{query}}”',
    resultCount_one: '{{count}} product',
    resultCount_other: '{{count}} products',
    resultCountAtLeast: '{{total}} products',
    showing: 'Showing {{shown}} of {{total}}',
    loadMore: 'Load more',
    loadingMore: 'Loading more…',
    loadError: 'We couldn’t load the products.',
    emptyTitle: 'No products found',
    emptySearch: 'Nothing matches “{{query}}”. Try another word or remove a filter.',
    emptyBrowse: 'No products match these filters yet.',
    clearFilters: 'Clear filters',
    filtersLabel: 'Filter products',
    kindLabel: 'Type',
    kindAll: 'All',
    kindGoods: 'Goods',
    kindServices: 'Services',
    categoryLabel: 'Category',
    categoryAll: 'All categories',
    priceFrom: 'From {{price}}',
    soldOut: 'Sold out',
    serviceBadge: 'Service',
    soldBy: 'Sold by {{merchant}}',
  },
  cart: {
    // Starts with the link's visible text ("Cart 2"), so speech input users can say what they see.
    link_one: 'Cart {{count}} item',
    link_other: 'Cart {{count}} items',
    linkShort: 'Cart',
  },
  sale: saleEn,
  standing: standingEn,
  accounts: accountsShellEn,
  messages: messagesShellEn,
  payments: paymentsShellEn,
  help: helpShellEn,
} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Same keys as the English shell, any text. */
export type TranslationShell = Strings<typeof enShell>;
/** Same keys as the English pages part, any text. */
export type TranslationPages = Strings<typeof enPages>;
/** Every key of the UI (both parts). */
export type TranslationResource = TranslationShell & TranslationPages;
