import type { Messages } from './en';
import { fundsZhTw } from './funds';
import { insightsZhTw } from './insights';
import { ordersZhTw } from './orders';
import { platformZhTw } from './platform';
import { productsZhTw } from './products';
import { promotionsZhTw } from './promotions';
import { messagesZhTw } from './messages';
import { penaltiesZhTw } from './penalties';
import { safeFreezeZhTw } from './safeFreeze';
import { reviewsZhTw } from './reviews';
import { standingZhTw } from './standing';
import { apiKeysZhTw } from './apiKeys';
import { webhooksZhTw } from './webhooks';

/** Traditional Chinese (Taiwan) messages. */
export const zhTW: Messages = {
  app: {
    name: '商城管理後台',
    skipToContent: '跳至主要內容',
    loading: '載入中…',
  },
  auth: {
    login: {
      pageTitle: '登入',
      title: '登入管理中心',
      subtitle: '供平台人員與商家團隊使用。',
      email: '電子郵件',
      password: '密碼',
      submit: '登入',
      submitting: '登入中…',
      shopperSession: '您目前以購物者帳號 {{email}} 登入。本系統僅供工作人員使用，請改用工作人員帳號登入。',
      errors: {
        invalidCredentials: '電子郵件或密碼不正確。',
        tooManyAttempts: '登入嘗試次數過多，請於 {{minutes}} 分鐘後再試。',
        staffOnly:
          '本系統僅供平台人員與商家團隊使用，購物者帳號無法使用，因此已為您登出。如需購物，請前往商城前台。',
      },
    },
    logout: {
      submit: '登出',
      submitting: '登出中…',
      failed: '無法登出，請再試一次。',
    },
    logoutEverywhere: {
      open: '登出所有裝置',
      title: '要登出所有裝置嗎？',
      text: '您帳號的所有登入工作階段都會結束，包括這個瀏覽器以及其他已登入的電腦或手機。之後需要輸入密碼才能再次登入。',
      confirm: '全部登出',
      cancel: '取消',
      submitting: '登出中…',
      failed: '無法登出，請檢查網路連線後再試一次。',
    },
  },
  roles: {
    SHOPPER: '購物者',
    MERCHANT_STAFF: '商家人員',
    CUSTOMER_SERVICE: '客服人員',
    ADMIN: '平台管理員',
  },
  nav: {
    label: '主要導覽',
    openMenu: '選單',
    closeMenu: '關閉選單',
    sections: {
      dashboard: '儀表板',
      products: '商品',
      orders: '訂單',
      coupons: '優惠券',
      funds: '資金',
      messages: '站內信',
      contactRequests: '聯絡表單',
      users: '使用者',
      merchants: '商家',
      penalties: '違規處分',
      helpCenter: '說明中心',
      settlements: '撥款結算',
      auditLog: '稽核紀錄',
      mailbox: '郵件匣',
      reviews: '評價',
      team: '團隊',
      apiKeys: 'API 金鑰',
      webhooks: 'Webhook 通知',
    },
  },
  dashboard: {
    greeting: '歡迎，{{name}}',
    signedInAs: '目前身分：{{role}}',
    yourAreas: '您的工作區',
    comingSoon: '即將推出',
  },
  mailbox: {
    title: '開發用信箱',
    intro: '平台寄出的所有電子郵件，最新的在前。未設定 SMTP 時，請在此閱讀郵件。',
    filterLabel: '收件人',
    filter: '篩選',
    emptyTitle: '沒有郵件',
    emptyBody: '尚未寄出任何郵件到這個地址。',
    count_one: '共 {{count}} 封郵件',
    count_other: '共 {{count}} 封郵件',
    toLine: '收件人 {{to}}',
    template: '範本 {{template}} · 語言 {{locale}}',
    loadMore: '載入更多',
    status: { PENDING: '排隊中', SENT: '已送達', FAILED: '寄送失敗' },
  },
  insights: insightsZhTw,
  funds: fundsZhTw,
  orders: ordersZhTw,
  products: productsZhTw,
  promotions: promotionsZhTw,
  reviews: reviewsZhTw,
  penalties: penaltiesZhTw,
  safeFreeze: safeFreezeZhTw,
  messages: messagesZhTw,
  platform: platformZhTw,
  standing: standingZhTw,
  apiKeys: apiKeysZhTw,
  webhooks: webhooksZhTw,
  section: {
    comingSoonTitle: '即將推出',
    comingSoonBody: '這個功能正在建置中，完成後就會顯示在這裡。',
    forbiddenTitle: '無權存取',
    forbiddenBody: '您的角色無法使用這個功能。',
    backToDashboard: '返回儀表板',
  },
  errors: {
    title: '發生錯誤',
    network: '無法連線到伺服器，請檢查網路連線後再試一次。',
    unexpected: '發生未預期的錯誤，請再試一次。',
    reference: '參考編號：{{id}}',
    retry: '再試一次',
    notFoundTitle: '找不到頁面',
    notFoundBody: '這個網址沒有對應的頁面。',
    home: '前往儀表板',
  },
};
