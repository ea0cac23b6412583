import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import {
  type FieldProblem,
  MAX_ATTACHMENTS,
  recordViolationProblems,
  SUBJECT_TYPES,
  type SubjectType,
} from '../lib/view';
import { RecordViolationMutation, uploadEvidence } from './penalties-api';

type Field = 'subject' | 'ruleId' | 'evidence' | 'note' | 'attachmentUploadIds';

export interface RuleOption {
  id: string;
  code: string;
  title: string;
}

/** Platform staff record a violation: subject, rule, evidence text and images, internal note. */
export function RecordViolationForm({
  rules,
  onClose,
  onRecorded,
}: {
  rules: RuleOption[];
  onClose: () => void;
  onRecorded: (violationId: string, frozen: boolean) => void;
}) {
  const { t } = useTranslation();
  const ids = {
    type: useId(),
    subject: useId(),
    rule: useId(),
    evidence: useId(),
    files: useId(),
    note: useId(),
  };
  const [subjectType, setSubjectType] = useState<SubjectType>('USER');
  const [subject, setSubject] = useState('');
  const [ruleId, setRuleId] = useState('');
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<Partial<Record<Field, FieldProblem | string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [record, recording] = useMutation(RecordViolationMutation);

  const problemText = (code: string) =>
    t(`penalties.errors.${code}`, { defaultValue: t('penalties.errors.unknown') });
  const fieldError = (field: Field, id: string) =>
    problems[field] ? (
      <p id={`${id}-error`} className="penalties-field-error">
        {problemText(problems[field] as string)}
      </p>
    ) : null;
  const describedBy = (field: Field, id: string) => (problems[field] ? `${id}-error` : undefined);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const found = recordViolationProblems({ subject, ruleId, evidence, note, attachments: files.length });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setUploading(true);
    const uploadIds: string[] = [];
    for (const file of files) {
      const id = await uploadEvidence(file);
      if (!id) {
        setUploading(false);
        setProblems({ attachmentUploadIds: 'upload' });
        return;
      }
      uploadIds.push(id);
    }
    setUploading(false);
    const result = await record({
      variables: {
        input: {
          subjectType,
          subject: subject.trim(),
          ruleId,
          evidence: evidence.trim(),
          note: note.trim() || null,
          attachmentUploadIds: uploadIds,
        },
      },
    }).catch(() => null);
    const answer = result?.data?.recordViolation;
    if (!answer) return setFailure('unknown');
    if (answer.userErrors.length > 0) {
      const next: Partial<Record<Field, string>> = {};
      for (const e of answer.userErrors) {
        const field = e.field?.at(-1) as Field | undefined;
        if (field && ['subject', 'ruleId', 'evidence', 'note', 'attachmentUploadIds'].includes(field))
          next[field] = e.code;
        else setFailure(e.code);
      }
      setProblems(next);
      return;
    }
    if (answer.violation) onRecorded(answer.violation.id, answer.generalFreeze !== null);
  };

  return (
    <form
      className="penalties-form"
      data-testid="record-violation-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <h2>{t('penalties.record.title')}</h2>
      {failure && <Alert tone="error">{problemText(failure)}</Alert>}
      <div className="penalties-form__row">
        <div className="ui-field">
          <label className="ui-field__label" htmlFor={ids.type}>
            {t('penalties.record.subjectType')}
          </label>
          <select
            id={ids.type}
            name="subjectType"
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
            {t('penalties.record.subject')}
          </label>
          <input
            id={ids.subject}
            name="subject"
            className="ui-field__input"
            value={subject}
            autoComplete="off"
            maxLength={320}
            onChange={(e) => setSubject(e.target.value)}
            aria-invalid={problems.subject ? true : undefined}
            aria-describedby={describedBy('subject', ids.subject)}
          />
          {fieldError('subject', ids.subject)}
        </div>
      </div>
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={ids.rule}>
          {t('penalties.record.rule')}
        </label>
        <select
          id={ids.rule}
          name="ruleId"
          className="ui-field__input"
          value={ruleId}
          onChange={(e) => setRuleId(e.target.value)}
          aria-invalid={problems.ruleId ? true : undefined}
          aria-describedby={describedBy('ruleId', ids.rule)}
        >
          <option value="">{t('penalties.record.chooseRule')}</option>
          {rules.map((rule) => (
            <option key={rule.id} value={rule.id}>
              {rule.title} ({rule.code})
            </option>
          ))}
        </select>
        {fieldError('ruleId', ids.rule)}
      </div>
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={ids.evidence}>
          {t('penalties.record.evidence')}
        </label>
        <textarea
          id={ids.evidence}
          name="evidence"
          className="ui-field__input"
          rows={4}
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
          aria-invalid={problems.evidence ? true : undefined}
          aria-describedby={describedBy('evidence', ids.evidence)}
        />
        {fieldError('evidence', ids.evidence)}
      </div>
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={ids.files}>
          {t('penalties.record.attachments')}
        </label>
        <input
          id={ids.files}
          name="attachments"
          type="file"
          multiple
          accept="image/png,image/jpeg,image/webp"
          className="ui-field__input"
          onChange={(e) => setFiles(Array.from(e.target.files ?? []).slice(0, MAX_ATTACHMENTS + 1))}
          aria-invalid={problems.attachmentUploadIds ? true : undefined}
          aria-describedby={describedBy('attachmentUploadIds', ids.files)}
        />
        {fieldError('attachmentUploadIds', ids.files)}
      </div>
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={ids.note}>
          {t('penalties.record.note')}
        </label>
        <textarea
          id={ids.note}
          name="note"
          className="ui-field__input"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={problems.note ? true : undefined}
          aria-describedby={describedBy('note', ids.note)}
        />
        {fieldError('note', ids.note)}
      </div>
      <div className="penalties-form__actions">
        <Button type="submit" data-testid="record-violation-submit" pending={recording.loading || uploading}>
          {uploading
            ? t('penalties.record.uploading')
            : recording.loading
              ? t('penalties.record.submitting')
              : t('penalties.record.submit')}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('penalties.record.close')}
        </Button>
      </div>
    </form>
  );
}
