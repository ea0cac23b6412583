import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { graphql } from '../../../gql/gql';
import { MAX_NOTE } from '../lib/view';
import './penalties.css';

const MyWarningsQuery = graphql(`
  query MyWarningsPanel_Query {
    myViolations(first: 20, openOnly: true) {
      nodes {
        id
        status
        evidence
        recordedAt
        correctionDueAt
        correctionRequestedAt
        subject {
          type
        }
        rule {
          id
          titleEn
          titleZh
        }
      }
    }
  }
`);

const RequestCorrectionMutation = graphql(`
  mutation MyWarningsPanel_RequestCorrection($input: ViolationCorrectionInput!) {
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

/**
 * The signed-in account's open warnings (its store's and its own), each with its deadline and an
 * "I corrected it" form; platform staff then confirm. Renders nothing when there is no warning.
 */
export function MyWarningsPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, error, refetch } = useQuery(MyWarningsQuery);
  const warnings = data?.myViolations.nodes ?? [];
  if (error || warnings.length === 0) return null;
  return (
    <section className="penalties-panel" aria-labelledby={headingId} data-testid="my-warnings">
      <h2 id={headingId}>{t('penalties.mine.title')}</h2>
      <p className="penalties-muted">{t('penalties.mine.intro')}</p>
      <ul className="penalties-warnings">
        {warnings.map((w) => (
          <WarningItem key={w.id} warning={w} onChanged={() => void refetch()} />
        ))}
      </ul>
    </section>
  );
}

function WarningItem({
  warning,
  onChanged,
}: {
  warning: {
    id: string;
    status: string;
    evidence: string;
    correctionDueAt: unknown;
    correctionRequestedAt?: unknown;
    subject: { type: string };
    rule: { titleEn: string; titleZh: string };
  };
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [request, requesting] = useMutation(RequestCorrectionMutation);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const zh = i18n.language === 'zh-TW';
  const problemText = (code: string) =>
    t(`penalties.errors.${code}`, { defaultValue: t('penalties.errors.unknown') });

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
    if (answer.userErrors.length > 0) return setProblem(answer.userErrors[0]?.code ?? 'unknown');
    setSent(true);
    setNote('');
    onChanged();
  };

  return (
    <li data-testid="my-warning" data-status={warning.status}>
      <strong>{zh ? warning.rule.titleZh : warning.rule.titleEn}</strong>
      <span className="penalties-muted">
        {warning.subject.type === 'MERCHANT'
          ? t('penalties.mine.storeWarning')
          : t('penalties.mine.personalWarning')}
        {' · '}
        {t('penalties.mine.due', { date: dateFormat.format(new Date(String(warning.correctionDueAt))) })}
      </span>
      <span className="penalties-detail__text">{warning.evidence}</span>
      {sent && <Alert tone="info">{t('penalties.mine.sent')}</Alert>}
      {warning.status === 'CORRECTION_REQUESTED' ? (
        <span className="penalties-muted">
          {t('penalties.mine.reported', {
            date: dateFormat.format(new Date(String(warning.correctionRequestedAt))),
          })}
        </span>
      ) : (
        <form className="penalties-form__row" onSubmit={(e) => void onSubmit(e)} noValidate>
          <div className="ui-field penalties-form__grow">
            <label className="ui-field__label" htmlFor={noteId}>
              {t('penalties.mine.note')}
            </label>
            <input
              id={noteId}
              name="correctionNote"
              className="ui-field__input"
              value={note}
              maxLength={MAX_NOTE + 100}
              onChange={(e) => {
                setNote(e.target.value);
                setProblem(null);
              }}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${noteId}-error` : undefined}
            />
            {problem && (
              <p id={`${noteId}-error`} className="penalties-field-error">
                {problemText(problem)}
              </p>
            )}
          </div>
          <Button type="submit" data-testid="request-violation-correction" pending={requesting.loading}>
            {requesting.loading ? t('penalties.mine.submitting') : t('penalties.mine.submit')}
          </Button>
        </form>
      )}
    </li>
  );
}
