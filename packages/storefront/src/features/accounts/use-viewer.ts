import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/gql.js';

const UseViewer_ViewerQuery = graphql(`
  query UseViewer_ViewerQuery {
    viewer {
      id
      email
      displayName
      emailVerified
      locale
    }
  }
`);

/**
 * The signed-in account according to the API (the session cookie is HttpOnly, so the API is the
 * only source of truth). Sign-in and sign-out reset the Apollo store, which refetches this.
 */
export function useViewer() {
  const { data, previousData, loading, error, refetch } = useQuery(UseViewer_ViewerQuery);
  const current = data ?? previousData;
  return {
    viewer: current?.viewer ?? null,
    /** True only until the first answer: later refetches keep showing the known state. */
    loading: loading && !current,
    error: current ? undefined : error,
    refetch,
  };
}
