import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';

type CouponFieldProps = {
  /** The code the server accepted (null when none applies). */
  applied: string | null;
  /** The server's reason the tried code does not apply, in the UI language. */
  error: string | null;
  busy: boolean;
  onApply: (code: string) => void;
  onRemove: () => void;
};

/** Apply or remove a coupon; the checkout preview decides whether it applies and says why not. */
export function CouponField({ applied, error, busy, onApply, onRemove }: CouponFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (code.trim()) onApply(code.trim());
  };
  return (
    <form className="coupon-field" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-code`} className="field__label">
        {t('orders.checkout.couponLabel')}
      </label>
      <div className="coupon-field__row">
        <input
          id={`${id}-code`}
          className="field__input"
          name="couponCode"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          value={code}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : applied ? `${id}-applied` : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
        <Button
          type="submit"
          variant="secondary"
          data-testid="apply-coupon"
          isLoading={busy}
          disabled={!code.trim()}
        >
          {t('orders.checkout.applyCoupon')}
        </Button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert" data-testid="coupon-error">
          {error}
        </p>
      )}
      {(applied || error) && (
        <p id={`${id}-applied`} className="coupon-field__applied" role="status">
          {applied && !error && <span>{t('orders.checkout.couponApplied', { code: applied })}</span>}{' '}
          <button
            type="button"
            className="link-button"
            data-testid="remove-coupon"
            onClick={() => {
              setCode('');
              onRemove();
            }}
          >
            {t('orders.checkout.removeCoupon')}
          </button>
        </p>
      )}
    </form>
  );
}
