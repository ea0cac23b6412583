import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState } from '../../../components/ui/status-panel';
import { summarizeError } from '../../../lib/errors';
import { MAX_NOTE, violationsViewParams } from '../lib/view';
import {
  MarkCorrectedMutation,
  RejectCorrectionMutation,
  SubjectSanctionsQuery,
  ViolationDetailQuery,
} from './penalties-api';

/** One violation beside the list: facts, evidence, the account's correction, confirm or reject it. */
export function ViolationDetail({
  id,
  onClose,
  onChanged,
}: {
  id: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const noteId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { data, loading, error, refetch } = useQuery(ViolationDetailQuery, { variables: { id } });
  const v = data?.staffViolation;
  const sanctions = useQuery(SubjectSanctionsQuery, {
    variables: { filter: v ? { subjectType: v.subject.type, subject: v.subject.id } : null },
    skip: !v,
  });
  const [mark, marking] = useMutation(MarkCorrectedMutation);
  const [reject, rejecting] = useMutation(RejectCorrectionMutation);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const zh = i18n.language === 'zh-TW';
  const problemText = (code: string) =>
    t(`penalties.errors.${code}`, { defaultValue: t('penalties.errors.unknown') });

  useEffect(() => {
    if (v) headingRef.current?.focus();
  }, [v]);

  const act = async (action: 'mark' | 'reject') => {
    setSaved(false);
    const trimmed = note.trim();
    if (trimmed.length > MAX_NOTE) return setProblem('TOO_LONG');
    if (action === 'reject' && !trimmed) return setProblem('REASON_REQUIRED');
    setProblem(null);
    const input = { violationId: id, note: trimmed || null };
    const result =
      action === 'mark'
        ? (await mark({ variables: { input } }).catch(() => null))?.data?.markViolationCorrected
        : (await reject({ variables: { input } }).catch(() => null))?.data?.rejectViolationCorrection;
    if (!result) return setProblem('unknown');
    if (result.userErrors.length > 0) {
      setProblem(result.userErrors[0]?.code ?? 'unknown');
      if (result.userErrors.some((e) => e.code === 'INVALID_STATUS')) void refetch();
      return;
    }
    setNote('');
    setSaved(true);
    void refetch();
    onChanged();
  };

  const open = v && (v.status === 'OPEN' || v.status === 'CORRECTION_REQUESTED');
  const subjectLink =
    v &&
    violationsViewParams({
      subjectType: v.subject.type,
      subject: v.subject.handle ?? v.subject.email ?? v.subject.id,
      ruleId: null,
      status: null,
      from: '',
      to: '',
      after: null,
      selected: null,
    }).toString();

  return (
    <aside className="penalties-detail" aria-labelledby={headingId} data-testid="violation-detail">
      {error ? (
        <Alert tone="error">
          {summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}
        </Alert>
      ) : loading && !v ? (
        <LoadingState label={t('penalties.loading')} />
      ) : !v ? (
        <>
          <h2 id={headingId}>{t('penalties.detail.notFoundTitle')}</h2>
          <p>{t('penalties.detail.notFoundBody')}</p>
          <Button variant="secondary" onClick={onClose}>
            {t('penalties.detail.close')}
          </Button>
        </>
      ) : (
        <>
          <div className="penalties-detail__header">
            <h2 id={headingId} ref={headingRef} tabIndex={-1}>
              {t('penalties.detail.title')}: {zh ? v.rule.titleZh : v.rule.titleEn}
            </h2>
            <Button variant="ghost" onClick={onClose}>
              {t('penalties.detail.close')}
            </Button>
          </div>
          <span
            className={`penalties-status penalties-status--${v.status.toLowerCase()}`}
            data-testid="violation-status"
            data-status={v.status}
          >
            {t(`penalties.status.${v.status}`)}
          </span>
          {saved && <Alert tone="info">{t('penalties.detail.saved')}</Alert>}
          <dl className="penalties-facts">
            <dt>{t('penalties.detail.subject')}</dt>
            <dd>
              {v.subject.name} ({t(`penalties.subjectType.${v.subject.type}`)}
              {v.subject.handle ? ` · ${v.subject.handle}` : v.subject.email ? ` · ${v.subject.email}` : ''})
            </dd>
            <dt>{t('penalties.detail.accountStatus')}</dt>
            <dd data-testid="violation-subject-status">{v.subject.status}</dd>
            <dt>{t('penalties.detail.rule')}</dt>
            <dd>
              {zh ? v.rule.titleZh : v.rule.titleEn} ({v.rule.code})
            </dd>
            <dt>{t('penalties.detail.recorded')}</dt>
            <dd>{dateFormat.format(new Date(v.recordedAt))}</dd>
            <dt>{t('penalties.detail.recordedBy')}</dt>
            <dd>{v.automatic ? t('penalties.detail.platform') : (v.recordedByName ?? '—')}</dd>
            <dt>{t('penalties.detail.due')}</dt>
            <dd>{dateFormat.format(new Date(v.correctionDueAt))}</dd>
            {v.repeatOfId && (
              <>
                <dt>{t('penalties.detail.repeatOf')}</dt>
                <dd>
                  <Link to={{ search: new URLSearchParams({ violation: v.repeatOfId }).toString() }}>
                    {t('penalties.detail.earlier')}
                  </Link>
                </dd>
              </>
            )}
            {v.correctedAt && (
              <>
                <dt>{t('penalties.detail.correctedAt')}</dt>
                <dd>{dateFormat.format(new Date(v.correctedAt))}</dd>
                <dt>{t('penalties.detail.correctedBy')}</dt>
                <dd>{v.correctedByName ?? '—'}</dd>
              </>
            )}
          </dl>
          <h3 className="penalties-detail__subheading">{t('penalties.detail.evidence')}</h3>
          <p className="penalties-detail__text">{v.evidence}</p>
          {v.attachments.length > 0 && (
            <>
              <h3 className="penalties-detail__subheading">{t('penalties.detail.attachments')}</h3>
              <ul className="penalties-attachments">
                {v.attachments.map((a, index) => (
                  <li key={a.uploadId}>
                    <a href={a.url} target="_blank" rel="noreferrer">
                      <img
                        src={a.url}
                        alt={t('penalties.detail.attachment', { number: index + 1 })}
                        loading="lazy"
                      />
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {v.note && (
            <>
              <h3 className="penalties-detail__subheading">{t('penalties.detail.note')}</h3>
              <p className="penalties-detail__text">{v.note}</p>
            </>
          )}
          {v.correctionNote && (
            <>
              <h3 className="penalties-detail__subheading">{t('penalties.detail.correctionNote')}</h3>
              <p className="penalties-detail__text">{v.correctionNote}</p>
            </>
          )}
          {open && (
            <div className="penalties-form">
              {problem && problem !== 'TOO_LONG' && problem !== 'REASON_REQUIRED' && (
                <Alert tone="error">{problemText(problem)}</Alert>
              )}
              <div className="ui-field">
                <label className="ui-field__label" htmlFor={noteId}>
                  {t('penalties.detail.staffNote')}
                </label>
                <textarea
                  id={noteId}
                  name="correctionNote"
                  className="ui-field__input"
                  rows={3}
                  value={note}
                  onChange={(e) => {
                    setNote(e.target.value);
                    setProblem(null);
                  }}
                  aria-invalid={problem === 'TOO_LONG' || problem === 'REASON_REQUIRED' ? true : undefined}
                  aria-describedby={
                    problem === 'TOO_LONG' || problem === 'REASON_REQUIRED' ? `${noteId}-error` : undefined
                  }
                />
                {(problem === 'TOO_LONG' || problem === 'REASON_REQUIRED') && (
                  <p id={`${noteId}-error`} className="penalties-field-error">
                    {problemText(problem)}
                  </p>
                )}
              </div>
              <div className="penalties-form__actions">
                <Button
                  data-testid="mark-violation-corrected"
                  pending={marking.loading}
                  onClick={() => void act('mark')}
                >
                  {marking.loading ? t('penalties.detail.marking') : t('penalties.detail.markCorrected')}
                </Button>
                {v.status === 'CORRECTION_REQUESTED' && (
                  <Button
                    variant="secondary"
                    data-testid="reject-violation-correction"
                    pending={rejecting.loading}
                    onClick={() => void act('reject')}
                  >
                    {rejecting.loading ? t('penalties.detail.rejecting') : t('penalties.detail.reject')}
                  </Button>
                )}
              </div>
            </div>
          )}
          <h3 className="penalties-detail__subheading">{t('penalties.detail.sanctions')}</h3>
          {(sanctions.data?.staffSanctions.nodes.length ?? 0) === 0 ? (
            <p className="penalties-muted">
              {sanctions.loading ? t('app.loading') : t('penalties.detail.noSanctions')}
            </p>
          ) : (
            <ul className="penalties-sanctions" data-testid="subject-sanctions">
              {sanctions.data?.staffSanctions.nodes.map((s) => (
                <li key={s.id} data-active={s.active}>
                  <strong>{t(`penalties.sanctionKind.${s.kind}`)}</strong>{' '}
                  {dateFormat.format(new Date(s.startsAt))}
                  {' – '}
                  {s.liftedAt
                    ? dateFormat.format(new Date(s.liftedAt))
                    : s.endsAt
                      ? t('penalties.freeze.until', { date: dateFormat.format(new Date(s.endsAt)) })
                      : t('penalties.freeze.untilLifted')}
                  {s.automatic ? ` · ${t('penalties.freeze.automatic')}` : ''}
                  <br />
                  <span className="penalties-muted">{s.reason}</span>
                </li>
              ))}
            </ul>
          )}
          {subjectLink && <Link to={{ search: subjectLink }}>{t('penalties.detail.showViolations')}</Link>}
        </>
      )}
    </aside>
  );
}
