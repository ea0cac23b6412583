import { useEffect, useId, useRef } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';
import './delete-selected-dialog.css';

type DeleteSelectedDialogProps = {
  open: boolean;
  count: number;
  deleting: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/**
 * Asks before a batch delete. A native modal <dialog>: the browser traps focus, Escape cancels,
 * and focus returns to the button that opened it.
 */
export function DeleteSelectedDialog({
  open,
  count,
  deleting,
  onConfirm,
  onClose,
}: DeleteSelectedDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={onClose}
      onCancel={(event) => {
        if (deleting) event.preventDefault();
      }}
    >
      <h2 id={`${id}-title`} className="confirm-dialog__title">
        {t('cart.confirmDeleteTitle')}
      </h2>
      <p id={`${id}-text`}>{t('cart.confirmDeleteText', { count })}</p>
      <div className="confirm-dialog__actions">
        <Button variant="secondary" onClick={onClose} disabled={deleting} autoFocus>
          {t('cart.cancel')}
        </Button>
        <Button
          className="confirm-dialog__danger"
          data-testid="confirm-delete-selected"
          onClick={onConfirm}
          isLoading={deleting}
        >
          {t('cart.confirmDelete')}
        </Button>
      </div>
    </dialog>
  );
}
