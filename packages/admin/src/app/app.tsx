import { ApolloProvider } from '@apollo/client/react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { createApolloClient } from './apollo-client';
import { createI18n } from './i18n';
import { paths } from './paths';
import { createAppRouter } from './router';

const i18n = createI18n();

const client = createApolloClient({
  onUnauthenticated: () => {
    const { pathname, search } = window.location;
    if (pathname === paths.auth.login.path) return;
    void client
      .clearStore()
      .then(() => router.navigate(paths.auth.login.getHref(`${pathname}${search}`), { replace: true }));
  },
});

const router = createAppRouter(client);

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </I18nextProvider>
  );
}
