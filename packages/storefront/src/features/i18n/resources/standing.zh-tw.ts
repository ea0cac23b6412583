/** Traditional Chinese (Taiwan) of ./standing.ts — its own module, so the language is loaded only when chosen. */
import type { standingEn } from './standing.js';

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
