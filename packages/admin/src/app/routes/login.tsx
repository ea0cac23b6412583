import { type LoaderFunctionArgs, redirect, useLoaderData } from 'react-router';
import { LoginPage } from '../../features/auth/components/login-page';
import { safeNextPath } from '../../features/auth/lib/safe-next-path';
import { isStaffRole } from '../../features/auth/lib/staff';
import { LanguageSwitch } from '../../features/i18n/components/language-switch';
import { useAdoptAccountLocale } from '../../features/i18n/lib/use-adopt-account-locale';
import { graphql } from '../../gql/gql';
import { apolloClientContext } from '../router-context';

const LoginRouteViewerQuery = graphql(`
  query LoginRoute_ViewerQuery {
    viewer {
      id
      role
      email
    }
  }
`);

/** Staff who are already signed in skip the form; a signed-in shopper is told why they are here. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const client = context.get(apolloClientContext);
  // Ask the server every time: the cache may still hold the account that has just signed out.
  const { data } = await client.query({ query: LoginRouteViewerQuery, fetchPolicy: 'network-only' });
  const viewer = data?.viewer;
  if (viewer && isStaffRole(viewer.role)) {
    throw redirect(safeNextPath(new URL(request.url).searchParams.get('next')));
  }
  return { shopperEmail: viewer?.email ?? null };
}

export function Component() {
  const { shopperEmail } = useLoaderData<typeof loader>();
  const adoptAccountLocale = useAdoptAccountLocale();
  return (
    <LoginPage
      aside={<LanguageSwitch />}
      signedInShopperEmail={shopperEmail}
      onSignedIn={(account) => adoptAccountLocale(account.locale)}
    />
  );
}
