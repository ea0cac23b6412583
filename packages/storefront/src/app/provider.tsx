import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { createI18n } from '../features/i18n/i18n.js';
import { TranslatorProvider } from '../lib/i18n/react.js';
import { getBrowserStorage } from '../lib/storage.js';
import { createApolloClient } from './apollo-client.js';

// Created once, outside React: re-renders must never produce a second cache or translator.
const apolloClient = createApolloClient();
const { i18n, ready } = createI18n({
  storage: getBrowserStorage(),
  browserLanguages: [navigator.language, ...navigator.languages],
  documentElement: document.documentElement,
});

/** Settles when the shopper's language is loaded (English is bundled; Chinese is its own chunk). */
export const appReady = ready;

/** Loads the text of pages other than home (its own chunk per language); pages wait for it. */
export const loadPageTexts = (): Promise<void> => i18n.loadParts(['pages']);

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <TranslatorProvider translator={i18n}>
      <ApolloProvider client={apolloClient}>{children}</ApolloProvider>
    </TranslatorProvider>
  );
}
