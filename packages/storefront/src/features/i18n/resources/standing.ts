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
