import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type AppLocale, isAppLocale, storeLocale } from '../lib/locale';
import './language-switch.css';

// Each language is named in itself, so a reader can find theirs whatever the current language is.
const LANGUAGE_NAMES: Record<AppLocale, string> = { en: 'English', 'zh-TW': '繁體中文' };

/** Switches the interface language and remembers the choice in this browser. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { i18n } = useTranslation();
  const current = isAppLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value;
    if (!isAppLocale(next)) return;
    storeLocale(next);
    void i18n.changeLanguage(next);
  };

  return (
    <select
      className={['language-switch', className].filter(Boolean).join(' ')}
      data-testid="language-switch"
      aria-label="Language / 語言"
      value={current}
      onChange={onChange}
    >
      {Object.entries(LANGUAGE_NAMES).map(([locale, name]) => (
        <option key={locale} value={locale} lang={locale}>
          {name}
        </option>
      ))}
    </select>
  );
}
