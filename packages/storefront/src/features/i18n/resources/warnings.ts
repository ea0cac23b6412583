/** Warnings (violations) on the account page. English is the source of the keys; zh-TW must have the same. */
export const warningsEn = {
  title: 'Warnings',
  intro:
    'The platform found behaviour that breaks our rules. Correct it before the deadline and tell us; a warning left uncorrected counts as a second violation.',
  due: 'Correct by {{date}}',
  reported: 'You reported it corrected on {{date}}. The platform is checking.',
  note: 'What did you correct?',
  submit: 'I corrected it',
  sent: 'Thank you. The platform will check and confirm.',
  errors: {
    REASON_REQUIRED: 'Tell us what you corrected.',
    TOO_LONG: 'Please keep it under 2000 characters.',
    VIOLATION_NOT_FOUND: 'This warning no longer exists.',
    INVALID_STATUS: 'This warning has already been handled.',
    unknown: 'Something went wrong. Please try again.',
  },
};

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
