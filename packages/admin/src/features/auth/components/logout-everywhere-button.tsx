import { useApolloClient } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../../app/paths';
import { Button } from '../../../components/ui/button';
import { signOutEverywhere } from '../lib/sign-out-everywhere';
import './logout-everywhere-button.css';

/**
 * "Sign out of all devices" in the account actions of the header. Asks first in a native modal
 * <dialog> (focus is trapped, Escape cancels, focus returns to the button), then ends every session.
 */
export function LogoutEverywhereButton() {
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

  const confirm = async () => {
    setPending(true);
    setFailed(false);
    try {
      await signOutEverywhere(client, async () => {
        setOpen(false);
        await navigate(paths.auth.login.getHref(), { replace: true });
      });
    } catch {
      setFailed(true);
      setPending(false);
    }
  };

  return (
    <>
      <Button variant="ghost" data-testid="logout-everywhere" onClick={() => setOpen(true)}>
        {t('auth.logoutEverywhere.open')}
      </Button>
      <dialog
        ref={dialogRef}
        className="logout-everywhere"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        onClose={() => setOpen(false)}
        onCancel={(event) => {
          if (pending) event.preventDefault();
        }}
      >
        <h2 id={`${id}-title`} className="logout-everywhere__title">
          {t('auth.logoutEverywhere.title')}
        </h2>
        <p id={`${id}-text`}>{t('auth.logoutEverywhere.text')}</p>
        {failed && (
          <p className="logout-everywhere__error" role="alert">
            {t('auth.logoutEverywhere.failed')}
          </p>
        )}
        <div className="logout-everywhere__actions">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending} autoFocus>
            {t('auth.logoutEverywhere.cancel')}
          </Button>
          <Button
            className="logout-everywhere__danger"
            data-testid="confirm-logout-everywhere"
            pending={pending}
            onClick={() => void confirm()}
          >
            {pending ? t('auth.logoutEverywhere.submitting') : t('auth.logoutEverywhere.confirm')}
          </Button>
        </div>
      </dialog>
    </>
  );
}
