import { useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';
import type { IssuedOrderKey } from '../order-key-handoff.js';

function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <Button variant="secondary" onClick={() => void copy()} aria-label={label} data-testid="copy-order-key">
        {state === 'copied' ? t('payments.confirmation.copied') : t('payments.confirmation.copy')}
      </Button>
      <span className="order-keys__copy-status" role="status">
        {state === 'failed' ? t('payments.confirmation.copyFailed') : ''}
      </span>
    </>
  );
}

/**
 * The order keys of the consulting services just paid: shown here once (the API keeps only a
 * hash), with a copy button and the warning to keep them.
 */
export function OrderKeys({ keys }: { keys: readonly IssuedOrderKey[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="order-keys" aria-labelledby={`${id}-title`} data-testid="order-keys">
      <h2 id={`${id}-title`} className="order-keys__title">
        {t('payments.confirmation.keysTitle', { count: keys.length })}
      </h2>
      <p className="order-keys__warning" role="note">
        {t('payments.confirmation.keysWarning')}
      </p>
      <ul className="order-keys__list">
        {keys.map(({ orderNumber, key }) => (
          <li key={orderNumber} className="order-keys__item">
            <span className="order-keys__label">
              {t('payments.confirmation.keyFor', { number: orderNumber })}
            </span>
            <div className="order-keys__row">
              <code
                className="order-keys__key"
                data-testid="order-key"
                data-order-number={orderNumber}
                translate="no"
              >
                {key}
              </code>
              <CopyButton
                value={key}
                label={t('payments.confirmation.copyKeyFor', { number: orderNumber })}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
