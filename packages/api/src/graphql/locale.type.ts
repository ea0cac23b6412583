import type { Locale as CoreLocale } from '@marketplace/core';
import { registerEnumType } from 'type-graphql';

/** GraphQL enum names cannot contain '-', so zh-TW is ZH_TW on the wire. */
export const LocaleCode = { EN: 'en', ZH_TW: 'zh-TW' } as const;
export type LocaleCode = (typeof LocaleCode)[keyof typeof LocaleCode];

registerEnumType(LocaleCode, {
  name: 'Locale',
  description: 'A language the platform speaks.',
  valuesConfig: {
    EN: { description: 'English' },
    ZH_TW: { description: 'Traditional Chinese (Taiwan), 繁體中文' },
  },
});

export function localized(en: string, zh: string, locale: CoreLocale): string {
  return locale === 'zh-TW' ? zh || en : en || zh;
}
