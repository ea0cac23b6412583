import { SignInPage } from '../../features/accounts/components/sign-in-page.js';

export function Component() {
  return <SignInPage />;
}
