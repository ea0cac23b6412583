import type { AppLocale } from '../lib/locale';
import { en, type Messages } from './en';
import { zhTW } from './zh-tw';

/** i18next resources: one `translation` namespace per supported language. */
export const resources = {
  en: { translation: en },
  'zh-TW': { translation: zhTW },
} as const satisfies Record<AppLocale, { translation: Messages }>;
