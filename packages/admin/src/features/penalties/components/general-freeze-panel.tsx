import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { summarizeError } from '../../../lib/errors';
import { type FieldProblem, freezeProblems, SUBJECT_TYPES, type SubjectType } from '../lib/view';
import { ActiveFreezesQuery, ApplyFreezeMutation, LiftFreezeMutation } from './penalties-api';

type Field = 'subject' | 'reason' | 'endsAt';

/** Admins apply a general freeze (optionally until a date) or lift one; the active freezes are listed. */
export function GeneralFreezePanel() {
  const { t, i18n } = useTranslation();
  const ids = { type: useId(), subject: useId(), reason: useId(), endsAt: useId() };
  const [subjectType, setSubjectType] = useState<SubjectType>('USER');
  const [subject, setSubject] = useState('');
  const [reason, setReason] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, FieldProblem | string>>>({});
  const [notice, setNotice] = useState<'applied' | 'lifted' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const active = useQuery(ActiveFreezesQuery, { notifyOnNetworkStatusChange: true });
  const [apply, applying] = useMutation(ApplyFreezeMutation);
  const [lift, lifting] = useMutation(LiftFreezeMutation);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const problemText = (code: string) =>
    t(`penalties.errors.${code}`, { defaultValue: t('penalties.errors.unknown') });

  const submit = async (action: 'apply' | 'lift', event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setNotice(null);
    setFailure(null);
    const found = freezeProblems({ subject, reason, endsAt: action === 'apply' ? endsAt : '' }, new Date());
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const base = { subjectType, subject: subject.trim(), reason: reason.trim() };
    const result =
      action === 'apply'
        ? (
            await apply({
              variables: { input: { ...base, endsAt: endsAt ? new Date(endsAt).toISOString() : null } },
            }).catch(() => null)
          )?.data?.applyGeneralFreeze
        : (await lift({ variables: { input: base } }).catch(() => null))?.data?.liftGeneralFreeze;
    if (!result) return setFailure('unknown');
    if (result.userErrors.length > 0) {
      const next: Partial<Record<Field, string>> = {};
      for (const e of result.userErrors) {
        const field = e.field?.at(-1) as Field | undefined;
        if (field && ['subject', 'reason', 'endsAt'].includes(field)) next[field] = e.code;
        else setFailure(e.code);
      }
      setProblems(next);
      return;
    }
    setNotice(action === 'apply' ? 'applied' : 'lifted');
    setReason('');
    setEndsAt('');
    void active.refetch();
  };

  const error = (field: Field, id: string) =>
    problems[field] ? (
      <p id={`${id}-error`} className="penalties-field-error">
        {problemText(problems[field] as string)}
      </p>
    ) : null;
  const freezes = active.data?.staffSanctions.nodes ?? [];

  return (
    <section
      className="penalties-panel"
      aria-labelledby={`${ids.type}-title`}
      data-testid="general-freeze-panel"
    >
      <h2 id={`${ids.type}-title`}>{t('penalties.freeze.title')}</h2>
      <p className="penalties-muted">{t('penalties.freeze.intro')}</p>
      <form
        className="penalties-form"
        data-testid="general-freeze-form"
        onSubmit={(e) => void submit('apply', e)}
        noValidate
      >
        {notice && <Alert tone="info">{t(`penalties.freeze.${notice}`)}</Alert>}
        {failure && <Alert tone="error">{problemText(failure)}</Alert>}
        <div className="penalties-form__row">
          <div className="ui-field">
            <label className="ui-field__label" htmlFor={ids.type}>
              {t('penalties.freeze.subjectType')}
            </label>
            <select
              id={ids.type}
              name="freezeSubjectType"
              className="ui-field__input"
              value={subjectType}
              onChange={(e) => setSubjectType(e.target.value as SubjectType)}
            >
              {SUBJECT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`penalties.subjectType.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ui-field penalties-form__grow">
            <label className="ui-field__label" htmlFor={ids.subject}>
              {t('penalties.freeze.subject')}
            </label>
            <input
              id={ids.subject}
              name="freezeSubject"
              className="ui-field__input"
              value={subject}
              autoComplete="off"
              onChange={(e) => setSubject(e.target.value)}
              aria-invalid={problems.subject ? true : undefined}
              aria-describedby={problems.subject ? `${ids.subject}-error` : undefined}
            />
            {error('subject', ids.subject)}
          </div>
        </div>
        <div className="ui-field">
          <label className="ui-field__label" htmlFor={ids.reason}>
            {t('penalties.freeze.reason')}
          </label>
          <textarea
            id={ids.reason}
            name="freezeReason"
            className="ui-field__input"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={problems.reason ? true : undefined}
            aria-describedby={problems.reason ? `${ids.reason}-error` : undefined}
          />
          {error('reason', ids.reason)}
        </div>
        <div className="ui-field">
          <label className="ui-field__label" htmlFor={ids.endsAt}>
            {t('penalties.freeze.endsAt')}
          </label>
          <input
            id={ids.endsAt}
            name="freezeEndsAt"
            type="datetime-local"
            className="ui-field__input"
            value={endsAt}
            onChange={(e) => setEndsAt(e.target.value)}
            aria-invalid={problems.endsAt ? true : undefined}
            aria-describedby={problems.endsAt ? `${ids.endsAt}-error` : undefined}
          />
          {error('endsAt', ids.endsAt)}
        </div>
        <div className="penalties-form__actions">
          <Button type="submit" data-testid="apply-general-freeze" pending={applying.loading}>
            {applying.loading ? t('penalties.freeze.applying') : t('penalties.freeze.apply')}
          </Button>
          <Button
            variant="secondary"
            data-testid="lift-general-freeze"
            pending={lifting.loading}
            onClick={() => void submit('lift')}
          >
            {lifting.loading ? t('penalties.freeze.lifting') : t('penalties.freeze.lift')}
          </Button>
        </div>
      </form>

      <h3>{t('penalties.freeze.active')}</h3>
      {active.error ? (
        <Alert tone="error">
          {summarizeError(active.error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}
        </Alert>
      ) : freezes.length === 0 ? (
        <p className="penalties-muted">
          {active.loading ? t('app.loading') : t('penalties.freeze.noneActive')}
        </p>
      ) : (
        <ul className="penalties-freezes" data-testid="active-freezes">
          {freezes.map((f) => (
            <li
              key={f.id}
              data-testid="active-freeze"
              data-subject={f.subject.handle ?? f.subject.email ?? ''}
            >
              <span>
                <strong>{f.subject.name}</strong> ({t(`penalties.subjectType.${f.subject.type}`)}
                {f.subject.handle ? ` · ${f.subject.handle}` : f.subject.email ? ` · ${f.subject.email}` : ''}
                )
              </span>
              <span className="penalties-muted">
                {f.endsAt
                  ? t('penalties.freeze.until', { date: dateFormat.format(new Date(f.endsAt)) })
                  : t('penalties.freeze.untilLifted')}
                {f.automatic ? ` · ${t('penalties.freeze.automatic')}` : ''}
              </span>
              <span>{f.reason}</span>
              <Button
                variant="ghost"
                aria-label={t('penalties.freeze.liftThis', { name: f.subject.name })}
                onClick={() => {
                  setSubjectType(f.subject.type);
                  setSubject(f.subject.id);
                  document.getElementById(ids.reason)?.focus();
                }}
              >
                {t('penalties.freeze.lift')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
