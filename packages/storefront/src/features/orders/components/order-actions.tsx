import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';
import { graphql } from '../../../gql/gql.js';

const OrderActions_CancelOrderMutation = graphql(`
  mutation OrderActions_CancelOrderMutation($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      order {
        id
        status
        viewerCanCancel
        viewerCanRequestCancellation
        viewerCanConfirmReceipt
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const OrderActions_RequestCancellationMutation = graphql(`
  mutation OrderActions_RequestCancellationMutation($input: RequestOrderCancellationInput!) {
    requestOrderCancellation(input: $input) {
      order {
        id
        status
        viewerCanCancel
        viewerCanRequestCancellation
        viewerCanConfirmReceipt
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const OrderActions_ConfirmReceiptMutation = graphql(`
  mutation OrderActions_ConfirmReceiptMutation($input: ConfirmReceiptInput!) {
    confirmReceipt(input: $input) {
      order {
        id
        status
        viewerCanCancel
        viewerCanRequestCancellation
        viewerCanConfirmReceipt
      }
      userErrors {
        code
        message
      }
    }
  }
`);

type ErrorCode = 'ORDER_NOT_FOUND' | 'INVALID_TRANSITION' | 'INVALID_REASON' | 'ALREADY_REQUESTED';
const KNOWN: readonly string[] = [
  'ORDER_NOT_FOUND',
  'INVALID_TRANSITION',
  'INVALID_REASON',
  'ALREADY_REQUESTED',
];

type OrderActionsProps = {
  orderId: string;
  canCancel: boolean;
  canRequestCancellation: boolean;
  canConfirmReceipt: boolean;
  /** Called after a change so the page shows the order's new state and timeline. */
  onChanged: () => Promise<unknown>;
};

/** Cancel / request cancellation / confirm receipt, offered only when the API says the viewer can. */
export function OrderActions({
  orderId,
  canCancel,
  canRequestCancellation,
  canConfirmReceipt,
  onChanged,
}: OrderActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancel, cancelState] = useMutation(OrderActions_CancelOrderMutation);
  const [request, requestState] = useMutation(OrderActions_RequestCancellationMutation);
  const [confirm, confirmState] = useMutation(OrderActions_ConfirmReceiptMutation);

  const explain = (errors: readonly { code: string; message: string }[]) => {
    const [first] = errors;
    if (!first) return null;
    return KNOWN.includes(first.code) ? t(`orders.detail.errors.${first.code as ErrorCode}`) : first.message;
  };

  const run = async (
    action: () => Promise<{ userErrors: readonly { code: string; message: string }[] } | undefined>,
    done: string,
  ) => {
    setError(null);
    setNotice(null);
    try {
      const payload = await action();
      if (!payload) throw new Error('no payload');
      const problem = explain(payload.userErrors);
      if (problem) setError(problem);
      else setNotice(done);
      setConfirming(false);
      await onChanged();
    } catch {
      setError(t('orders.detail.errors.unknown'));
    }
  };

  const submitRequest = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(
      async () =>
        (await request({ variables: { input: { orderId, reason } } })).data?.requestOrderCancellation,
      '',
    );
  };

  if (!canCancel && !canRequestCancellation && !canConfirmReceipt && !error && !notice) return null;
  return (
    <section className="order-card order-actions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="order-card__title">
        {t('orders.detail.actionsTitle')}
      </h2>
      {error && (
        <p className="order-actions__error" role="alert" data-testid="order-action-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="order-actions__notice" role="status">
          {notice}
        </p>
      )}
      {canCancel &&
        (confirming ? (
          <div className="order-actions__confirm">
            <p id={`${id}-confirm`}>{t('orders.detail.cancelConfirm')}</p>
            <div className="order-actions__buttons">
              <Button
                data-testid="confirm-cancel"
                isLoading={cancelState.loading}
                onClick={() =>
                  void run(
                    async () => (await cancel({ variables: { input: { orderId } } })).data?.cancelOrder,
                    t('orders.detail.cancelled'),
                  )
                }
              >
                {t('orders.detail.confirmCancel')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('orders.detail.keepOrder')}
              </Button>
            </div>
          </div>
        ) : (
          <Button variant="secondary" data-testid="cancel-order" onClick={() => setConfirming(true)}>
            {t('orders.detail.cancel')}
          </Button>
        ))}
      {canRequestCancellation && (
        <form className="order-actions__request" onSubmit={submitRequest} noValidate>
          <p>{t('orders.detail.requestIntro')}</p>
          <label htmlFor={`${id}-reason`} className="order-actions__label">
            {t('orders.detail.reasonLabel')}
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            className="order-actions__reason"
            rows={3}
            maxLength={500}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button
            type="submit"
            variant="secondary"
            data-testid="request-cancellation"
            isLoading={requestState.loading}
          >
            {t('orders.detail.sendRequest')}
          </Button>
        </form>
      )}
      {canConfirmReceipt && (
        <div className="order-actions__confirm">
          <p>{t('orders.detail.confirmReceiptText')}</p>
          <Button
            data-testid="confirm-receipt"
            isLoading={confirmState.loading}
            onClick={() =>
              void run(
                async () => (await confirm({ variables: { input: { orderId } } })).data?.confirmReceipt,
                t('orders.detail.confirmedReceipt'),
              )
            }
          >
            {t('orders.detail.confirmReceipt')}
          </Button>
        </div>
      )}
    </section>
  );
}
