import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../features/i18n/i18n.js';
import { getBrowserStorage } from '../lib/storage.js';
import { createApolloClient } from './apollo-client.js';

// Created once, outside React: re-renders must never produce a second cache or i18n instance.
const apolloClient = createApolloClient();
const i18n = createI18n({
  storage: getBrowserStorage(),
  browserLanguages: [navigator.language, ...navigator.languages],
  documentElement: document.documentElement,
});

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={apolloClient}>{children}</ApolloProvider>
    </I18nextProvider>
  );
}
