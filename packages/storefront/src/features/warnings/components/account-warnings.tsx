import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';
import { graphql } from '../../../gql/gql.js';
import { useLocale } from '../../../lib/locale.js';
import './account-warnings.css';

const MAX_NOTE = 2000;

const AccountWarnings_Query = graphql(`
  query AccountWarnings_Query {
    myViolations(first: 20, openOnly: true) {
      nodes {
        id
        status
        evidence
        correctionDueAt
        correctionRequestedAt
        rule {
          id
          titleEn
          titleZh
        }
      }
    }
  }
`);

const AccountWarnings_RequestCorrection = graphql(`
  mutation AccountWarnings_RequestCorrection($input: ViolationCorrectionInput!) {
    requestViolationCorrection(input: $input) {
      violation {
        id
        status
        correctionRequestedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

type ErrorKey = 'REASON_REQUIRED' | 'TOO_LONG' | 'VIOLATION_NOT_FOUND' | 'INVALID_STATUS' | 'unknown';

/** The shopper's open warnings with their deadlines and an "I corrected it" form; nothing when there is none. */
export function AccountWarnings() {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, refetch } = useQuery(AccountWarnings_Query);
  const warnings = data?.myViolations.nodes ?? [];
  if (warnings.length === 0) return null;
  return (
    <section className="account-warnings" aria-labelledby={headingId} data-testid="account-warnings">
      <h2 id={headingId} className="account-warnings__title">
        {t('warnings.title')}
      </h2>
      <p className="account-warnings__text">{t('warnings.intro')}</p>
      <ul className="account-warnings__list">
        {warnings.map((w) => (
          <Warning key={w.id} warning={w} onChanged={() => void refetch()} />
        ))}
      </ul>
    </section>
  );
}

function Warning({
  warning,
  onChanged,
}: {
  warning: {
    id: string;
    status: string;
    evidence: string;
    correctionDueAt: unknown;
    correctionRequestedAt?: unknown;
    rule: { titleEn: string; titleZh: string };
  };
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<ErrorKey | null>(null);
  const [sent, setSent] = useState(false);
  const [request, requesting] = useMutation(AccountWarnings_RequestCorrection);
  const date = (value: unknown) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(String(value)),
    );

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = note.trim();
    if (!trimmed) return setProblem('REASON_REQUIRED');
    if (trimmed.length > MAX_NOTE) return setProblem('TOO_LONG');
    setProblem(null);
    const result = await request({ variables: { input: { violationId: warning.id, note: trimmed } } }).catch(
      () => null,
    );
    const answer = result?.data?.requestViolationCorrection;
    if (!answer) return setProblem('unknown');
    const code = answer.userErrors[0]?.code;
    if (code)
      return setProblem(
        (['REASON_REQUIRED', 'TOO_LONG', 'VIOLATION_NOT_FOUND', 'INVALID_STATUS'] as const).find(
          (k) => k === code,
        ) ?? 'unknown',
      );
    setSent(true);
    setNote('');
    onChanged();
  };

  return (
    <li className="account-warnings__item" data-testid="account-warning" data-status={warning.status}>
      <strong>{locale === 'zh-TW' ? warning.rule.titleZh : warning.rule.titleEn}</strong>
      <span className="account-warnings__muted">
        {t('warnings.due', { date: date(warning.correctionDueAt) })}
      </span>
      <span className="account-warnings__evidence">{warning.evidence}</span>
      {sent && (
        <p className="account-warnings__notice" role="status">
          {t('warnings.sent')}
        </p>
      )}
      {warning.status === 'CORRECTION_REQUESTED' ? (
        <span className="account-warnings__muted">
          {t('warnings.reported', { date: date(warning.correctionRequestedAt) })}
        </span>
      ) : (
        <form className="account-warnings__form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <label className="account-warnings__label" htmlFor={noteId}>
            {t('warnings.note')}
          </label>
          <textarea
            id={noteId}
            name="correctionNote"
            className="account-warnings__input"
            rows={2}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setProblem(null);
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${noteId}-error` : undefined}
          />
          {problem && (
            <p id={`${noteId}-error`} className="account-warnings__error" role="alert">
              {t(`warnings.errors.${problem}`)}
            </p>
          )}
          <Button
            type="submit"
            variant="secondary"
            isLoading={requesting.loading}
            data-testid="request-violation-correction"
          >
            {t('warnings.submit')}
          </Button>
        </form>
      )}
    </li>
  );
}
