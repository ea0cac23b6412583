import { isLocale, type Locale } from '@marketplace/core';
import { useTranslation } from '../../../lib/i18n/react.js';
import './language-switch.css';

/** Each language is named in itself, so a reader can find theirs whatever is showing now. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-TW': '繁體中文' };

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const current = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <label className="language-switch">
      <svg className="language-switch__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 0c2.5 2.4 3.8 5.4 3.8 9s-1.3 6.6-3.8 9m0-18C9.5 5.4 8.2 8.4 8.2 12s1.3 6.6 3.8 9M3.5 9h17M3.5 15h17"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
      </svg>
      <select
        className="language-switch__select"
        data-testid="language-switch"
        aria-label="Language / 語言"
        value={current}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
      >
        {Object.entries(LANGUAGE_NAMES).map(([value, name]) => (
          <option key={value} value={value} lang={value}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
