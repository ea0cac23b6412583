/** The sanction banner (account standing). English is the source of the keys; zh-TW must have the same. */
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
      'You can still browse, buy, pay and reply to your messages, but you cannot post, write reviews, publish or change listings, or start new conversations.',
    SAFE_FREEZE: 'You can view your pages, but every change is refused until the platform lifts the freeze.',
    DISABLED: 'You can view your pages, but every change is refused.',
    DELETION: 'The account is permanently frozen.',
  },
  reason: 'Reason: {{reason}}',
  until: 'Until {{date}}',
  untilLifted: 'Until the platform lifts it',
  warning: 'Warning: {{rule}}. Please correct it by {{date}}.',
  warningRequested: 'Warning: {{rule}}. You reported it corrected; the platform is checking.',
  learnMore: 'What you can and cannot do',
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
      '您仍可瀏覽、購買、付款並回覆站內信，但無法發文、撰寫評價、上架或修改商品，也不能發起新的對話。',
    SAFE_FREEZE: '您可以查看各頁面，但在平台解除凍結前，任何變更都會被拒絕。',
    DISABLED: '您可以查看各頁面，但任何變更都會被拒絕。',
    DELETION: '此帳號已永久凍結。',
  },
  reason: '原因：{{reason}}',
  until: '結束時間：{{date}}',
  untilLifted: '直到平台解除為止',
  warning: '警告：{{rule}}。請於 {{date}} 前改正。',
  warningRequested: '警告：{{rule}}。您已回報改正，平台正在確認中。',
  learnMore: '了解受限期間可以做什麼',
};
