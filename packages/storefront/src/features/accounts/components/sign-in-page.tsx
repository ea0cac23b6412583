import { useMutation } from '@apollo/client/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, Navigate, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button } from '../../../components/ui/button.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { graphql } from '../../../gql/gql.js';
import { cartTokenStore } from '../../../lib/cart-token.js';
import { type AccountProblem, accountErrorText } from '../account-errors.js';
import { type FieldProblems, hasProblems, validateSignIn } from '../client-validation.js';
import { safeNextPath } from '../safe-next.js';
import { useFinishSignIn } from '../use-session.js';
import { useViewer } from '../use-viewer.js';
import { splitUserErrors } from '../user-errors.js';
import { AuthLayout } from './auth-layout.js';
import { FormMessage, focusFirstInvalid, PasswordField, TextField } from './form-controls.js';

const SignInPage_LoginMutation = graphql(`
  mutation SignInPage_LoginMutation($input: LoginInput!) {
    login(input: $input) {
      viewer {
        id
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

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'), paths.home.getHref());
  const { viewer, loading: viewerLoading } = useViewer();
  const [login, { loading }] = useMutation(SignInPage_LoginMutation);
  const finishSignIn = useFinishSignIn();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ email: '', password: '' });
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const [formProblem, setFormProblem] = useState<AccountProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(formRef.current);
  }, [attempt]);

  if (viewerLoading) return <LoadingState />;
  // Already signed in (another tab, the back button): go on rather than show a form that does nothing.
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
    const local = validateSignIn(values);
    setProblems(local);
    if (hasProblems(local)) {
      setAttempt((n) => n + 1);
      return;
    }
    try {
      const cartToken = cartTokenStore.get();
      const { data } = await login({ variables: { input: { ...values, cartToken } } });
      const payload = data?.login;
      if (!payload) throw new Error('login returned no data');
      if (payload.viewer) {
        setDone(true);
        await finishSignIn(payload.viewer, next);
        return;
      }
      const { byField, general } = splitUserErrors(payload.userErrors, FIELDS);
      setProblems(byField);
      setFormProblem(general[0] ?? payload.userErrors[0] ?? { code: 'INVALID_CREDENTIALS' });
      setAttempt((n) => n + 1);
    } catch {
      setDone(false);
      setFailed(true);
    }
  };

  const error = (field: Field) => (problems[field] ? accountErrorText(t, problems[field]) : null);

  return (
    <AuthLayout
      title={t('accounts.signIn.title')}
      intro={t('accounts.signIn.intro')}
      footer={
        <p>
          {t('accounts.signIn.noAccount')}{' '}
          <Link to={paths.register.getHref()}>{t('accounts.signIn.registerLink')}</Link>
        </p>
      }
    >
      <form ref={formRef} className="form" onSubmit={submit} noValidate data-testid="sign-in-form">
        {formProblem && <FormMessage tone="error">{accountErrorText(t, formProblem)}</FormMessage>}
        {failed && <FormMessage tone="error">{t('accounts.errors.unknown')}</FormMessage>}
        <TextField
          name="email"
          type="email"
          label={t('accounts.fields.email')}
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="off"
          value={values.email}
          onChange={set('email')}
          error={error('email')}
        />
        <PasswordField
          name="password"
          label={t('accounts.fields.password')}
          autoComplete="current-password"
          value={values.password}
          onChange={set('password')}
          error={error('password')}
        />
        <p className="auth-card__links">
          <Link to={paths.forgotPassword.getHref()}>{t('accounts.signIn.forgotPassword')}</Link>
        </p>
        <Button type="submit" size="lg" isLoading={loading || done}>
          {loading || done ? t('accounts.signIn.submitting') : t('accounts.signIn.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
