import { useMutation } from '@apollo/client/react';
import { isPaymentCaptured } from '@marketplace/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';
import { graphql } from '../../../gql/gql.js';
import type { IssuedOrderKey } from '../order-key-handoff.js';
import { isCodeFieldError, paymentErrorMessage } from '../payment-errors.js';
import { phoneEnding } from '../payment-format.js';

const OtpForm_ConfirmCardPaymentMutation = graphql(`
  mutation OtpForm_ConfirmCardPaymentMutation($input: ConfirmCardPaymentInput!) {
    confirmCardPayment(input: $input) {
      payment {
        id
        status
        failureReason
      }
      orderKeys {
        orderNumber
        key
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const OtpForm_ResendCodeMutation = graphql(`
  mutation OtpForm_ResendCodeMutation($input: ResendCardPaymentCodeInput!) {
    resendCardPaymentCode(input: $input) {
      payment {
        id
        status
      }
      userErrors {
        code
        message
      }
    }
  }
`);

type OtpFormProps = {
  paymentId: string;
  /** Where the code went, masked (`+86 ••• •••• 8000`). */
  phoneHint: string | null;
  onPaid: (keys: readonly IssuedOrderKey[]) => void;
  /** The challenge is over without payment (too many wrong codes, expired, declined): pay again. */
  onFailed: (message: string) => void;
};

/** UnionPay's SMS one-time code: "Enter the code sent to …" → confirmCardPayment. */
export function OtpForm({ paymentId, phoneHint, onPaid, onFailed }: OtpFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, confirmState] = useMutation(OtpForm_ConfirmCardPaymentMutation);
  const [resend, resendState] = useMutation(OtpForm_ResendCodeMutation);
  const running = useRef(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (running.current) return;
    const trimmed = code.replace(/\s/g, '');
    if (!/^\d{4,8}$/.test(trimmed)) {
      setFieldError(t('payments.errors.INVALID_CODE'));
      return;
    }
    running.current = true;
    setFieldError(null);
    setNotice(null);
    try {
      const result = await confirm({ variables: { input: { paymentId, code: trimmed } } });
      const payload = result.data?.confirmCardPayment;
      if (!payload) throw new Error('confirmCardPayment returned no data');
      const [problem] = payload.userErrors;
      if (payload.payment && isPaymentCaptured(payload.payment.status)) {
        onPaid(payload.orderKeys);
      } else if (problem && isCodeFieldError(problem.code)) {
        setFieldError(paymentErrorMessage(t, problem.code));
      } else {
        onFailed(paymentErrorMessage(t, problem?.code ?? 'unknown'));
      }
    } catch {
      setFieldError(t('payments.errors.network'));
    } finally {
      running.current = false;
    }
  };

  const sendAgain = async () => {
    setFieldError(null);
    setNotice(null);
    try {
      const result = await resend({ variables: { input: { paymentId } } });
      const payload = result.data?.resendCardPaymentCode;
      if (!payload) throw new Error('resendCardPaymentCode returned no data');
      const [problem] = payload.userErrors;
      if (problem) onFailed(paymentErrorMessage(t, problem.code));
      else setNotice(t('payments.otp.resent'));
    } catch {
      setFieldError(t('payments.errors.network'));
    }
  };

  const inputId = `${id}-code`;
  const digits = phoneEnding(phoneHint);
  return (
    <form className="otp-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="otp-form__title">
        {t('payments.otp.title')}
      </h3>
      <p className="otp-form__intro">
        {digits
          ? t('payments.otp.intro', { digits })
          : phoneHint
            ? t('payments.otp.introMasked', { phone: phoneHint })
            : t('payments.otp.introNoPhone')}
      </p>
      <label htmlFor={inputId} className="pay-field__label">
        {t('payments.otp.label')}
      </label>
      <input
        id={inputId}
        name="code"
        className="pay-field__input otp-form__input"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={8}
        // biome-ignore lint/a11y/noAutofocus: the code step replaces the Pay button the shopper just pressed
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value)}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? `${id}-error` : undefined}
        data-testid="otp-input"
      />
      {fieldError && (
        <p id={`${id}-error`} className="pay-field__error" role="alert" data-testid="otp-error">
          {fieldError}
        </p>
      )}
      {notice && (
        <p className="otp-form__notice" role="status">
          {notice}
        </p>
      )}
      <div className="otp-form__actions">
        <Button type="submit" size="lg" isLoading={confirmState.loading} data-testid="otp-submit">
          {confirmState.loading ? t('payments.otp.submitting') : t('payments.otp.submit')}
        </Button>
        <Button variant="ghost" isLoading={resendState.loading} onClick={() => void sendAgain()}>
          {t('payments.otp.resend')}
        </Button>
      </div>
    </form>
  );
}
