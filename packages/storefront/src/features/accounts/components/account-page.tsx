import { MAX_DISPLAY_NAME_LENGTH } from '@marketplace/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import type { Locale as ApiLocale } from '../../../gql/graphql.js';
import { accountErrorText } from '../account-errors.js';
import { type FieldProblems, hasProblems, validateProfile } from '../client-validation.js';
import { fromApiLocale } from '../use-session.js';
import { splitUserErrors } from '../user-errors.js';
import { AccountLayout } from './account-layout.js';
import { focusFirstInvalid, SelectField, TextField } from './form-controls.js';
import { ResendVerificationButton } from './resend-verification-button.js';

const AccountPage_ProfileQuery = graphql(`
  query AccountPage_ProfileQuery {
    viewer {
      id
      email
      displayName
      phone
      emailVerified
      locale
    }
  }
`);

const AccountPage_UpdateProfileMutation = graphql(`
  mutation AccountPage_UpdateProfileMutation($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      viewer {
        id
        displayName
        phone
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const AccountPage_SetLocaleMutation = graphql(`
  mutation AccountPage_SetLocaleMutation($locale: Locale!) {
    setPreferredLocale(locale: $locale) {
      viewer {
        id
        locale
      }
    }
  }
`);

const LANGUAGES: { value: ApiLocale; name: string; lang: string }[] = [
  { value: 'EN', name: 'English', lang: 'en' },
  { value: 'ZH_TW', name: '繁體中文', lang: 'zh-TW' },
];

type Viewer = {
  email: string;
  displayName: string;
  phone: string | null;
  emailVerified: boolean;
  locale: ApiLocale;
};

/** `children`: more account panels composed by the route (e.g. warnings), shown below the profile. */
export function AccountPage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AccountLayout title={t('accounts.account.title')}>
      <AccountContent />
      {children}
    </AccountLayout>
  );
}

function AccountContent() {
  const { data, error, refetch } = useQuery(AccountPage_ProfileQuery);
  if (!data) return error ? <ErrorState onRetry={() => void refetch()} /> : <LoadingState />;
  if (!data.viewer) return null;
  return (
    <>
      <ProfileSection viewer={data.viewer} />
      <LanguageSection current={data.viewer.locale} />
    </>
  );
}

const PROFILE_FIELDS = ['displayName', 'phone'] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

function ProfileSection({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const [update, { loading }] = useMutation(AccountPage_UpdateProfileMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ displayName: viewer.displayName, phone: viewer.phone ?? '' });
  const [problems, setProblems] = useState<FieldProblems<ProfileField>>({});
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');

  const set = (field: ProfileField) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
    setStatus('idle');
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setStatus('idle');
    const local = validateProfile(values);
    setProblems(local);
    if (hasProblems(local)) {
      queueMicrotask(() => focusFirstInvalid(formRef.current));
      return;
    }
    try {
      const { data } = await update({
        variables: { input: { displayName: values.displayName, phone: values.phone.trim() || null } },
      });
      const payload = data?.updateProfile;
      if (!payload) throw new Error('no data');
      if (payload.viewer) {
        setValues({ displayName: payload.viewer.displayName, phone: payload.viewer.phone ?? '' });
        setStatus('saved');
        return;
      }
      setProblems(splitUserErrors(payload.userErrors, PROFILE_FIELDS).byField);
      queueMicrotask(() => focusFirstInvalid(formRef.current));
    } catch {
      setStatus('failed');
    }
  };

  const error = (field: ProfileField) => (problems[field] ? accountErrorText(t, problems[field]) : null);

  return (
    <section className="account-section" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('accounts.account.profileTitle')}</h2>
      <dl className="account-email">
        <dt>{t('accounts.account.email')}</dt>
        <dd>{viewer.email}</dd>
        <dd>
          {viewer.emailVerified ? (
            <span className="status-badge status-badge--ok" data-testid="account-email-verified">
              ✓ {t('accounts.account.verified')}
            </span>
          ) : (
            <span className="status-badge status-badge--warn" data-testid="account-email-unverified">
              {t('accounts.account.unverified')}
            </span>
          )}
        </dd>
      </dl>
      {!viewer.emailVerified && <ResendVerificationButton email={viewer.email} />}
      <form ref={formRef} className="form" onSubmit={submit} noValidate data-testid="profile-form">
        <TextField
          name="displayName"
          label={t('accounts.fields.displayName')}
          autoComplete="nickname"
          hint={t('accounts.fields.displayNameHint', { max: MAX_DISPLAY_NAME_LENGTH })}
          value={values.displayName}
          onChange={set('displayName')}
          error={error('displayName')}
        />
        <TextField
          name="phone"
          type="tel"
          label={t('accounts.fields.phone')}
          optional
          autoComplete="tel"
          inputMode="tel"
          hint={t('accounts.fields.phoneHint')}
          value={values.phone}
          onChange={set('phone')}
          error={error('phone')}
        />
        <div className="form__actions">
          <Button type="submit" isLoading={loading}>
            {loading ? t('accounts.account.saving') : t('accounts.account.save')}
          </Button>
          <span role="status">
            {status === 'saved' && t('accounts.account.saved')}
            {status === 'failed' && t('accounts.errors.unknown')}
          </span>
        </div>
      </form>
    </section>
  );
}

/** Saving the preferred language remembers it on the account (emails) and switches the UI to it. */
function LanguageSection({ current }: { current: ApiLocale }) {
  const { t, i18n } = useTranslation();
  const [save, { loading }] = useMutation(AccountPage_SetLocaleMutation);
  const [choice, setChoice] = useState<ApiLocale>(current);
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setStatus('idle');
    try {
      const { data } = await save({ variables: { locale: choice } });
      if (!data?.setPreferredLocale.viewer) throw new Error('no data');
      const locale = fromApiLocale(data.setPreferredLocale.viewer.locale);
      if (i18n.resolvedLanguage !== locale) await i18n.changeLanguage(locale);
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <section className="account-section" aria-labelledby="language-title">
      <h2 id="language-title">{t('accounts.account.languageTitle')}</h2>
      <form className="form" onSubmit={submit} data-testid="language-form">
        <SelectField
          name="locale"
          label={t('accounts.account.languageLabel')}
          hint={t('accounts.account.languageHint')}
          value={choice}
          onChange={(event) => {
            setChoice(event.target.value === 'ZH_TW' ? 'ZH_TW' : 'EN');
            setStatus('idle');
          }}
        >
          {LANGUAGES.map((language) => (
            <option key={language.value} value={language.value} lang={language.lang}>
              {language.name}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <Button type="submit" variant="secondary" isLoading={loading}>
            {loading ? t('accounts.account.saving') : t('accounts.account.languageSave')}
          </Button>
          <span role="status">
            {status === 'saved' && t('accounts.account.languageSaved')}
            {status === 'failed' && t('accounts.errors.unknown')}
          </span>
        </div>
      </form>
    </section>
  );
}
