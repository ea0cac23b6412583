/** Traditional Chinese (Taiwan) of ./warnings.ts — its own module, so the language is loaded only when chosen. */
import type { warningsEn } from './warnings.js';

export const warningsZhTw: typeof warningsEn = {
  title: '違規警告',
  intro: '平台發現您有違反規範的行為，請在期限前改正並告訴我們；逾期未改正的警告將記為第二次違規。',
  due: '請於 {{date}} 前改正',
  reported: '您已於 {{date}} 回報改正，平台正在確認。',
  note: '您改正了什麼？',
  submit: '我已改正',
  sent: '謝謝您，平台將檢查並確認。',
  errors: {
    REASON_REQUIRED: '請告訴我們您改正了什麼。',
    TOO_LONG: '請將內容控制在 2000 字以內。',
    VIOLATION_NOT_FOUND: '這項警告已不存在。',
    INVALID_STATUS: '這項警告已處理完畢。',
    unknown: '發生錯誤，請再試一次。',
  },
};
