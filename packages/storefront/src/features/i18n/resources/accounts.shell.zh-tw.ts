/** Traditional Chinese (Taiwan) of ./accounts.shell.ts. */
import type { accountsShellEn } from './accounts.shell.js';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const accountsShellZhTw: Strings<typeof accountsShellEn> = {
  menu: {
    label: '會員',
    signIn: '登入',
    register: '註冊',
    open: '{{name}} 的會員選單',
    account: '會員資料',
    orders: '我的訂單',
    addresses: '收件地址',
    signOut: '登出',
    signingOut: '登出中…',
    signOutFailed: '登出失敗，請再試一次。',
  },
  verify: {
    title: '驗證電子郵件',
    verifying: '正在驗證您的電子郵件…',
    successTitle: '電子郵件驗證完成',
    successText: '謝謝您！您的帳號已可正常使用。',
    alreadyVerified: '您的電子郵件已經驗證過了。',
    continueShopping: '繼續購物',
    goToAccount: '前往會員資料',
    missingToken: '請使用驗證信中的連結開啟此頁面，或重新索取驗證信。',
    invalidTitle: '此連結無法使用',
    invalidText: '連結無效，或已經使用過。',
    expiredTitle: '此連結已過期',
    expiredText: '驗證連結的有效期限為 48 小時，請在下方重新索取。',
    signInToResend: '請先登入以重新索取驗證信。',
    banner: '請驗證您的電子郵件，我們已寄送驗證連結至 {{email}}。',
    resend: '重新寄送驗證信',
    resending: '寄送中…',
    resent: '已重新寄送驗證連結至 {{email}}。',
  },
};
