/** Traditional Chinese (Taiwan) of ./help.ts — its own module, so the language is loaded only when chosen. */
import type { helpEn } from './help.js';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const helpZhTw: Strings<typeof helpEn> = {
  title: '幫助中心',
  intro: '購物、訂單、付款與平台規範的常見問題解答。',
  topicsLabel: '說明主題',
  topics: {
    SHOPPING: '購物指南',
    ORDERS: '訂單',
    PAYMENT: '付款',
    RULES: '規範與處罰',
  },
  loadError: '無法載入幫助中心。',
  emptyTitle: '目前沒有說明文章',
  emptyDescription: '幫助中心暫時沒有文章，歡迎直接與客服聯繫。',
  breadcrumb: '導覽路徑',
  updated: '最後更新：{{date}}',
  articleLoadError: '無法載入這篇文章。',
  articleNotFoundTitle: '找不到這篇文章',
  articleNotFoundDescription: '這篇說明文章不存在或已移動。',
  backToHelp: '所有說明主題',
  moreArticles: '其他說明',
  stillNeedHelp: '還需要協助嗎？',
  stillNeedHelpText: '客服團隊會以電子郵件回覆訂單與付款相關的問題。',
  contactLink: '聯絡客服',
  contact: {
    title: '聯絡客服',
    intro: '訂單或付款遇到問題，或有其他疑問，都歡迎告訴我們。我們會在一個工作天內以電子郵件回覆。',
    safety: '請勿在表單中填寫密碼、完整信用卡卡號或一次性驗證碼。',
    name: '您的姓名',
    email: '電子郵件地址',
    emailHint: '我們會將回覆寄到這個信箱。',
    orderNumber: '訂單編號',
    orderNumberHint: '請依「我的訂單」中顯示的編號填寫，例如 MP-20261122-0000001。',
    topic: '問題類別',
    topics: {
      ORDER: '訂單問題',
      PAYMENT: '付款或退款',
      OTHER: '其他問題',
    },
    message: '訊息內容',
    messageHint: '請輸入 {{min}} 至 {{max}} 個字。',
    optional: '選填',
    submit: '送出訊息',
    sending: '傳送中…',
    errorSummary: '請修正標示的欄位。',
    successTitle: '訊息已送出',
    successText:
      '感謝您的來信。您的案件編號是 {{reference}}，確認信已寄至 {{email}}，我們會在一個工作天內回覆您。',
    sendAnother: '再寫一則訊息',
    backToHelp: '回到幫助中心',
    errors: {
      INVALID_NAME: '請輸入您的姓名（最多 {{max}} 個字）。',
      INVALID_EMAIL: '請輸入有效的電子郵件地址，例如 name@example.com。',
      INVALID_ORDER_NUMBER: '請依「我的訂單」中顯示的格式填寫訂單編號，或留白。',
      INVALID_MESSAGE: '請以 {{min}} 至 {{max}} 個字描述您的問題。',
      TOO_MANY_REQUESTS: '您的網路在過去一小時內送出太多訊息，請稍後再試。',
      unknown: '訊息無法送出，請檢查網路連線後再試一次。',
    },
  },
};
