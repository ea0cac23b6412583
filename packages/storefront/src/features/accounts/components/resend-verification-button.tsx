import { useMutation } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';
import { graphql } from '../../../gql/gql.js';
import { type AccountProblem, accountErrorText } from '../account-errors.js';
import './resend-verification-button.css';

const ResendVerificationButton_ResendMutation = graphql(`
  mutation ResendVerificationButton_ResendMutation {
    resendVerificationEmail {
      sent
      userErrors {
        code
        message
        retryAfterSeconds
      }
    }
  }
`);

/** "Send the link again" with its outcome announced next to it. */
export function ResendVerificationButton({
  email,
  variant = 'secondary',
}: {
  email: string;
  variant?: 'secondary' | 'ghost';
}) {
  const { t, i18n } = useTranslation();
  const [resend, { loading }] = useMutation(ResendVerificationButton_ResendMutation);
  // The banner shows it on any page, home included, whose text lacks the error messages.
  useEffect(() => void i18n.loadParts(['pages']).catch(() => undefined), [i18n]);
  const [outcome, setOutcome] = useState<
    { sent: true } | { problem: AccountProblem } | { failed: true } | null
  >(null);

  const send = async () => {
    setOutcome(null);
    try {
      const { data } = await resend();
      const payload = data?.resendVerificationEmail;
      if (!payload) throw new Error('no data');
      const [problem] = payload.userErrors;
      setOutcome(problem ? { problem } : { sent: true });
    } catch {
      setOutcome({ failed: true });
    }
  };

  return (
    <span className="resend-verification">
      <Button
        variant={variant}
        onClick={() => void send()}
        isLoading={loading}
        data-testid="resend-verification"
      >
        {loading ? t('accounts.verify.resending') : t('accounts.verify.resend')}
      </Button>
      <span role="status" className="resend-verification__status">
        {outcome && 'sent' in outcome && t('accounts.verify.resent', { email })}
        {outcome && 'problem' in outcome && accountErrorText(t, outcome.problem)}
        {outcome && 'failed' in outcome && t('accounts.errors.unknown')}
      </span>
    </span>
  );
}
