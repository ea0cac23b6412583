import { useMutation } from '@apollo/client/react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button } from '../../../components/ui/button.js';
import { graphql } from '../../../gql/gql.js';
import { type AccountProblem, accountErrorText } from '../account-errors.js';
import { validateEmail } from '../client-validation.js';
import { AuthLayout } from './auth-layout.js';
import { FormMessage, focusFirstInvalid, TextField } from './form-controls.js';

const ForgotPasswordPage_RequestMutation = graphql(`
  mutation ForgotPasswordPage_RequestMutation($email: String!) {
    requestPasswordReset(email: $email) {
      requested
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [request, { loading }] = useMutation(ForgotPasswordPage_RequestMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<AccountProblem | null>(null);
  const [failed, setFailed] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setFailed(false);
    const local = validateEmail(email).email ?? null;
    setProblem(local);
    if (local) {
      queueMicrotask(() => focusFirstInvalid(formRef.current));
      return;
    }
    try {
      const { data } = await request({ variables: { email } });
      const payload = data?.requestPasswordReset;
      if (!payload) throw new Error('no data');
      const [refusal] = payload.userErrors;
      if (refusal) {
        setProblem(refusal);
        queueMicrotask(() => focusFirstInvalid(formRef.current));
        return;
      }
      setSentTo(email.trim());
    } catch {
      setFailed(true);
    }
  };

  const footer = (
    <p>
      <Link to={paths.signIn.getHref()}>{t('accounts.forgot.backToSignIn')}</Link>
    </p>
  );

  if (sentTo) {
    return (
      <AuthLayout title={t('accounts.forgot.sentTitle')} footer={footer}>
        <FormMessage tone="success" testId="password-reset-requested">
          {t('accounts.forgot.sentText', { email: sentTo })}
        </FormMessage>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('accounts.forgot.title')} intro={t('accounts.forgot.intro')} footer={footer}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate data-testid="forgot-password-form">
        {failed && <FormMessage tone="error">{t('accounts.errors.unknown')}</FormMessage>}
        <TextField
          name="email"
          type="email"
          label={t('accounts.fields.email')}
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="off"
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            setProblem(null);
          }}
          error={problem ? accountErrorText(t, problem) : null}
        />
        <Button type="submit" size="lg" isLoading={loading}>
          {loading ? t('accounts.forgot.submitting') : t('accounts.forgot.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
