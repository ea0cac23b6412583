import { useMutation, useQuery } from '@apollo/client/react';
import { CONTACT_LIMITS, type ContactField, checkContactRequest } from '@marketplace/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { Button } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { graphql } from '../../../gql/gql.js';
import type { ContactTopic } from '../../../gql/graphql.js';
import { useApiLocale } from '../../../lib/locale.js';
import { contactErrorMessage, contactFieldOf } from '../contact-errors.js';
import './help.css';

const ContactPage_ViewerQuery = graphql(`
  query ContactPage_ViewerQuery {
    viewer {
      id
      displayName
      email
    }
  }
`);

const ContactPage_SubmitMutation = graphql(`
  mutation ContactPage_SubmitMutation($input: SubmitContactRequestInput!) {
    submitContactRequest(input: $input) {
      contactRequest {
        reference
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const TOPICS: readonly ContactTopic[] = ['ORDER', 'PAYMENT', 'OTHER'];
const FIELD_ORDER: readonly ContactField[] = ['name', 'email', 'orderNumber', 'message'];

type Values = { name: string; email: string; orderNumber: string; topic: ContactTopic; message: string };
type FieldErrors = Partial<Record<ContactField, string>>;

/** The help center's contact form: checked in the browser with the API's own rules, then by the API. */
export function ContactPage() {
  const { t } = useTranslation();
  const id = useId();
  const locale = useApiLocale();
  const viewer = useQuery(ContactPage_ViewerQuery).data?.viewer ?? null;
  const [submit, { loading }] = useMutation(ContactPage_SubmitMutation);
  const [values, setValues] = useState<Values>({
    name: '',
    email: '',
    orderNumber: '',
    topic: 'ORDER',
    message: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState<{ reference: string; email: string } | null>(null);
  const touched = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLHeadingElement>(null);

  // A signed-in shopper does not retype what the account already knows.
  useEffect(() => {
    if (viewer && !touched.current) {
      setValues((v) => ({ ...v, name: v.name || viewer.displayName, email: v.email || viewer.email }));
    }
  }, [viewer]);

  useEffect(() => {
    if (sent) successRef.current?.focus();
  }, [sent]);

  const set = (field: keyof Values) => (value: string) => {
    touched.current = true;
    setValues((v) => ({ ...v, [field]: value }));
  };

  const showErrors = (next: FieldErrors, general: string | null) => {
    setErrors(next);
    setFormError(general);
    // Move to the summary so keyboard and screen-reader users learn what to fix.
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const checked = checkContactRequest(values);
    if (!checked.ok) {
      showErrors(
        Object.fromEntries(checked.error.map((e) => [e.field, contactErrorMessage(t, e.code)])),
        null,
      );
      return;
    }
    try {
      const { data } = await submit({
        variables: {
          input: {
            name: values.name,
            email: values.email,
            orderNumber: values.orderNumber || null,
            topic: values.topic,
            message: values.message,
            locale,
          },
        },
      });
      const payload = data?.submitContactRequest;
      if (!payload) throw new Error('no data');
      if (payload.userErrors.length > 0) {
        const next: FieldErrors = {};
        let general: string | null = null;
        for (const e of payload.userErrors) {
          const field = contactFieldOf(e.field);
          const text = contactErrorMessage(t, e.code, e.message);
          if (field) next[field] = text;
          else general = text;
        }
        showErrors(next, general);
        return;
      }
      if (payload.contactRequest) {
        setSent({ reference: payload.contactRequest.reference, email: checked.value.email });
        setErrors({});
        setFormError(null);
      }
    } catch {
      showErrors({}, t('help.contact.errors.unknown'));
    }
  };

  const title = t('help.contact.title');
  if (sent) {
    return (
      <div className="page help-page contact-page">
        <PageTitle title={title} />
        <section className="contact-success" data-testid="contact-success" aria-labelledby={`${id}-sent`}>
          <h1 id={`${id}-sent`} ref={successRef} tabIndex={-1}>
            {t('help.contact.successTitle')}
          </h1>
          <p data-reference={sent.reference}>
            {t('help.contact.successText', { reference: sent.reference, email: sent.email })}
          </p>
          <div className="contact-success__actions">
            <Button
              variant="secondary"
              onClick={() => {
                setSent(null);
                setValues((v) => ({ ...v, orderNumber: '', message: '' }));
              }}
            >
              {t('help.contact.sendAnother')}
            </Button>
            <Link to={paths.help.getHref()}>{t('help.contact.backToHelp')}</Link>
          </div>
        </section>
      </div>
    );
  }

  const listedErrors = FIELD_ORDER.filter((f) => errors[f]);
  const hasErrors = listedErrors.length > 0 || formError !== null;
  const describe = (field: ContactField, hint?: string) =>
    [hint, errors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: ContactField) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="contact-field__error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <div className="page help-page contact-page">
      <PageTitle title={title} />
      <nav className="breadcrumbs" aria-label={t('help.breadcrumb')}>
        <ol>
          <li>
            <Link to={paths.help.getHref()}>{t('help.title')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <p className="help-page__intro">{t('help.contact.intro')}</p>
      <p className="contact-page__safety">{t('help.contact.safety')}</p>

      <div ref={summaryRef} tabIndex={-1} className="contact-summary" role={hasErrors ? 'alert' : undefined}>
        {hasErrors && (
          <>
            <p className="contact-summary__title">{formError ?? t('help.contact.errorSummary')}</p>
            {listedErrors.length > 0 && (
              <ul>
                {listedErrors.map((f) => (
                  <li key={f}>
                    <a
                      href={`#${id}-${f}`}
                      onClick={(event) => {
                        // Focus the field without a hash navigation through the router.
                        event.preventDefault();
                        document.getElementById(`${id}-${f}`)?.focus();
                      }}
                    >
                      {errors[f]}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>

      <form className="contact-form" onSubmit={onSubmit} noValidate data-testid="contact-form">
        <div className="contact-field">
          <label htmlFor={`${id}-name`}>{t('help.contact.name')}</label>
          <input
            id={`${id}-name`}
            name="name"
            type="text"
            autoComplete="name"
            maxLength={CONTACT_LIMITS.nameMax + 20}
            required
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describe('name')}
          />
          {fieldError('name')}
        </div>
        <div className="contact-field">
          <label htmlFor={`${id}-email`}>{t('help.contact.email')}</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            required
            value={values.email}
            onChange={(e) => set('email')(e.currentTarget.value)}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describe('email', `${id}-email-hint`)}
          />
          <p id={`${id}-email-hint`} className="contact-field__hint">
            {t('help.contact.emailHint')}
          </p>
          {fieldError('email')}
        </div>
        <fieldset className="contact-field contact-form__topics">
          <legend>{t('help.contact.topic')}</legend>
          {TOPICS.map((topic) => (
            <label key={topic} className="contact-form__topic">
              <input
                type="radio"
                name="topic"
                value={topic}
                checked={values.topic === topic}
                onChange={() => set('topic')(topic)}
              />
              <span>{t(`help.contact.topics.${topic}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="contact-field">
          <label htmlFor={`${id}-orderNumber`}>
            {t('help.contact.orderNumber')}{' '}
            <span className="contact-field__optional">({t('help.contact.optional')})</span>
          </label>
          <input
            id={`${id}-orderNumber`}
            name="orderNumber"
            type="text"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            maxLength={40}
            value={values.orderNumber}
            onChange={(e) => set('orderNumber')(e.currentTarget.value)}
            aria-invalid={errors.orderNumber ? true : undefined}
            aria-describedby={describe('orderNumber', `${id}-orderNumber-hint`)}
          />
          <p id={`${id}-orderNumber-hint`} className="contact-field__hint">
            {t('help.contact.orderNumberHint')}
          </p>
          {fieldError('orderNumber')}
        </div>
        <div className="contact-field">
          <label htmlFor={`${id}-message`}>{t('help.contact.message')}</label>
          <textarea
            id={`${id}-message`}
            name="message"
            rows={7}
            required
            maxLength={CONTACT_LIMITS.messageMax + 100}
            value={values.message}
            onChange={(e) => set('message')(e.currentTarget.value)}
            aria-invalid={errors.message ? true : undefined}
            aria-describedby={describe('message', `${id}-message-hint`)}
          />
          <p id={`${id}-message-hint`} className="contact-field__hint">
            {t('help.contact.messageHint', {
              min: CONTACT_LIMITS.messageMin,
              max: CONTACT_LIMITS.messageMax,
            })}
          </p>
          {fieldError('message')}
        </div>
        <div className="contact-form__actions">
          <Button type="submit" size="lg" isLoading={loading} data-testid="contact-submit">
            {loading ? t('help.contact.sending') : t('help.contact.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
