import type { ApolloClient } from '@apollo/client';
import { graphql } from '../../../gql/gql';

export const LogoutEverywhereMutation = graphql(`
  mutation LogoutEverywhereButton_LogoutMutation($everywhere: Boolean!) {
    logout(everywhere: $everywhere) {
      loggedOut
    }
  }
`);

/**
 * Ends every session of the account on the server (which also clears this browser's cookie), runs
 * `leave` (go to the login page), then forgets everything cached, as the ordinary sign-out does.
 * Throws when the server could not be reached; nothing is forgotten then, so it can be retried.
 */
export async function signOutEverywhere(
  client: ApolloClient,
  leave: () => Promise<void> | void,
): Promise<void> {
  const { data } = await client.mutate({
    mutation: LogoutEverywhereMutation,
    variables: { everywhere: true },
  });
  // `loggedOut: false` means this browser was already signed out: the end state is the same.
  if (!data?.logout) throw new Error('logout gave no answer');
  // Leave the signed-in pages first: clearing the cache under them would only make them flash.
  await leave();
  await client.clearStore();
}
