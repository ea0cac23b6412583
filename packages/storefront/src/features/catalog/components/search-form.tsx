import { type FormEvent, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import './search-form.css';

/** The header search: Enter (or the button) opens /search?q=…; an empty search goes home. */
export function SearchForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  // Listings read `?q=`; elsewhere (product, cart) a leftover parameter must not fill the box.
  const isListing = pathname === paths.search.path || pathname === paths.home.path;
  const urlQuery = isListing ? (params.get('q') ?? '') : '';

  // Follow the URL (back button, links) without remounting the input, which would drop focus.
  const [value, setValue] = useState(urlQuery);
  const [syncedQuery, setSyncedQuery] = useState(urlQuery);
  if (syncedQuery !== urlQuery) {
    setSyncedQuery(urlQuery);
    setValue(urlQuery);
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = value.trim();
    void navigate(q ? paths.search.getHref({ q }) : paths.home.getHref());
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a search landmark on the form itself is the contract of the browser tests, and <search> adds nothing over it.
    <form role="search" className="search-form" action={paths.search.path} onSubmit={submit}>
      <input
        className="search-form__input"
        type="search"
        name="q"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        enterKeyHint="search"
        autoComplete="off"
        maxLength={200}
      />
      <button className="search-form__submit" type="submit">
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="m16 16 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="visually-hidden">{t('search.submit')}</span>
      </button>
    </form>
  );
}
