import { MIN_PASSWORD_LENGTH } from '@marketplace/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button, ButtonLink } from '../../../components/ui/button.js';
import { graphql } from '../../../gql/gql.js';
import { type AccountProblem, accountErrorText } from '../account-errors.js';
import { newPasswordProblem } from '../client-validation.js';
import { AuthLayout } from './auth-layout.js';
import { FormMessage, focusFirstInvalid, PasswordField } from './form-controls.js';

const ResetPasswordPage_ResetMutation = graphql(`
  mutation ResetPasswordPage_ResetMutation($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      passwordReset
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const [reset, { loading }] = useMutation(ResetPasswordPage_ResetMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [fieldProblem, setFieldProblem] = useState<AccountProblem | null>(null);
  const [linkProblem, setLinkProblem] = useState<AccountProblem | null>(null);
  const [failed, setFailed] = useState(false);
  const [done, setDone] = useState(false);

  const requestNew = (
    <p>
      <Link to={paths.forgotPassword.getHref()}>{t('accounts.reset.requestNew')}</Link>
    </p>
  );

  if (done) {
    return (
      <AuthLayout title={t('accounts.reset.successTitle')}>
        <FormMessage tone="success" testId="password-reset">
          {t('accounts.reset.successText')}
        </FormMessage>
        <ButtonLink to={paths.signIn.getHref()}>{t('accounts.reset.signIn')}</ButtonLink>
      </AuthLayout>
    );
  }

  if (!token) {
    return (
      <AuthLayout title={t('accounts.reset.title')} footer={requestNew}>
        <FormMessage tone="error">{t('accounts.reset.missingToken')}</FormMessage>
      </AuthLayout>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setFailed(false);
    setLinkProblem(null);
    // The account's email is not known here; the API checks that rule.
    const local = newPasswordProblem(password, null);
    setFieldProblem(local);
    if (local) {
      queueMicrotask(() => focusFirstInvalid(formRef.current));
      return;
    }
    try {
      const { data } = await reset({ variables: { token, newPassword: password } });
      const payload = data?.resetPassword;
      if (!payload) throw new Error('no data');
      if (payload.passwordReset) {
        setDone(true);
        // Every session of the account ended, possibly this browser's: forget what was cached for it.
        await client.resetStore();
        return;
      }
      const [refusal] = payload.userErrors;
      if (refusal?.code === 'WEAK_PASSWORD') {
        // Without the account's email here, "too common" and "is your email" cannot be told apart.
        setFieldProblem(newPasswordProblem(password, null) ?? { code: 'WEAK_PASSWORD' });
        queueMicrotask(() => focusFirstInvalid(formRef.current));
      } else if (refusal) {
        setLinkProblem(refusal);
      }
    } catch {
      setFailed(true);
    }
  };

  return (
    <AuthLayout title={t('accounts.reset.title')} intro={t('accounts.reset.intro')}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate data-testid="reset-password-form">
        {linkProblem && (
          <FormMessage tone="error">
            <p>{accountErrorText(t, linkProblem)}</p>
            {requestNew}
          </FormMessage>
        )}
        {failed && <FormMessage tone="error">{t('accounts.errors.unknown')}</FormMessage>}
        <PasswordField
          name="password"
          label={t('accounts.fields.newPassword')}
          autoComplete="new-password"
          hint={t('accounts.fields.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            setFieldProblem(null);
          }}
          error={fieldProblem ? accountErrorText(t, fieldProblem) : null}
        />
        <Button type="submit" size="lg" isLoading={loading}>
          {loading ? t('accounts.reset.submitting') : t('accounts.reset.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
