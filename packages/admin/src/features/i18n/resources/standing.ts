/** The sanction banner of the management center (account and store standing). English is the source of the keys. */
export const standingEn = {
  label: 'Account restriction',
  title: {
    ACCOUNT: {
      GENERAL_FREEZE: 'Your account is under a general freeze',
      SAFE_FREEZE: 'Your account is under a safe freeze',
      DISABLED: 'Your account is disabled',
      DELETION: 'Your account has been deleted',
    },
    STORE: {
      GENERAL_FREEZE: 'Your store is under a general freeze',
      SAFE_FREEZE: 'Your store is under a safe freeze',
      DISABLED: 'Your store is closed by the platform',
      DELETION: 'Your store has been deleted',
    },
  },
  effect: {
    GENERAL_FREEZE:
      'Orders, shipping, cancellations, your team and settlements keep working. Publishing or changing products, coupons and activities, editing the store profile, replying to reviews and starting conversations are refused.',
    SAFE_FREEZE:
      'The management center is read-only: you can view everything, but every change is refused (order processing included) until the platform lifts the freeze. You can still reply to the platform’s messages.',
    DISABLED:
      'The management center is read-only: every change is refused until the platform enables the store.',
    DELETION: 'The account is permanently frozen.',
  },
  reason: 'Reason: {{reason}}',
  until: 'Until {{date}}',
  untilLifted: 'Until the platform lifts it',
  warning: 'Warning: {{rule}}. Please correct it by {{date}}.',
  warningRequested: 'Warning: {{rule}}. You reported it corrected; the platform is checking.',
  learnMore: 'What you can and cannot do',
  articleLoading: 'Loading the explanation…',
  articleError: 'The explanation could not be loaded. It is also in the help center of the storefront.',
  refused: 'Not available while your account or store is restricted.',
};

export const standingZhTw: typeof standingEn = {
  label: '帳號限制',
  title: {
    ACCOUNT: {
      GENERAL_FREEZE: '您的帳號目前處於一般凍結',
      SAFE_FREEZE: '您的帳號目前處於安全凍結',
      DISABLED: '您的帳號已被停用',
      DELETION: '您的帳號已被刪除',
    },
    STORE: {
      GENERAL_FREEZE: '您的商店目前處於一般凍結',
      SAFE_FREEZE: '您的商店目前處於安全凍結',
      DISABLED: '您的商店已被平台關閉',
      DELETION: '您的商店已被刪除',
    },
  },
  effect: {
    GENERAL_FREEZE:
      '訂單處理、出貨、取消申請、團隊管理與結算都照常運作；上架或修改商品、優惠券與活動、編輯商店資料、回覆評價以及發起新對話則會被拒絕。',
    SAFE_FREEZE:
      '管理中心為唯讀狀態：您可以查看所有內容，但在平台解除凍結前，任何變更（包括處理訂單）都會被拒絕。您仍可回覆平台的站內信。',
    DISABLED: '管理中心為唯讀狀態：在平台重新啟用商店前，任何變更都會被拒絕。',
    DELETION: '此帳號已永久凍結。',
  },
  reason: '原因：{{reason}}',
  until: '結束時間：{{date}}',
  untilLifted: '直到平台解除為止',
  warning: '警告：{{rule}}。請於 {{date}} 前改正。',
  warningRequested: '警告：{{rule}}。您已回報改正，平台正在確認中。',
  learnMore: '了解受限期間可以做什麼',
  articleLoading: '正在載入說明…',
  articleError: '無法載入說明。您也可以在商城的幫助中心閱讀。',
  refused: '帳號或商店受限期間無法使用此功能。',
};
