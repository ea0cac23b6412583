import { accountsShellZhTw } from './accounts.shell.zh-tw.js';
import type { TranslationShell } from './en.js';
import { helpShellZhTw } from './help.shell.zh-tw.js';
import { messagesShellZhTw } from './messages.shell.zh-tw.js';
import { paymentsShellZhTw } from './payments.shell.zh-tw.js';
import { saleZhTw } from './sale.zh-tw.js';
import { standingZhTw } from './standing.zh-tw.js';

/**
 * Traditional Chinese (Taiwan), shell part (see en.ts); loaded when it is the shopper's language.
 * Chinese has no plural forms; `_one` repeats `_other`.
 */
export const zhTWShell: TranslationShell = {
  app: {
    name: '好物市集',
    homeLink: '好物市集首頁',
    skipToContent: '跳至主要內容',
    footer: '匯集獨立店家的好物與專業顧問服務。',
    footerNote: '開放原始碼的線上市集。',
  },
  common: {
    loading: '載入中…',
    retry: '重試',
    errorTitle: '發生錯誤',
    errorDescription: '請檢查網路連線後再試一次。',
    notFoundTitle: '找不到頁面',
    notFoundDescription: '您要找的頁面不存在或已移除。',
    backHome: '回到首頁',
  },
  search: {
    label: '搜尋商品',
    placeholder: '搜尋商品與服務',
    submit: '搜尋',
  },
  catalog: {
    browseTitle: '逛逛獨立店家',
    browseIntro: '精品咖啡與茶、設計選物、3C 配件，以及專業顧問服務。',
    searchTitle: '「{{query}}」的搜尋結果',
    resultCount_one: '共 {{count}} 項商品',
    resultCount_other: '共 {{count}} 項商品',
    resultCountAtLeast: '{{total}} 項商品',
    showing: '已顯示 {{shown}} 項，共 {{total}} 項',
    loadMore: '載入更多',
    loadingMore: '載入中…',
    loadError: '無法載入商品。',
    emptyTitle: '找不到商品',
    emptySearch: '沒有符合「{{query}}」的商品，請換個關鍵字或移除篩選條件。',
    emptyBrowse: '目前沒有符合篩選條件的商品。',
    clearFilters: '清除篩選',
    filtersLabel: '篩選商品',
    kindLabel: '類型',
    kindAll: '全部',
    kindGoods: '商品',
    kindServices: '服務',
    categoryLabel: '分類',
    categoryAll: '所有分類',
    priceFrom: '{{price}} 起',
    soldOut: '已售完',
    serviceBadge: '服務',
    soldBy: '由{{merchant}}販售',
  },
  cart: {
    link_one: '購物車 {{count}} 件商品',
    link_other: '購物車 {{count}} 件商品',
    linkShort: '購物車',
  },
  sale: saleZhTw,
  standing: standingZhTw,
  accounts: accountsShellZhTw,
  messages: messagesShellZhTw,
  payments: paymentsShellZhTw,
  help: helpShellZhTw,
};
