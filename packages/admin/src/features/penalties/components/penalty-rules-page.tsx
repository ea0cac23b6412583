import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { summarizeError } from '../../../lib/errors';
import {
  EMPTY_RULE_DRAFT,
  filterRules,
  parseRuleStatusFilter,
  RULE_STATUS_FILTERS,
  type RuleDraft,
  ruleStatusFilterParams,
} from '../lib/rules';
import { PenaltyRuleForm } from './penalty-rule-form';
import { PenaltyRulesEditorQuery, UpdatePenaltyRuleMutation } from './penalty-rules-api';
import './penalties.css';
import './penalty-rules.css';

type Editing = { mode: 'create' } | { mode: 'edit'; id: string } | null;
type Notice = { key: 'created' | 'saved' | 'deactivated' | 'reactivated'; code: string } | null;

/**
 * The editable list of rules violations are recorded against. Every platform staff member reads it;
 * admins create and edit rules (both languages side by side) and deactivate or reactivate them.
 */
export function PenaltyRulesPage({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = parseRuleStatusFilter(params);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(PenaltyRulesEditorQuery, {
    notifyOnNetworkStatusChange: true,
  });
  const [update] = useMutation(UpdatePenaltyRuleMutation);
  // When the form closes, keyboard focus goes back to the button that opened it.
  const opener = useRef<string | null>(null);
  useEffect(() => {
    if (editing) {
      opener.current =
        editing.mode === 'create'
          ? '[data-testid="penalty-rule-new"]'
          : `[data-testid="penalty-rules-row"][data-id="${CSS.escape(editing.id)}"] [data-action="edit"]`;
    } else if (opener.current) {
      document.querySelector<HTMLElement>(opener.current)?.focus();
      opener.current = null;
    }
  }, [editing]);
  const all = data?.penaltyRules;
  const rules = all ? filterRules(all, filter) : null;
  const editedRule = editing?.mode === 'edit' ? (all?.find((r) => r.id === editing.id) ?? null) : null;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  const setActive = async (rule: { id: string; code: string }, active: boolean) => {
    setFailure(null);
    setNotice(null);
    setToggling(rule.id);
    const result = await update({ variables: { input: { id: rule.id, active } } }).catch(() => null);
    setToggling(null);
    const answer = result?.data?.updatePenaltyRule;
    if (!answer) return setFailure('unknown');
    if (answer.userErrors[0]) return setFailure(answer.userErrors[0].code);
    setNotice({ key: active ? 'reactivated' : 'deactivated', code: rule.code });
  };

  const draftOf = (rule: NonNullable<typeof editedRule>): RuleDraft => ({
    code: rule.code,
    titleEn: rule.titleEn,
    titleZh: rule.titleZh,
    descriptionEn: rule.descriptionEn,
    descriptionZh: rule.descriptionZh,
    active: rule.active,
  });

  const problemText = (code: string) =>
    t(`penalties.rules.errors.${code}`, {
      defaultValue: t(`penalties.errors.${code}`, { defaultValue: t('penalties.errors.unknown') }),
    });

  return (
    <div className="penalties-page">
      <title>{`${t('penalties.rules.title')} · ${t('app.name')}`}</title>
      <header className="penalties-page__header">
        <p>
          <Link to={paths.penalties.getHref()}>{t('penalties.rules.back')}</Link>
        </p>
        <h1>{t('penalties.rules.title')}</h1>
        <p className="penalties-muted">
          {t(canEdit ? 'penalties.rules.intro' : 'penalties.rules.introReadOnly')}
        </p>
      </header>

      {notice && (
        <Alert tone="info">{t(`penalties.rules.notice.${notice.key}`, { code: notice.code })}</Alert>
      )}
      {failure && <Alert tone="error">{problemText(failure)}</Alert>}

      {canEdit &&
        (editing?.mode === 'create' ? (
          <PenaltyRuleForm
            rule={null}
            initial={EMPTY_RULE_DRAFT}
            onClose={() => setEditing(null)}
            onSaved={(code) => {
              setEditing(null);
              setNotice({ key: 'created', code });
              void refetch();
            }}
          />
        ) : editedRule ? (
          <PenaltyRuleForm
            key={editedRule.id}
            rule={editedRule}
            initial={draftOf(editedRule)}
            onClose={() => setEditing(null)}
            onSaved={(code) => {
              setEditing(null);
              setNotice({ key: 'saved', code });
              void refetch();
            }}
          />
        ) : (
          <div className="penalties-form__actions">
            <Button
              data-testid="penalty-rule-new"
              onClick={() => {
                setNotice(null);
                setFailure(null);
                setEditing({ mode: 'create' });
              }}
            >
              {t('penalties.rules.new')}
            </Button>
          </div>
        ))}

      <fieldset className="penalty-rules-filter">
        <legend className="penalties-muted">{t('penalties.rules.filter.legend')}</legend>
        {RULE_STATUS_FILTERS.map((value) => (
          <Button
            key={value}
            variant={filter === value ? 'primary' : 'secondary'}
            aria-pressed={filter === value}
            data-filter={value}
            onClick={() => setParams(ruleStatusFilterParams(value))}
          >
            {t(`penalties.rules.filter.${value}`)}
          </Button>
        ))}
      </fieldset>

      {error ? (
        <StatusPanel
          tone="error"
          title={t('errors.title')}
          actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
        >
          <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
        </StatusPanel>
      ) : !rules && loading ? (
        <LoadingState label={t('penalties.rules.loading')} />
      ) : rules && rules.length === 0 ? (
        <StatusPanel title={t('penalties.rules.emptyTitle')}>
          <p>{t(filter === 'all' ? 'penalties.rules.emptyBody' : 'penalties.rules.emptyFiltered')}</p>
        </StatusPanel>
      ) : rules ? (
        <>
          <p className="penalties-muted" aria-live="polite">
            {t('penalties.rules.count', { count: rules.length })}
          </p>
          <div className="penalties-table-wrap">
            <table
              className="penalties-table"
              data-testid="penalty-rules-table"
              aria-busy={loading || undefined}
            >
              <caption className="penalty-rules-caption">{t('penalties.rules.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('penalties.rules.columns.code')}</th>
                  <th scope="col">{t('penalties.rules.columns.titleEn')}</th>
                  <th scope="col">{t('penalties.rules.columns.titleZh')}</th>
                  <th scope="col">{t('penalties.rules.columns.status')}</th>
                  <th scope="col">{t('penalties.rules.columns.updated')}</th>
                  {canEdit && <th scope="col">{t('penalties.rules.columns.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {rules.map((rule) => (
                  <tr
                    key={rule.id}
                    data-testid="penalty-rules-row"
                    data-id={rule.id}
                    data-code={rule.code}
                    data-active={rule.active ? 'true' : 'false'}
                    aria-current={editedRule?.id === rule.id ? 'true' : undefined}
                  >
                    <th scope="row" className="penalties-nowrap">
                      <code>{rule.code}</code>
                    </th>
                    <td lang="en">{rule.titleEn}</td>
                    <td lang="zh-TW">{rule.titleZh}</td>
                    <td>
                      <span className={`penalties-status${rule.active ? ' penalties-status--active' : ''}`}>
                        {t(rule.active ? 'penalties.rules.active' : 'penalties.rules.inactive')}
                      </span>
                    </td>
                    <td className="penalties-nowrap">{dateFormat.format(new Date(rule.updatedAt))}</td>
                    {canEdit && (
                      <td>
                        <div className="penalty-rules-actions">
                          <Button
                            variant="secondary"
                            data-action="edit"
                            aria-label={t('penalties.rules.editLabel', { code: rule.code })}
                            onClick={() => {
                              setNotice(null);
                              setFailure(null);
                              setEditing({ mode: 'edit', id: rule.id });
                            }}
                          >
                            {t('penalties.rules.edit')}
                          </Button>
                          <Button
                            variant="ghost"
                            data-action={rule.active ? 'deactivate' : 'reactivate'}
                            pending={toggling === rule.id}
                            aria-label={t(
                              rule.active
                                ? 'penalties.rules.deactivateLabel'
                                : 'penalties.rules.reactivateLabel',
                              { code: rule.code },
                            )}
                            onClick={() => void setActive(rule, !rule.active)}
                          >
                            {t(rule.active ? 'penalties.rules.deactivate' : 'penalties.rules.reactivate')}
                          </Button>
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
