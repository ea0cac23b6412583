import { isLocale } from '@marketplace/core';
import { useMutation } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { graphql } from '../../../gql/gql.js';
import { toApiLocale } from '../../../lib/locale.js';
import { useViewer } from '../use-viewer.js';

const AccountLocaleSync_SetLocaleMutation = graphql(`
  mutation AccountLocaleSync_SetLocaleMutation($locale: Locale!) {
    setPreferredLocale(locale: $locale) {
      viewer {
        id
        locale
      }
    }
  }
`);

/**
 * Languages are remembered per account: when a signed-in shopper switches the UI language (the
 * header switch), the account's preferred language follows, so emails come in it too. Renders nothing.
 */
export function AccountLocaleSync() {
  const { i18n } = useTranslation();
  const { viewer } = useViewer();
  const [save] = useMutation(AccountLocaleSync_SetLocaleMutation);
  const accountLocale = viewer?.locale ?? null;

  useEffect(() => {
    if (!accountLocale) return;
    const onChange = (language: string) => {
      if (!isLocale(language) || toApiLocale(language) === accountLocale) return;
      // Best effort: the UI has switched either way.
      save({ variables: { locale: toApiLocale(language) } }).catch(() => undefined);
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n, accountLocale, save]);

  return null;
}
