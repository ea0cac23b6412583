/** The help text shown in the header on every page: bundled with the app shell (see en.ts). */
export const helpShellEn = {
  link: 'Help center',
} as const;
