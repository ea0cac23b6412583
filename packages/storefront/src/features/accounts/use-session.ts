import { isLocale, type Locale } from '@marketplace/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { useTranslation } from '../../lib/i18n/react.js';
import { useNavigate } from 'react-router';
import { paths } from '../../app/paths.js';
import { graphql } from '../../gql/gql.js';
import type { Locale as ApiLocale } from '../../gql/graphql.js';
import { cartTokenStore } from '../../lib/cart-token.js';

/** The UI language of a GraphQL `Locale` value. */
export function fromApiLocale(locale: ApiLocale): Locale {
  const tag = locale === 'ZH_TW' ? 'zh-TW' : 'en';
  return isLocale(tag) ? tag : 'en';
}

/**
 * After `login` or `register` answered with a session: the guest cart (sent along) now belongs to
 * the account, so its token is forgotten; every cached query is refetched as the new viewer; the UI
 * switches to the account's language; then the shopper goes on to `next`.
 */
export function useFinishSignIn() {
  const client = useApolloClient();
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  return useCallback(
    async (viewer: { locale: ApiLocale }, next: string) => {
      cartTokenStore.set(null);
      await client.resetStore();
      const locale = fromApiLocale(viewer.locale);
      if (i18n.resolvedLanguage !== locale) await i18n.changeLanguage(locale);
      await navigate(next, { replace: true });
    },
    [client, i18n, navigate],
  );
}

const UseSignOut_LogoutMutation = graphql(`
  mutation UseSignOut_LogoutMutation {
    logout {
      loggedOut
    }
  }
`);

/** Ends the session on the server, goes home, and drops everything cached for the account. */
export function useSignOut() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, { loading, error }] = useMutation(UseSignOut_LogoutMutation);
  const signOut = useCallback(async () => {
    await logout();
    // Leave account pages first, so they do not bounce to "sign in" while the store refetches.
    await navigate(paths.home.getHref());
    await client.resetStore();
  }, [client, logout, navigate]);
  return { signOut, loading, error };
}
