import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { WebhookErrorCode, WebhookEventType } from '../../../gql/graphql';
import { hasErrorCode, summarizeError } from '../../../lib/errors';
import { SecretOnce } from '../../../components/ui/secret-once';
import {
  DELIVERY_STATES,
  fieldOf,
  MAX_DESCRIPTION,
  MAX_URL,
  parseWebhooksView,
  type SubscriptionField,
  type SubscriptionForm,
  validateSubscription,
  WEBHOOK_EVENTS,
  type WebhooksView,
  type WebhookEventValue,
  webhooksViewParams,
  wireName,
} from '../lib/view';
import './webhooks.css';

const SubscriptionsQuery = graphql(`
  query WebhooksPage_SubscriptionsQuery {
    webhookSubscriptions(first: 100) {
      totalCount
      nodes {
        id
        url
        description
        events
        active
        platformWide
        secretHint
        createdAt
      }
    }
  }
`);

const DeliveriesQuery = graphql(`
  query WebhooksPage_DeliveriesQuery($subscriptionId: ID!, $first: Int!, $after: String, $filter: WebhookDeliveriesFilter) {
    webhookDeliveries(subscriptionId: $subscriptionId, first: $first, after: $after, filter: $filter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        eventId
        eventType
        state
        attemptCount
        nextAttemptAt
        createdAt
        attempts {
          attempt
          statusCode
          durationMs
          error
        }
      }
    }
  }
`);

const CreateMutation = graphql(`
  mutation WebhooksPage_CreateMutation($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      secret
      subscription {
        id
        url
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const UpdateMutation = graphql(`
  mutation WebhooksPage_UpdateMutation($input: UpdateWebhookSubscriptionInput!) {
    updateWebhookSubscription(input: $input) {
      subscription {
        id
        url
        description
        events
        active
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const DeleteMutation = graphql(`
  mutation WebhooksPage_DeleteMutation($input: DeleteWebhookSubscriptionInput!) {
    deleteWebhookSubscription(input: $input) {
      deletedSubscriptionId
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const ReplayMutation = graphql(`
  mutation WebhooksPage_ReplayMutation($input: ReplayWebhookDeliveryInput!) {
    replayWebhookDelivery(input: $input) {
      delivery {
        id
        state
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const PAGE_SIZE = 25;
const EMPTY_FORM: SubscriptionForm = { url: '', description: '', events: [], active: true };

const isForbidden = (error: unknown) => hasErrorCode(error, 'FORBIDDEN');

/** The signing secret of a new endpoint, shown once. */
function SecretPanel({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <SecretOnce
      secret={secret}
      texts={{
        title: `${t('webhooks.secret.title')} · ${url}`,
        warning: t('webhooks.secret.warning'),
        label: t('webhooks.secret.label'),
        copy: t('webhooks.secret.copy'),
        copied: t('webhooks.secret.copied'),
        copyFailed: t('webhooks.secret.copyFailed'),
        done: t('webhooks.secret.done'),
      }}
      classNames={{
        panel: 'webhooks-panel',
        row: 'webhooks-secret__row',
        value: 'webhooks-secret__value',
        muted: 'webhooks-page__muted',
      }}
      testId="webhook-secret"
      onDone={onDone}
    />
  );
}

/** One subscription's delivery log: state filter, newest first, replay. */
function DeliveryLog({
  view,
  url,
  onView,
  onClose,
}: {
  view: WebhooksView & { subscription: string };
  url: string;
  onView: (next: WebhooksView, keepPages?: boolean) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const { data, loading, error, refetch } = useQuery(DeliveriesQuery, {
    variables: {
      subscriptionId: view.subscription,
      first: PAGE_SIZE,
      after: view.after,
      filter: view.state ? { state: view.state } : null,
    },
    notifyOnNetworkStatusChange: true,
  });
  const [replay, replaying] = useMutation(ReplayMutation);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const log = data?.webhookDeliveries;

  const onReplay = async (deliveryId: string) => {
    setMessage(null);
    try {
      const res = await replay({ variables: { input: { deliveryId } } });
      const payload = res.data?.replayWebhookDelivery;
      const code = payload?.userErrors[0]?.code;
      setMessage(
        code
          ? { tone: 'error', text: t(`webhooks.form.errors.${code}`) }
          : { tone: 'info', text: t('webhooks.deliveries.replayed') },
      );
      void refetch();
    } catch (e) {
      setMessage({
        tone: 'error',
        text: isForbidden(e) ? t('webhooks.form.errors.FORBIDDEN') : t('errors.unexpected'),
      });
    }
  };

  return (
    <section className="webhooks-log" aria-labelledby={`${id}-title`} data-testid="webhook-deliveries">
      <div className="webhooks-log__header">
        <h2 id={`${id}-title`}>{t('webhooks.deliveries.title', { url })}</h2>
        <Button variant="ghost" onClick={onClose}>
          {t('webhooks.deliveries.close')}
        </Button>
      </div>
      <search>
        <form className="webhooks-filters" onSubmit={(e) => e.preventDefault()}>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor={`${id}-state`}>
              {t('webhooks.deliveries.state')}
            </label>
            <select
              id={`${id}-state`}
              name="state"
              className="ui-field__input"
              value={view.state ?? ''}
              onChange={(e) => {
                setPrevious([]);
                onView({ ...view, state: (e.target.value || null) as WebhooksView['state'], after: null });
              }}
            >
              <option value="">{t('webhooks.deliveries.anyState')}</option>
              {DELIVERY_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`webhooks.states.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </form>
      </search>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {error ? (
        <StatusPanel
          tone="error"
          title={t('errors.title')}
          actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
        >
          <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
        </StatusPanel>
      ) : !data && loading ? (
        <LoadingState label={t('webhooks.deliveries.loading')} />
      ) : data && !log ? (
        <StatusPanel title={t('webhooks.deliveries.emptyTitle')}>
          <p>{t('webhooks.deliveries.notFound')}</p>
        </StatusPanel>
      ) : log && log.nodes.length === 0 ? (
        <StatusPanel title={t('webhooks.deliveries.emptyTitle')}>
          <p>{t('webhooks.deliveries.emptyBody')}</p>
        </StatusPanel>
      ) : log ? (
        <>
          <div className="webhooks-table-wrap">
            <table
              className="webhooks-table"
              data-testid="webhook-deliveries-table"
              aria-busy={loading || undefined}
            >
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.deliveries.columns.event')}</th>
                  <th scope="col">{t('webhooks.deliveries.columns.eventId')}</th>
                  <th scope="col">{t('webhooks.deliveries.columns.state')}</th>
                  <th scope="col">{t('webhooks.deliveries.columns.attempts')}</th>
                  <th scope="col">{t('webhooks.deliveries.columns.codes')}</th>
                  <th scope="col">{t('webhooks.deliveries.columns.duration')}</th>
                  <th scope="col">{t('webhooks.deliveries.columns.nextRetry')}</th>
                  <th scope="col">{t('webhooks.deliveries.columns.createdAt')}</th>
                  <th scope="col">{t('webhooks.deliveries.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {log.nodes.map((d) => {
                  const last = d.attempts.at(-1);
                  return (
                    <tr
                      key={d.id}
                      data-testid="webhook-deliveries-row"
                      data-state={d.state}
                      data-event-id={d.eventId}
                    >
                      <td>
                        <code>{wireName(d.eventType)}</code>
                      </td>
                      <td>
                        <code>{d.eventId}</code>
                      </td>
                      <td>
                        <span className={`webhook-state webhook-state--${d.state.toLowerCase()}`}>
                          {t(`webhooks.states.${d.state}`)}
                        </span>
                      </td>
                      <td>{d.attemptCount}</td>
                      <td>
                        {d.attempts
                          .map((a) =>
                            a.statusCode === null
                              ? (a.error ?? t('webhooks.deliveries.networkError'))
                              : a.statusCode,
                          )
                          .join(', ')}
                      </td>
                      <td>{last ? `${last.durationMs} ms` : '—'}</td>
                      <td className="webhooks-table__nowrap">
                        {d.nextAttemptAt ? dateFormat.format(new Date(d.nextAttemptAt)) : '—'}
                      </td>
                      <td className="webhooks-table__nowrap">{dateFormat.format(new Date(d.createdAt))}</td>
                      <td>
                        {d.state !== 'PENDING' && (
                          <Button
                            variant="secondary"
                            pending={replaying.loading}
                            data-testid="webhook-replay"
                            aria-label={t('webhooks.deliveries.replayLabel', { id: d.eventId })}
                            onClick={() => void onReplay(d.id)}
                          >
                            {t('webhooks.deliveries.replay')}
                          </Button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav className="webhooks-pager" aria-label={t('webhooks.deliveries.title', { url })}>
            <Button
              variant="secondary"
              disabled={previous.length === 0 || loading}
              onClick={() => {
                const before = previous.at(-1) ?? null;
                setPrevious((p) => p.slice(0, -1));
                onView({ ...view, after: before }, true);
              }}
            >
              {t('webhooks.deliveries.previousPage')}
            </Button>
            <Button
              variant="secondary"
              disabled={!log.pageInfo.hasNextPage || loading}
              onClick={() => {
                setPrevious((p) => [...p, view.after]);
                onView({ ...view, after: log.pageInfo.endCursor ?? null }, true);
              }}
            >
              {t('webhooks.deliveries.nextPage')}
            </Button>
          </nav>
        </>
      ) : null}
    </section>
  );
}

/** Webhook endpoints of the viewer's store (merchant staff) or of the platform (admins), with their delivery logs. */
export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseWebhooksView(params), [params]);
  const formId = useId();
  const [form, setForm] = useState<SubscriptionForm>(EMPTY_FORM);
  const [editing, setEditing] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SubscriptionField, string>>>({});
  const [formMessage, setFormMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [confirming, setConfirming] = useState<{ id: string; url: string } | null>(null);
  const [deleteMessage, setDeleteMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const confirmRef = useRef<HTMLElement>(null);
  const formRef = useRef<HTMLElement>(null);

  const { data, loading, error, refetch } = useQuery(SubscriptionsQuery, {
    notifyOnNetworkStatusChange: true,
  });
  const [create, creating] = useMutation(CreateMutation);
  const [update, updating] = useMutation(UpdateMutation);
  const [remove, removing] = useMutation(DeleteMutation);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const go = (next: WebhooksView) => setParams(webhooksViewParams(next));
  const list = data?.webhookSubscriptions;
  const open = view.subscription ? list?.nodes.find((s) => s.id === view.subscription) : undefined;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  const errorText = (code: WebhookErrorCode | 'FORBIDDEN') => t(`webhooks.form.errors.${code}`);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormMessage(null);
    const local = validateSubscription(form);
    setFieldErrors(Object.fromEntries(Object.entries(local).map(([f, code]) => [f, errorText(code)])));
    if (Object.keys(local).length) return;
    const fields = {
      url: form.url.trim(),
      description: form.description.trim(),
      events: form.events as WebhookEventType[],
      active: form.active,
    };
    try {
      const payload = editing
        ? (await update({ variables: { input: { subscriptionId: editing, ...fields } } })).data
            ?.updateWebhookSubscription
        : (await create({ variables: { input: fields } })).data?.createWebhookSubscription;
      if (!payload) return;
      if (payload.userErrors.length) {
        const byField: Partial<Record<SubscriptionField, string>> = {};
        for (const e of payload.userErrors) {
          const f = fieldOf(e.field);
          if (f) byField[f] = errorText(e.code);
          else setFormMessage({ tone: 'error', text: errorText(e.code) });
        }
        setFieldErrors(byField);
        return;
      }
      if ('secret' in payload && payload.secret && payload.subscription) {
        setCreated({ url: payload.subscription.url, secret: payload.secret });
      } else {
        setFormMessage({ tone: 'info', text: t('webhooks.form.saved') });
      }
      setForm(EMPTY_FORM);
      setEditing(null);
      setFieldErrors({});
      void refetch();
    } catch (e) {
      setFormMessage({
        tone: 'error',
        text: isForbidden(e)
          ? errorText('FORBIDDEN')
          : summarizeError(e).kind === 'network'
            ? t('errors.network')
            : t('errors.unexpected'),
      });
    }
  };

  const onDelete = async () => {
    if (!confirming) return;
    try {
      const res = await remove({ variables: { input: { subscriptionId: confirming.id } } });
      const code = res.data?.deleteWebhookSubscription.userErrors[0]?.code;
      setDeleteMessage(
        code ? { tone: 'error', text: errorText(code) } : { tone: 'info', text: t('webhooks.delete.done') },
      );
      if (view.subscription === confirming.id) go({ subscription: null, state: null, after: null });
      if (editing === confirming.id) {
        setEditing(null);
        setForm(EMPTY_FORM);
      }
      void refetch();
    } catch (e) {
      setDeleteMessage({
        tone: 'error',
        text: isForbidden(e) ? errorText('FORBIDDEN') : t('errors.unexpected'),
      });
    }
    setConfirming(null);
  };

  const toggleEvent = (event: WebhookEventValue, on: boolean) =>
    setForm((f) => ({
      ...f,
      events: on
        ? WEBHOOK_EVENTS.filter((e) => e === event || f.events.includes(e))
        : f.events.filter((e) => e !== event),
    }));

  const title = `${t('webhooks.title')} · ${t('app.name')}`;
  const saving = creating.loading || updating.loading;

  return (
    <div className="webhooks-page">
      <title>{title}</title>
      <header className="webhooks-page__header">
        <h1>{t('webhooks.title')}</h1>
        <p className="webhooks-page__muted">{t('webhooks.intro')}</p>
      </header>

      {created && <SecretPanel url={created.url} secret={created.secret} onDone={() => setCreated(null)} />}

      <section ref={formRef} tabIndex={-1} className="webhooks-form" aria-labelledby={`${formId}-title`}>
        <h2 id={`${formId}-title`}>
          {editing ? t('webhooks.form.editTitle') : t('webhooks.form.createTitle')}
        </h2>
        <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="webhook-form">
          {formMessage && <Alert tone={formMessage.tone}>{formMessage.text}</Alert>}
          <TextField
            label={t('webhooks.form.url')}
            name="url"
            type="url"
            inputMode="url"
            value={form.url}
            maxLength={MAX_URL}
            required
            aria-invalid={fieldErrors.url ? true : undefined}
            aria-describedby={`${formId}-url-hint ${formId}-url-error`}
            onChange={(e) => setForm({ ...form, url: e.target.value })}
          />
          <p id={`${formId}-url-hint`} className="webhooks-page__muted">
            {t('webhooks.form.urlHint')}
          </p>
          {fieldErrors.url && (
            <p id={`${formId}-url-error`} className="webhooks-page__error" data-testid="webhook-error-url">
              {fieldErrors.url}
            </p>
          )}
          <TextField
            label={t('webhooks.form.description')}
            name="description"
            value={form.description}
            maxLength={MAX_DESCRIPTION}
            aria-invalid={fieldErrors.description ? true : undefined}
            onChange={(e) => setForm({ ...form, description: e.target.value })}
          />
          {fieldErrors.description && (
            <p className="webhooks-page__error" data-testid="webhook-error-description">
              {fieldErrors.description}
            </p>
          )}
          <fieldset
            className="webhooks-form__events"
            aria-invalid={fieldErrors.events ? true : undefined}
            aria-describedby={fieldErrors.events ? `${formId}-events-error` : undefined}
          >
            <legend className="ui-field__label">{t('webhooks.form.events')}</legend>
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="webhooks-form__check">
                <input
                  type="checkbox"
                  name="events"
                  value={event}
                  checked={form.events.includes(event)}
                  onChange={(e) => toggleEvent(event, e.target.checked)}
                />
                <span>
                  <code>{wireName(event)}</code> {t(`webhooks.events.${event}`)}
                </span>
              </label>
            ))}
          </fieldset>
          {fieldErrors.events && (
            <p
              id={`${formId}-events-error`}
              className="webhooks-page__error"
              data-testid="webhook-error-events"
            >
              {fieldErrors.events}
            </p>
          )}
          <label className="webhooks-form__check">
            <input
              type="checkbox"
              name="active"
              checked={form.active}
              onChange={(e) => setForm({ ...form, active: e.target.checked })}
            />
            <span>{t('webhooks.form.active')}</span>
          </label>
          <div className="webhooks-form__actions">
            <Button type="submit" pending={saving} data-testid="webhook-submit">
              {saving
                ? t('webhooks.form.saving')
                : editing
                  ? t('webhooks.form.submitEdit')
                  : t('webhooks.form.submitCreate')}
            </Button>
            {editing && (
              <Button
                variant="ghost"
                onClick={() => {
                  setEditing(null);
                  setForm(EMPTY_FORM);
                  setFieldErrors({});
                }}
              >
                {t('webhooks.form.cancel')}
              </Button>
            )}
          </div>
        </form>
      </section>

      {deleteMessage && <Alert tone={deleteMessage.tone}>{deleteMessage.text}</Alert>}

      {confirming && (
        <section
          ref={confirmRef}
          tabIndex={-1}
          className="webhooks-panel"
          data-testid="webhook-delete-confirm"
          aria-labelledby={`${formId}-confirm`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(null);
          }}
        >
          <h2 id={`${formId}-confirm`}>{t('webhooks.delete.confirmTitle', { url: confirming.url })}</h2>
          <p>{t('webhooks.delete.confirmBody')}</p>
          <div className="webhooks-form__actions">
            <Button
              pending={removing.loading}
              onClick={() => void onDelete()}
              data-testid="webhook-delete-confirm-button"
            >
              {removing.loading ? t('webhooks.delete.confirming') : t('webhooks.delete.confirm')}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(null)}>
              {t('webhooks.delete.cancel')}
            </Button>
          </div>
        </section>
      )}

      {error ? (
        <StatusPanel
          tone="error"
          title={t('errors.title')}
          actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
        >
          <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
        </StatusPanel>
      ) : !list && loading ? (
        <LoadingState label={t('webhooks.loading')} />
      ) : list && list.nodes.length === 0 ? (
        <StatusPanel title={t('webhooks.emptyTitle')}>
          <p>{t('webhooks.emptyBody')}</p>
        </StatusPanel>
      ) : list ? (
        <>
          <p className="webhooks-page__muted" aria-live="polite">
            {t('webhooks.count', { count: list.totalCount })}
          </p>
          <div className="webhooks-table-wrap">
            <table className="webhooks-table" data-testid="webhooks-table" aria-busy={loading || undefined}>
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.columns.url')}</th>
                  <th scope="col">{t('webhooks.columns.events')}</th>
                  <th scope="col">{t('webhooks.columns.state')}</th>
                  <th scope="col">{t('webhooks.columns.secret')}</th>
                  <th scope="col">{t('webhooks.columns.created')}</th>
                  <th scope="col">{t('webhooks.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((s) => (
                  <tr
                    key={s.id}
                    data-testid="webhooks-row"
                    data-active={s.active}
                    aria-current={s.id === view.subscription || undefined}
                  >
                    <td>
                      <code className="webhooks-table__url">{s.url}</code>
                      {s.description && <p className="webhooks-page__muted">{s.description}</p>}
                      {s.platformWide && <p className="webhooks-page__muted">{t('webhooks.platformWide')}</p>}
                    </td>
                    <td>
                      <ul className="webhooks-table__events">
                        {s.events.map((e) => (
                          <li key={e}>
                            <code>{wireName(e)}</code>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <span className={`webhook-state webhook-state--${s.active ? 'succeeded' : 'failed'}`}>
                        {s.active ? t('webhooks.active') : t('webhooks.disabled')}
                      </span>
                    </td>
                    <td>
                      <code>…{s.secretHint}</code>
                    </td>
                    <td className="webhooks-table__nowrap">{dateFormat.format(new Date(s.createdAt))}</td>
                    <td>
                      <div className="webhooks-table__actions">
                        <Button
                          variant="secondary"
                          data-testid="webhook-open-deliveries"
                          aria-label={t('webhooks.deliveriesLabel', { url: s.url })}
                          onClick={() => go({ subscription: s.id, state: null, after: null })}
                        >
                          {t('webhooks.deliveriesAction')}
                        </Button>
                        <Button
                          variant="secondary"
                          data-testid="webhook-edit"
                          aria-label={t('webhooks.editLabel', { url: s.url })}
                          onClick={() => {
                            setEditing(s.id);
                            setFieldErrors({});
                            setFormMessage(null);
                            setForm({
                              url: s.url,
                              description: s.description,
                              events: WEBHOOK_EVENTS.filter((e) => s.events.includes(e)),
                              active: s.active,
                            });
                            formRef.current?.focus();
                          }}
                        >
                          {t('webhooks.edit')}
                        </Button>
                        <Button
                          variant="ghost"
                          data-testid="webhook-delete"
                          aria-label={t('webhooks.delete.actionLabel', { url: s.url })}
                          onClick={() => {
                            setDeleteMessage(null);
                            setConfirming({ id: s.id, url: s.url });
                          }}
                        >
                          {t('webhooks.delete.action')}
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {view.subscription && open && (
        <DeliveryLog
          key={view.subscription}
          view={{ ...view, subscription: view.subscription }}
          url={open.url}
          onView={(next) => go(next)}
          onClose={() => go({ subscription: null, state: null, after: null })}
        />
      )}
    </div>
  );
}
