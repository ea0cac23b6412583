import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button, ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale } from '../../../lib/locale.js';
import {
  fieldOfError,
  isMessageErrorCode,
  MESSAGE_BOUNDS,
  type MessageErrorCode,
  messageFormProblems,
} from '../message-format.js';
import './messages.css';

const NewMessagePage_Query = graphql(`
  query NewMessagePage_Query($number: String!, $withOrder: Boolean!, $locale: Locale!) {
    viewer {
      id
    }
    order(number: $number) @include(if: $withOrder) {
      id
      number
      merchant {
        id
        name(locale: $locale)
      }
    }
  }
`);

const NewMessagePage_StartMutation = graphql(`
  mutation NewMessagePage_StartMutation($input: StartConversationInput!) {
    startConversation(input: $input) {
      conversation {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

type Errors = Partial<Record<'subject' | 'body' | 'form', string>>;

/**
 * A new conversation: with customer service (optionally about an order), or with the store of one of the
 * shopper's orders (`?orderId=…&order=<number>&to=store`, linked from the order page).
 */
export function NewMessagePage() {
  const { t } = useTranslation();
  const apiLocale = useApiLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const formId = useId();
  const [params] = useSearchParams();
  const orderNumber = params.get('order')?.trim() ?? '';
  const toStore = params.get('to') === 'store' && orderNumber !== '';
  const result = useQuery(NewMessagePage_Query, {
    variables: { number: orderNumber, withOrder: orderNumber !== '', locale: apiLocale },
    errorPolicy: 'all',
  });
  const [start, startState] = useMutation(NewMessagePage_StartMutation, {
    refetchQueries: ['MessagesPage_Query'],
  });
  const [subject, setSubject] = useState(() =>
    orderNumber ? t('messages.start.defaultSubject', { number: orderNumber }) : '',
  );
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const data = result.data ?? result.previousData;
  if (data && data.viewer === null) {
    return <Navigate to={paths.signIn.getHref(`${location.pathname}${location.search}`)} replace />;
  }
  if (!data) return <LoadingState />;
  const order = data.order ?? null;
  const title = t('messages.start.title');
  const messageOf = (code: MessageErrorCode | 'unknown') => t(`messages.errors.${code}`, MESSAGE_BOUNDS);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = messageFormProblems(subject, body);
    if (problems.subject || problems.body) {
      setErrors({
        subject: problems.subject && messageOf(problems.subject),
        body: problems.body && messageOf(problems.body),
      });
      return;
    }
    setErrors({});
    try {
      const res = await start({
        variables: {
          input: {
            to: toStore ? 'MERCHANT' : 'PLATFORM',
            orderId: order?.id ?? null,
            subject,
            body,
          },
        },
      });
      const payload = res.data?.startConversation;
      if (!payload) throw new Error('no payload');
      if (payload.userErrors.length > 0) {
        const next: Errors = {};
        for (const e of payload.userErrors)
          next[fieldOfError(e.field)] = isMessageErrorCode(e.code) ? messageOf(e.code) : e.message;
        setErrors(next);
        return;
      }
      if (payload.conversation) navigate(paths.conversation.getHref(payload.conversation.id));
    } catch {
      setErrors({ form: messageOf('unknown') });
    }
  };

  let recipient: string;
  if (toStore)
    recipient = order
      ? t('messages.start.toStore', { merchant: order.merchant.name, number: order.number })
      : t('messages.start.toStoreNoName', { number: orderNumber });
  else recipient = t('messages.start.toCustomerService');

  const describedBy = (field: 'subject' | 'body') =>
    `${formId}-${field}-hint${errors[field] ? ` ${formId}-${field}-error` : ''}`;

  return (
    <div className="page new-message-page">
      <Link to={paths.messages.getHref()} className="conversation-page__back">
        ← {t('messages.conversation.back')}
      </Link>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p className="new-message-page__to" data-testid="message-recipient">
        {recipient}
      </p>
      <form
        className="start-form"
        data-testid="start-conversation-form"
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        {errors.form && (
          <p className="reply-form__error" role="alert" data-testid="start-error">
            {errors.form}
          </p>
        )}
        <div className="start-form__field">
          <label htmlFor={`${formId}-subject`}>{t('messages.start.subject')}</label>
          <input
            id={`${formId}-subject`}
            name="subject"
            value={subject}
            maxLength={MESSAGE_BOUNDS.maxSubject}
            onChange={(e) => setSubject(e.target.value)}
            aria-invalid={errors.subject ? true : undefined}
            aria-describedby={describedBy('subject')}
          />
          <p id={`${formId}-subject-hint`} className="reply-form__hint">
            {t('messages.start.subjectHint', { max: MESSAGE_BOUNDS.maxSubject })}
          </p>
          {errors.subject && (
            <p id={`${formId}-subject-error`} className="reply-form__error" role="alert">
              {errors.subject}
            </p>
          )}
        </div>
        <div className="start-form__field">
          <label htmlFor={`${formId}-body`}>{t('messages.start.body')}</label>
          <textarea
            id={`${formId}-body`}
            name="body"
            rows={6}
            value={body}
            maxLength={MESSAGE_BOUNDS.max}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={describedBy('body')}
          />
          <p id={`${formId}-body-hint`} className="reply-form__hint">
            {t('messages.start.bodyHint', MESSAGE_BOUNDS)}
          </p>
          {errors.body && (
            <p id={`${formId}-body-error`} className="reply-form__error" role="alert">
              {errors.body}
            </p>
          )}
        </div>
        <div className="start-form__actions">
          <Button type="submit" isLoading={startState.loading} data-testid="start-submit">
            {startState.loading ? t('messages.start.sending') : t('messages.start.submit')}
          </Button>
          <ButtonLink
            to={orderNumber ? paths.order.getHref(orderNumber) : paths.messages.getHref()}
            variant="ghost"
          >
            {t('messages.start.cancel')}
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}

const OrderMessageLinks_Query = graphql(`
  query OrderMessageLinks_Query($number: String!) {
    order(number: $number) {
      id
      number
    }
  }
`);

/** On the shopper's order page: write to the order's store or to customer service about it. */
export function OrderMessageLinks({ number }: { number: string }) {
  const { t } = useTranslation();
  const id = useId();
  const result = useQuery(OrderMessageLinks_Query, { variables: { number }, errorPolicy: 'ignore' });
  const order = result.data?.order;
  if (!order) return null;
  return (
    <section
      className="order-message-links"
      aria-labelledby={`${id}-title`}
      data-testid="order-message-links"
    >
      <h2 id={`${id}-title`}>{t('messages.orderLinks.title')}</h2>
      <div className="order-message-links__actions">
        <ButtonLink
          variant="secondary"
          to={paths.newMessage.getHref({ orderId: order.id, orderNumber: order.number, to: 'store' })}
          data-testid="message-store"
        >
          {t('messages.orderLinks.store')}
        </ButtonLink>
        <ButtonLink
          variant="ghost"
          to={paths.newMessage.getHref({ orderId: order.id, orderNumber: order.number, to: 'support' })}
          data-testid="message-support"
        >
          {t('messages.orderLinks.support')}
        </ButtonLink>
      </div>
    </section>
  );
}
