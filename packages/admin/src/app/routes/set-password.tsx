import { LanguageSwitch } from '../../features/i18n/components/language-switch';
import { SetPasswordPage } from '../../features/platform/components/set-password-page';

/** The invitation link's page (public, like /login): a new staff account sets its first password. */
export function Component() {
  return <SetPasswordPage aside={<LanguageSwitch />} />;
}
