import { useApolloClient } from '@apollo/client/react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import { ButtonLink } from '../../../components/ui/button.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { graphql } from '../../../gql/gql.js';
import type { VerifyEmailErrorCode } from '../../../gql/graphql.js';
import { useViewer } from '../use-viewer.js';
import { AuthLayout } from './auth-layout.js';
import { FormMessage } from './form-controls.js';
import { ResendVerificationButton } from './resend-verification-button.js';

const VerifyEmailPage_VerifyMutation = graphql(`
  mutation VerifyEmailPage_VerifyMutation($token: String!) {
    verifyEmail(token: $token) {
      emailVerified
      viewer {
        id
        emailVerified
      }
      userErrors {
        code
        message
      }
    }
  }
`);

type Outcome = { verified: true } | { verified: false; code: VerifyEmailErrorCode | 'FAILED' };

/**
 * One request per token for the life of the page: the link is single-use, and React may mount the
 * page twice in development or the shopper may come back to it.
 */
const attempts = new Map<string, Promise<Outcome>>();

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const { viewer } = useViewer();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (!token) return;
    let current = true;
    let attempt = attempts.get(token);
    if (!attempt) {
      attempt = client
        .mutate({ mutation: VerifyEmailPage_VerifyMutation, variables: { token } })
        .then(({ data }): Outcome => {
          const payload = data?.verifyEmail;
          if (!payload) return { verified: false, code: 'FAILED' };
          if (payload.emailVerified) return { verified: true };
          return { verified: false, code: payload.userErrors[0]?.code ?? 'INVALID_TOKEN' };
        })
        .catch((): Outcome => {
          attempts.delete(token);
          return { verified: false, code: 'FAILED' };
        });
      attempts.set(token, attempt);
    }
    void attempt.then((result) => {
      if (current) setOutcome(result);
    });
    return () => {
      current = false;
    };
  }, [client, token]);

  const title = t('accounts.verify.title');
  const success = (text: string) => (
    <>
      <FormMessage tone="success" testId="email-verified">
        <p>
          <strong>{t('accounts.verify.successTitle')}</strong>
        </p>
        <p>{text}</p>
      </FormMessage>
      <ButtonLink to={paths.home.getHref()}>{t('accounts.verify.continueShopping')}</ButtonLink>
      {viewer && (
        <ButtonLink to={paths.account.getHref()} variant="secondary">
          {t('accounts.verify.goToAccount')}
        </ButtonLink>
      )}
    </>
  );
  const problem = (heading: string, text: string) => {
    let action: ReactNode;
    if (viewer && !viewer.emailVerified) action = <ResendVerificationButton email={viewer.email} />;
    else if (!viewer) {
      action = (
        <p>
          <Link to={paths.signIn.getHref(paths.account.getHref())}>
            {t('accounts.verify.signInToResend')}
          </Link>
        </p>
      );
    }
    return (
      <>
        <FormMessage tone="error" testId="email-verification-error">
          <p>
            <strong>{heading}</strong>
          </p>
          <p>{text}</p>
        </FormMessage>
        {action}
      </>
    );
  };

  let content: ReactNode;
  if (!token) {
    content = viewer?.emailVerified
      ? success(t('accounts.verify.alreadyVerified'))
      : problem(t('accounts.verify.invalidTitle'), t('accounts.verify.missingToken'));
  } else if (!outcome) {
    content = <LoadingState label={t('accounts.verify.verifying')} />;
  } else if (outcome.verified) {
    content = success(t('accounts.verify.successText'));
  } else if (viewer?.emailVerified) {
    // A used link of an account that is verified anyway (clicked twice, or on two devices).
    content = success(t('accounts.verify.alreadyVerified'));
  } else if (outcome.code === 'EXPIRED_TOKEN') {
    content = problem(t('accounts.verify.expiredTitle'), t('accounts.verify.expiredText'));
  } else if (outcome.code === 'FAILED') {
    content = problem(t('common.errorTitle'), t('common.errorDescription'));
  } else {
    content = problem(t('accounts.verify.invalidTitle'), t('accounts.verify.invalidText'));
  }

  return (
    <AuthLayout title={title}>
      <div className="form">{content}</div>
    </AuthLayout>
  );
}
