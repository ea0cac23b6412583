import { MIN_PASSWORD_LENGTH } from '@marketplace/core';
import { useMutation } from '@apollo/client/react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button } from '../../../components/ui/button.js';
import { graphql } from '../../../gql/gql.js';
import { accountErrorText } from '../account-errors.js';
import {
  explainWeakPassword,
  type FieldProblems,
  hasProblems,
  newPasswordProblem,
} from '../client-validation.js';
import { useViewer } from '../use-viewer.js';
import { splitUserErrors } from '../user-errors.js';
import { AccountLayout } from './account-layout.js';
import { FormMessage, focusFirstInvalid, PasswordField } from './form-controls.js';
import { SignOutEverywhereSection } from './sign-out-everywhere-section.js';

const ChangePasswordPage_ChangeMutation = graphql(`
  mutation ChangePasswordPage_ChangeMutation($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      viewer {
        id
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

const FIELDS = ['currentPassword', 'newPassword'] as const;
type Field = (typeof FIELDS)[number];

export function ChangePasswordPage() {
  const { t } = useTranslation();
  return (
    <AccountLayout title={t('accounts.password.title')}>
      <ChangePasswordForm />
      <SignOutEverywhereSection />
    </AccountLayout>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [change, { loading }] = useMutation(ChangePasswordPage_ChangeMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '' });
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const [status, setStatus] = useState<'idle' | 'changed' | 'failed'>('idle');
  const email = viewer?.email ?? null;

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setStatus('idle');
    const local: FieldProblems<Field> = {
      currentPassword: values.currentPassword === '' ? { code: 'REQUIRED' } : undefined,
      newPassword: newPasswordProblem(values.newPassword, email) ?? undefined,
    };
    setProblems(local);
    if (hasProblems(local)) {
      queueMicrotask(() => focusFirstInvalid(formRef.current));
      return;
    }
    try {
      const { data } = await change({ variables: values });
      const payload = data?.changePassword;
      if (!payload) throw new Error('no data');
      if (payload.viewer) {
        setValues({ currentPassword: '', newPassword: '' });
        setStatus('changed');
        return;
      }
      const { byField } = splitUserErrors(payload.userErrors, FIELDS);
      const mapped: FieldProblems<Field> = { ...byField };
      if (byField.newPassword?.code === 'WEAK_PASSWORD') {
        mapped.newPassword = explainWeakPassword(values.newPassword, email);
      }
      setProblems(mapped);
      queueMicrotask(() => focusFirstInvalid(formRef.current));
    } catch {
      setStatus('failed');
    }
  };

  const error = (field: Field) => (problems[field] ? accountErrorText(t, problems[field]) : null);

  return (
    <section className="account-section" aria-labelledby="password-intro">
      <p id="password-intro" className="account-section__intro">
        {t('accounts.password.intro')}
      </p>
      {status === 'changed' && (
        <FormMessage tone="success" testId="password-changed">
          {t('accounts.password.success')}
        </FormMessage>
      )}
      {status === 'failed' && <FormMessage tone="error">{t('accounts.errors.unknown')}</FormMessage>}
      <form ref={formRef} className="form" onSubmit={submit} noValidate data-testid="change-password-form">
        {/* Lets password managers pair the new password with the account. */}
        <input type="email" name="username" autoComplete="username" value={email ?? ''} readOnly hidden />
        <PasswordField
          name="currentPassword"
          label={t('accounts.fields.currentPassword')}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={error('currentPassword')}
        />
        <PasswordField
          name="newPassword"
          label={t('accounts.fields.newPassword')}
          autoComplete="new-password"
          hint={t('accounts.fields.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          value={values.newPassword}
          onChange={set('newPassword')}
          error={error('newPassword')}
        />
        <div className="form__actions">
          <Button type="submit" isLoading={loading}>
            {loading ? t('accounts.password.submitting') : t('accounts.password.submit')}
          </Button>
          <Link to={paths.forgotPassword.getHref()}>{t('accounts.signIn.forgotPassword')}</Link>
        </div>
      </form>
    </section>
  );
}
