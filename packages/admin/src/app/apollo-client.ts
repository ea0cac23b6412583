import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';

interface ApolloClientOptions {
  /** Called when the API says the session is gone (expired or revoked while the app was open). */
  onUnauthenticated: () => void;
}

export function createApolloClient({ onUnauthenticated }: ApolloClientOptions) {
  const sessionLink = new ErrorLink(({ error }) => {
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
    ) {
      onUnauthenticated();
    }
  });
  // Same origin (the dev server and preview proxy /graphql to the API): the HttpOnly session cookie
  // travels with every request and the SPA never handles a token.
  const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

  return new ApolloClient({
    link: ApolloLink.from([sessionLink, httpLink]),
    cache: new InMemoryCache(),
  });
}
