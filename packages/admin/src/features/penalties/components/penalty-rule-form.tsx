import { useMutation } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { type RuleDraft, type RuleField, ruleFieldOf, ruleInputOf, ruleProblems } from '../lib/rules';
import { CreatePenaltyRuleMutation, UpdatePenaltyRuleMutation } from './penalty-rules-api';

/**
 * Create a rule (`rule` null) or edit one: code (create only), titles and descriptions in English and
 * Traditional Chinese side by side, active. Checks as the server does; its userErrors go next to the field.
 */
export function PenaltyRuleForm({
  rule,
  initial,
  onClose,
  onSaved,
}: {
  rule: { id: string; code: string } | null;
  initial: RuleDraft;
  onClose: () => void;
  onSaved: (code: string, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const creating = rule === null;
  const baseId = useId();
  const idOf = (field: RuleField | 'active') => `${baseId}-${field}`;
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const [problems, setProblems] = useState<Partial<Record<RuleField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [create, creation] = useMutation(CreatePenaltyRuleMutation);
  const [update, updating] = useMutation(UpdatePenaltyRuleMutation);
  const heading = useRef<HTMLHeadingElement>(null);
  const pending = creation.loading || updating.loading;

  // Keyboard users land on the form when it opens.
  useEffect(() => heading.current?.focus(), []);

  const problemText = (code: string) =>
    t(`penalties.rules.errors.${code}`, {
      defaultValue: t(`penalties.errors.${code}`, { defaultValue: t('penalties.errors.unknown') }),
    });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const found = ruleProblems(draft, creating);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      const first = (Object.keys(found) as RuleField[])[0];
      if (first) document.getElementById(idOf(first))?.focus();
      return;
    }
    const input = ruleInputOf(draft, creating);
    const answer = creating
      ? (await create({ variables: { input } }).catch(() => null))?.data?.createPenaltyRule
      : rule
        ? (await update({ variables: { input: { ...input, id: rule.id } } }).catch(() => null))?.data
            ?.updatePenaltyRule
        : null;
    if (!answer) return setFailure('unknown');
    if (answer.userErrors.length > 0) {
      const next: Partial<Record<RuleField, string>> = {};
      for (const e of answer.userErrors) {
        const field = ruleFieldOf(e.field);
        if (field) next[field] = e.code;
        else setFailure(e.code);
      }
      setProblems(next);
      return;
    }
    if (answer.rule) onSaved(answer.rule.code, creating);
  };

  const field = (name: RuleField, label: string, multiline: boolean, lang?: string) => {
    const id = idOf(name);
    const props = {
      id,
      name,
      lang,
      className: 'ui-field__input',
      value: draft[name],
      onChange: (e: { target: { value: string } }) => {
        setDraft({ ...draft, [name]: e.target.value });
        // An answered problem disappears as soon as the field is edited; the next submit checks again.
        if (problems[name]) setProblems({ ...problems, [name]: undefined });
      },
      'aria-invalid': problems[name] ? true : undefined,
      'aria-describedby':
        [problems[name] ? `${id}-error` : '', name === 'code' ? `${id}-hint` : '']
          .filter(Boolean)
          .join(' ') || undefined,
    };
    return (
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={id}>
          {label}
        </label>
        {multiline ? <textarea {...props} rows={4} /> : <input {...props} autoComplete="off" />}
        {problems[name] && (
          <p id={`${id}-error`} className="penalties-field-error">
            {problemText(problems[name])}
          </p>
        )}
      </div>
    );
  };

  return (
    <form
      className="penalties-form"
      data-testid="penalty-rule-form"
      data-mode={creating ? 'create' : 'edit'}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <h2 ref={heading} tabIndex={-1}>
        {creating
          ? t('penalties.rules.form.createTitle')
          : t('penalties.rules.form.editTitle', { code: rule?.code })}
      </h2>
      {failure && <Alert tone="error">{problemText(failure)}</Alert>}
      {creating ? (
        <div className="penalty-rules-form__code">
          {field('code', t('penalties.rules.form.code'), false)}
          <p id={`${idOf('code')}-hint`} className="penalties-muted">
            {t('penalties.rules.form.codeHint')}
          </p>
        </div>
      ) : (
        <p className="penalties-muted">{t('penalties.rules.form.codeFixed')}</p>
      )}
      <div className="penalty-rules-form__languages">
        <fieldset className="penalty-rules-form__language">
          <legend>{t('penalties.rules.form.english')}</legend>
          {field('titleEn', t('penalties.rules.form.titleEn'), false, 'en')}
          {field('descriptionEn', t('penalties.rules.form.descriptionEn'), true, 'en')}
        </fieldset>
        <fieldset className="penalty-rules-form__language">
          <legend>{t('penalties.rules.form.chinese')}</legend>
          {field('titleZh', t('penalties.rules.form.titleZh'), false, 'zh-TW')}
          {field('descriptionZh', t('penalties.rules.form.descriptionZh'), true, 'zh-TW')}
        </fieldset>
      </div>
      <label className="penalties-check" htmlFor={idOf('active')}>
        <input
          id={idOf('active')}
          name="active"
          type="checkbox"
          checked={draft.active}
          onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
        />
        {t('penalties.rules.form.active')}
      </label>
      <div className="penalties-form__actions">
        <Button type="submit" data-testid="penalty-rule-submit" pending={pending}>
          {pending
            ? t('penalties.rules.form.saving')
            : creating
              ? t('penalties.rules.form.create')
              : t('penalties.rules.form.save')}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('penalties.rules.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
