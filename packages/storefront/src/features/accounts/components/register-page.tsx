import { MAX_DISPLAY_NAME_LENGTH, MIN_PASSWORD_LENGTH } from '@marketplace/core';
import { useMutation } from '@apollo/client/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, Navigate, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button } from '../../../components/ui/button.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { graphql } from '../../../gql/gql.js';
import { cartTokenStore } from '../../../lib/cart-token.js';
import { useApiLocale } from '../../../lib/locale.js';
import { type AccountProblem, accountErrorText } from '../account-errors.js';
import {
  explainWeakPassword,
  type FieldProblems,
  hasProblems,
  validateRegistration,
} from '../client-validation.js';
import { safeNextPath } from '../safe-next.js';
import { useFinishSignIn } from '../use-session.js';
import { useViewer } from '../use-viewer.js';
import { splitUserErrors } from '../user-errors.js';
import { AuthLayout } from './auth-layout.js';
import { FormMessage, focusFirstInvalid, PasswordField, TextField } from './form-controls.js';

const RegisterPage_RegisterMutation = graphql(`
  mutation RegisterPage_RegisterMutation($input: RegisterInput!) {
    register(input: $input) {
      viewer {
        id
        locale
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const FIELDS = ['email', 'password', 'displayName', 'phone'] as const;
type Field = (typeof FIELDS)[number];

export function RegisterPage() {
  const { t } = useTranslation();
  const locale = useApiLocale();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'), paths.home.getHref());
  const { viewer, loading: viewerLoading } = useViewer();
  const [register, { loading }] = useMutation(RegisterPage_RegisterMutation);
  const finishSignIn = useFinishSignIn();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({
    email: '',
    password: '',
    displayName: '',
    phone: '',
  });
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const [formProblem, setFormProblem] = useState<AccountProblem | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(formRef.current);
  }, [attempt]);

  if (viewerLoading) return <LoadingState />;
  if (viewer && !done) return <Navigate to={next} replace />;

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setFormProblem(null);
    setFailed(false);
    const local = validateRegistration(values);
    setProblems(local);
    if (hasProblems(local)) {
      setAttempt((n) => n + 1);
      return;
    }
    try {
      const { data } = await register({
        variables: {
          input: {
            email: values.email,
            password: values.password,
            displayName: values.displayName,
            phone: values.phone.trim() || null,
            // Emails and the UI default follow the language the shopper registers in.
            locale,
            cartToken: cartTokenStore.get(),
          },
        },
      });
      const payload = data?.register;
      if (!payload) throw new Error('register returned no data');
      if (payload.viewer) {
        setDone(true);
        await finishSignIn(payload.viewer, next);
        return;
      }
      const { byField, general } = splitUserErrors(payload.userErrors, FIELDS);
      const mapped: FieldProblems<Field> = { ...byField };
      if (byField.password?.code === 'WEAK_PASSWORD') {
        mapped.password = explainWeakPassword(values.password, values.email);
      }
      setProblems(mapped);
      setFormProblem(general[0] ?? null);
      setAttempt((n) => n + 1);
    } catch {
      setDone(false);
      setFailed(true);
    }
  };

  const error = (field: Field) => (problems[field] ? accountErrorText(t, problems[field]) : null);

  return (
    <AuthLayout
      title={t('accounts.register.title')}
      intro={t('accounts.register.intro')}
      footer={
        <p>
          {t('accounts.register.haveAccount')}{' '}
          <Link to={paths.signIn.getHref(params.get('next'))}>{t('accounts.register.signInLink')}</Link>
        </p>
      }
    >
      <form ref={formRef} className="form" onSubmit={submit} noValidate data-testid="register-form">
        {formProblem && <FormMessage tone="error">{accountErrorText(t, formProblem)}</FormMessage>}
        {failed && <FormMessage tone="error">{t('accounts.errors.unknown')}</FormMessage>}
        <TextField
          name="email"
          type="email"
          label={t('accounts.fields.email')}
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="off"
          value={values.email}
          onChange={set('email')}
          error={error('email')}
        />
        {problems.email?.code === 'EMAIL_TAKEN' && (
          <p className="auth-card__links">
            <Link to={paths.signIn.getHref(params.get('next'))}>{t('accounts.register.signInLink')}</Link>
            <Link to={paths.forgotPassword.getHref()}>{t('accounts.signIn.forgotPassword')}</Link>
          </p>
        )}
        <PasswordField
          name="password"
          label={t('accounts.fields.password')}
          autoComplete="new-password"
          hint={t('accounts.fields.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          value={values.password}
          onChange={set('password')}
          error={error('password')}
        />
        <TextField
          name="displayName"
          label={t('accounts.fields.displayName')}
          autoComplete="nickname"
          hint={t('accounts.fields.displayNameHint', { max: MAX_DISPLAY_NAME_LENGTH })}
          value={values.displayName}
          onChange={set('displayName')}
          error={error('displayName')}
        />
        <TextField
          name="phone"
          type="tel"
          label={t('accounts.fields.phone')}
          optional
          autoComplete="tel"
          inputMode="tel"
          hint={t('accounts.fields.phoneHint')}
          value={values.phone}
          onChange={set('phone')}
          error={error('phone')}
        />
        <Button type="submit" size="lg" isLoading={loading || done}>
          {loading || done ? t('accounts.register.submitting') : t('accounts.register.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
