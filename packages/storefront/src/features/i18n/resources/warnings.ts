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
