import { useApolloClient, useMutation } from '@apollo/client/react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { Locale, LoginPage_LoginMutationMutation } from '../../../gql/graphql';
import { type ErrorSummary, summarizeError } from '../../../lib/errors';
import { safeNextPath } from '../lib/safe-next-path';
import { isStaffRole } from '../lib/staff';
import './login-page.css';

// The session token is deliberately not selected: the browser keeps the HttpOnly cookie the API sets.
const LoginPageLoginMutation = graphql(`
  mutation LoginPage_LoginMutation($input: LoginInput!) {
    login(input: $input) {
      viewer {
        id
        role
        locale
      }
      userErrors {
        code
        field
        message
        retryAfterSeconds
      }
    }
  }
`);

const LoginPageLogoutMutation = graphql(`
  mutation LoginPage_LogoutMutation {
    logout {
      loggedOut
    }
  }
`);

type LoginUserError = LoginPage_LoginMutationMutation['login']['userErrors'][number];

type LoginFailure = { kind: 'userError'; error: LoginUserError } | { kind: 'staffOnly' } | ErrorSummary;

interface LoginPageProps {
  /** Shown in the corner of the page (the language switch). */
  aside?: ReactNode;
  /** Email of a shopper who is already signed in (for instance on the storefront), to explain why they are here. */
  signedInShopperEmail?: string | null;
  /** Called once a staff account is signed in, before leaving the page. */
  onSignedIn?: (account: { locale: Locale }) => void;
}

export function LoginPage({ aside, signedInShopperEmail, onSignedIn }: LoginPageProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [login] = useMutation(LoginPageLoginMutation);
  const [logout] = useMutation(LoginPageLogoutMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<LoginFailure | null>(null);

  // Kept as data and translated while rendering, so switching the language translates it too.
  const failureMessage = (f: LoginFailure): string => {
    switch (f.kind) {
      case 'userError':
        return loginErrorMessage(f.error);
      case 'staffOnly':
        return t('auth.login.errors.staffOnly');
      case 'network':
        return t('errors.network');
      case 'unexpected':
        return f.requestId
          ? `${t('errors.unexpected')} ${t('errors.reference', { id: f.requestId })}`
          : t('errors.unexpected');
      default:
        f satisfies never;
        return t('errors.unexpected');
    }
  };

  const loginErrorMessage = (userError: LoginUserError): string => {
    switch (userError.code) {
      case 'INVALID_CREDENTIALS':
        return t('auth.login.errors.invalidCredentials');
      case 'TOO_MANY_ATTEMPTS':
        return t('auth.login.errors.tooManyAttempts', {
          minutes: Math.max(1, Math.ceil((userError.retryAfterSeconds ?? 60) / 60)),
        });
      default:
        // A code added to the API later: its English message beats saying nothing.
        userError.code satisfies never;
        return userError.message;
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setFailure(null);
    try {
      const { data } = await login({ variables: { input: { email, password } } });
      const [userError] = data?.login.userErrors ?? [];
      if (userError) {
        setFailure({ kind: 'userError', error: userError });
        return;
      }
      const viewer = data?.login.viewer;
      if (!viewer) throw new Error('login returned neither a viewer nor user errors');
      if (!isStaffRole(viewer.role)) {
        // The API opened a session; a shopper has no business here, so end it straight away.
        await logout();
        setPassword('');
        setFailure({ kind: 'staffOnly' });
        return;
      }
      // Nothing cached while signed out (or as someone else) may leak into the new session.
      await client.clearStore();
      onSignedIn?.(viewer);
      await navigate(safeNextPath(searchParams.get('next')), { replace: true });
    } catch (caught) {
      setFailure(summarizeError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="login-page">
      <title>{`${t('auth.login.pageTitle')} · ${t('app.name')}`}</title>
      <header className="login-page__header">
        <span className="login-page__brand">{t('app.name')}</span>
        {aside}
      </header>
      <main className="login-page__main">
        <div className="login-card">
          <h1 className="login-card__title">{t('auth.login.title')}</h1>
          <p className="login-card__subtitle">{t('auth.login.subtitle')}</p>
          {signedInShopperEmail && !failure && (
            <Alert tone="info">{t('auth.login.shopperSession', { email: signedInShopperEmail })}</Alert>
          )}
          {failure && <Alert tone="error">{failureMessage(failure)}</Alert>}
          <form className="login-card__form" onSubmit={onSubmit} aria-busy={pending}>
            <TextField
              label={t('auth.login.email')}
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={failure?.kind === 'userError' || undefined}
            />
            <TextField
              label={t('auth.login.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={failure?.kind === 'userError' || undefined}
            />
            <Button type="submit" pending={pending} className="login-card__submit">
              {pending ? t('auth.login.submitting') : t('auth.login.submit')}
            </Button>
          </form>
        </div>
      </main>
    </div>
  );
}
