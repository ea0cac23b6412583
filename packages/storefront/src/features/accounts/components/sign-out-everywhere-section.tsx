import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button } from '../../../components/ui/button.js';
import { useTranslation } from '../../../lib/i18n/react.js';
import { signOutEverywhere } from '../sign-out-everywhere.js';
import { FormMessage } from './form-controls.js';
import './sign-out-everywhere-section.css';

/**
 * "Sign out of all devices": asks first in a native modal <dialog> (the browser traps focus,
 * Escape cancels, focus returns to the button), then ends every session of the account.
 */
export function SignOutEverywhereSection() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const confirm = useCallback(async () => {
    setPending(true);
    setFailed(false);
    try {
      await signOutEverywhere(client, async () => {
        setOpen(false);
        await navigate(paths.home.getHref());
      });
    } catch {
      setFailed(true);
      setPending(false);
    }
  }, [client, navigate]);

  return (
    <section className="account-section sign-out-everywhere" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="sign-out-everywhere__heading">
        {t('accounts.password.everywhere.title')}
      </h2>
      <p className="account-section__intro">{t('accounts.password.everywhere.intro')}</p>
      {failed && !open && <FormMessage tone="error">{t('accounts.password.everywhere.failed')}</FormMessage>}
      <Button variant="secondary" data-testid="sign-out-everywhere" onClick={() => setOpen(true)}>
        {t('accounts.password.everywhere.action')}
      </Button>
      <dialog
        ref={dialogRef}
        className="sign-out-everywhere__dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        onClose={() => setOpen(false)}
        onCancel={(event) => {
          if (pending) event.preventDefault();
        }}
      >
        <h2 id={`${id}-title`} className="sign-out-everywhere__title">
          {t('accounts.password.everywhere.confirmTitle')}
        </h2>
        <p id={`${id}-text`}>{t('accounts.password.everywhere.confirmText')}</p>
        {failed && (
          <p className="sign-out-everywhere__error" role="alert">
            {t('accounts.password.everywhere.failed')}
          </p>
        )}
        <div className="sign-out-everywhere__actions">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending} autoFocus>
            {t('accounts.password.everywhere.cancel')}
          </Button>
          <Button
            className="sign-out-everywhere__danger"
            data-testid="confirm-sign-out-everywhere"
            onClick={() => void confirm()}
            isLoading={pending}
          >
            {pending
              ? t('accounts.password.everywhere.submitting')
              : t('accounts.password.everywhere.confirm')}
          </Button>
        </div>
      </dialog>
    </section>
  );
}
