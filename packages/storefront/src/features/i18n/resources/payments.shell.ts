/** The payments text shown in the header on every page: bundled with the app shell (see en.ts). */
export const paymentsShellEn = {
  menu: {
    history: 'Payments',
  },
} as const;
