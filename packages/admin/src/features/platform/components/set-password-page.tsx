import { useMutation } from '@apollo/client/react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import { checkNewPassword } from '../lib/account-input';
import './platform.css';

const SetPasswordMutation = graphql(`
  mutation SetPasswordPage_AcceptInvitationMutation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      email
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** The invitation link's page: a new staff account sets its first password, then signs in. */
export function SetPasswordPage({ aside }: { aside?: ReactNode }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [clientError, setClientError] = useState<{ field: 'password' | 'confirm'; text: string } | null>(
    null,
  );
  const [accept, accepting] = useMutation(SetPasswordMutation);
  const [failed, setFailed] = useState(false);
  const payload = accepting.data?.acceptInvitation;
  const serverError = payload?.userErrors[0];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailed(false);
    if (!checkNewPassword(password))
      return setClientError({ field: 'password', text: t('platform.setPassword.tooShort') });
    if (password !== confirm)
      return setClientError({ field: 'confirm', text: t('platform.setPassword.mismatch') });
    setClientError(null);
    const result = await accept({ variables: { token, password } }).catch(() => null);
    if (!result?.data) setFailed(true);
  };

  const passwordError =
    clientError?.field === 'password'
      ? clientError.text
      : serverError?.code === 'WEAK_PASSWORD'
        ? t('platform.setPassword.errors.WEAK_PASSWORD')
        : null;
  const tokenError =
    serverError && serverError.code !== 'WEAK_PASSWORD'
      ? t(`platform.setPassword.errors.${serverError.code}`)
      : null;

  return (
    <div className="setpw-page">
      <title>{`${t('platform.setPassword.pageTitle')} · ${t('app.name')}`}</title>
      <header className="setpw-page__header">
        <span className="setpw-page__brand">{t('app.name')}</span>
        {aside}
      </header>
      <main className="setpw-page__main">
        <div className="platform-card setpw-card">
          <h1>{t('platform.setPassword.title')}</h1>
          {payload?.email ? (
            <>
              <Alert tone="info">{t('platform.setPassword.done', { email: payload.email })}</Alert>
              <p>
                <Link to={paths.auth.login.getHref()} data-testid="set-password-sign-in">
                  {t('platform.setPassword.signIn')}
                </Link>
              </p>
            </>
          ) : !token ? (
            <Alert tone="error">{t('platform.setPassword.missingToken')}</Alert>
          ) : (
            <>
              <p className="platform-muted">{t('platform.setPassword.intro')}</p>
              {tokenError && <Alert tone="error">{tokenError}</Alert>}
              {failed && <Alert tone="error">{t('errors.unexpected')}</Alert>}
              <form
                className="platform-form"
                onSubmit={(e) => void onSubmit(e)}
                noValidate
                data-testid="set-password-form"
              >
                <TextField
                  label={t('platform.setPassword.password')}
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  aria-invalid={passwordError ? true : undefined}
                  required
                />
                {passwordError && <p className="platform-field-error">{passwordError}</p>}
                <TextField
                  label={t('platform.setPassword.confirm')}
                  name="confirm"
                  type="password"
                  autoComplete="new-password"
                  value={confirm}
                  onChange={(e) => setConfirm(e.target.value)}
                  aria-invalid={clientError?.field === 'confirm' ? true : undefined}
                  required
                />
                {clientError?.field === 'confirm' && (
                  <p className="platform-field-error">{clientError.text}</p>
                )}
                <Button type="submit" pending={accepting.loading}>
                  {accepting.loading
                    ? t('platform.setPassword.submitting')
                    : t('platform.setPassword.submit')}
                </Button>
              </form>
            </>
          )}
        </div>
      </main>
    </div>
  );
}
