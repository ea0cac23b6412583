import type { ApolloClient } from '@apollo/client';
import { graphql } from '../../gql/gql.js';

export const SignOutEverywhere_LogoutMutation = graphql(`
  mutation SignOutEverywhere_LogoutMutation($everywhere: Boolean!) {
    logout(everywhere: $everywhere) {
      loggedOut
    }
  }
`);

/**
 * Ends every session of the account on the server (this device's cookie is cleared too), then
 * runs `leave` (go somewhere a guest may be) and drops everything cached for the account, the
 * same way the ordinary sign-out does. Throws when the server could not be reached; nothing
 * is forgotten then, so the shopper can try again.
 */
export async function signOutEverywhere(
  client: ApolloClient,
  leave: () => Promise<void> | void,
): Promise<void> {
  const { data } = await client.mutate({
    mutation: SignOutEverywhere_LogoutMutation,
    variables: { everywhere: true },
  });
  // `loggedOut: false` means this device was already signed out: the end state is the same.
  if (!data?.logout) throw new Error('logout gave no answer');
  // Leave account pages first, so they do not bounce to "sign in" while the store refetches.
  await leave();
  await client.resetStore();
}
