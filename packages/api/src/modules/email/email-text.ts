import type { Locale } from '@marketplace/core';

/** The platform's name in the emails' sign-offs and subjects. */
export const APP_NAME: Record<Locale, string> = { en: 'Marketplace', 'zh-TW': '好物市集' };

// Built once: an Intl formatter costs far more to create than to use (it showed in the checkout profile).
const DATE_TIME: Record<Locale, Intl.DateTimeFormat> = {
  'zh-TW': new Intl.DateTimeFormat('zh-TW', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Taipei',
  }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
};

/** A moment as an email states it: Taiwan time in Chinese, UTC in English, the zone said. */
export function formatEmailTime(at: Date, locale: Locale): string {
  return locale === 'zh-TW'
    ? `${DATE_TIME['zh-TW'].format(at)}（台灣時間）`
    : `${DATE_TIME.en.format(at)} UTC`;
}
