import { useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Pager } from '../../../components/ui/pager';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { summarizeError } from '../../../lib/errors';
import {
  parseViolationsView,
  SUBJECT_TYPES,
  VIOLATION_STATUSES,
  type ViolationsView,
  violationsFilterOf,
  violationsViewParams,
} from '../lib/view';
import { GeneralFreezePanel } from './general-freeze-panel';
import { PenaltyRulesQuery, ViolationsListQuery } from './penalties-api';
import { RecordViolationForm } from './record-violation-form';
import { ViolationDetail } from './violation-detail';
import './penalties.css';

const PAGE_SIZE = 25;

/**
 * Violations and general freezes for platform staff: the filtered list (filters and page in the URL),
 * the record-violation form, the selected violation beside the list; admins also apply and lift
 * general freezes.
 */
export function PenaltiesPage({ canFreeze }: { canFreeze: boolean }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseViolationsView(params), [params]);
  const [draft, setDraft] = useState<ViolationsView>(view);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<'done' | 'frozen' | null>(null);
  useEffect(() => setDraft(view), [view]);

  // Rules change on /penalties/rules: fetch them fresh when the page opens.
  const rulesQuery = useQuery(PenaltyRulesQuery, { fetchPolicy: 'cache-and-network' });
  const { data, loading, error, refetch } = useQuery(ViolationsListQuery, {
    variables: { first: PAGE_SIZE, after: view.after, filter: violationsFilterOf(view) },
    notifyOnNetworkStatusChange: true,
  });
  const zh = i18n.language === 'zh-TW';
  const rules = (rulesQuery.data?.penaltyRules ?? []).map((r) => ({
    id: r.id,
    code: r.code,
    title: zh ? r.titleZh : r.titleEn,
  }));

  const go = (next: ViolationsView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(violationsViewParams(next));
  };
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...draft, after: null, selected: null });
  };

  const list = data?.staffViolations;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="penalties-page">
      <title>{`${t('penalties.title')} · ${t('app.name')}`}</title>
      <header className="penalties-page__header">
        <h1>{t('penalties.title')}</h1>
        <p className="penalties-muted">{t('penalties.intro')}</p>
        <p>
          <Link to={paths.penaltyRules.getHref()} data-testid="penalty-rules-link">
            {t('penalties.rules.link')}
          </Link>
          {' · '}
          <Link to={paths.claims.getHref()} data-testid="claims-link">
            {t('safeFreeze.claims.title')}
          </Link>
        </p>
      </header>

      {notice && <Alert tone="info">{t(`penalties.record.${notice}`)}</Alert>}
      {recording ? (
        <RecordViolationForm
          rules={rules}
          onClose={() => setRecording(false)}
          onRecorded={(id, frozen) => {
            setRecording(false);
            setNotice(frozen ? 'frozen' : 'done');
            void refetch();
            go({ ...view, selected: id }, true);
          }}
        />
      ) : (
        <div className="penalties-form__actions">
          <Button data-testid="record-violation-open" onClick={() => setRecording(true)}>
            {t('penalties.record.open')}
          </Button>
        </div>
      )}

      <search>
        <form className="penalties-filters" onSubmit={onFilter} aria-label={t('penalties.filters.legend')}>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="violations-type">
              {t('penalties.filters.subjectType')}
            </label>
            <select
              id="violations-type"
              name="type"
              className="ui-field__input"
              value={draft.subjectType ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, subjectType: (e.target.value || null) as ViolationsView['subjectType'] })
              }
            >
              <option value="">{t('penalties.filters.anyType')}</option>
              {SUBJECT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`penalties.subjectType.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t('penalties.filters.subject')}
            name="subject"
            type="search"
            value={draft.subject}
            maxLength={320}
            autoComplete="off"
            onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
          />
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="violations-rule">
              {t('penalties.filters.rule')}
            </label>
            <select
              id="violations-rule"
              name="rule"
              className="ui-field__input"
              value={draft.ruleId ?? ''}
              onChange={(e) => setDraft({ ...draft, ruleId: e.target.value || null })}
            >
              <option value="">{t('penalties.filters.anyRule')}</option>
              {rules.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="violations-status">
              {t('penalties.filters.status')}
            </label>
            <select
              id="violations-status"
              name="status"
              className="ui-field__input"
              value={draft.status ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, status: (e.target.value || null) as ViolationsView['status'] })
              }
            >
              <option value="">{t('penalties.filters.anyStatus')}</option>
              {VIOLATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`penalties.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t('penalties.filters.from')}
            name="from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          <TextField
            label={t('penalties.filters.to')}
            name="to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
          <div className="penalties-form__actions">
            <Button type="submit">{t('penalties.filters.apply')}</Button>
            <Button variant="ghost" onClick={() => go(parseViolationsView(new URLSearchParams()))}>
              {t('penalties.filters.reset')}
            </Button>
          </div>
        </form>
      </search>

      <div className={`penalties-layout${view.selected ? ' penalties-layout--open' : ''}`}>
        <div className="penalties-layout__list">
          {error ? (
            <StatusPanel
              tone="error"
              title={t('errors.title')}
              actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
            >
              <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
            </StatusPanel>
          ) : !list && loading ? (
            <LoadingState label={t('penalties.loading')} />
          ) : list && list.nodes.length === 0 ? (
            <StatusPanel title={t('penalties.emptyTitle')}>
              <p>{t('penalties.emptyBody')}</p>
            </StatusPanel>
          ) : list ? (
            <>
              <p className="penalties-muted" aria-live="polite">
                {t('penalties.count', { count: list.totalCount })}
              </p>
              <div className="penalties-table-wrap">
                <table
                  className="penalties-table"
                  data-testid="violations-table"
                  aria-busy={loading || undefined}
                >
                  <thead>
                    <tr>
                      <th scope="col">{t('penalties.columns.recorded')}</th>
                      <th scope="col">{t('penalties.columns.subject')}</th>
                      <th scope="col">{t('penalties.columns.rule')}</th>
                      <th scope="col">{t('penalties.columns.status')}</th>
                      <th scope="col">{t('penalties.columns.due')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.nodes.map((v) => (
                      <tr
                        key={v.id}
                        data-testid="violations-row"
                        data-status={v.status}
                        data-subject={v.subject.handle ?? v.subject.email ?? ''}
                        aria-current={view.selected === v.id ? 'true' : undefined}
                      >
                        <td className="penalties-nowrap">
                          <Link
                            to={{ search: violationsViewParams({ ...view, selected: v.id }).toString() }}
                            aria-label={t('penalties.view', { name: v.subject.name })}
                          >
                            {dateFormat.format(new Date(v.recordedAt))}
                          </Link>
                          {v.automatic && <span className="penalties-tag">{t('penalties.automatic')}</span>}
                        </td>
                        <td className="penalties-table__subject">
                          <span>{v.subject.name}</span>
                          <span className="penalties-muted">
                            {t(`penalties.subjectType.${v.subject.type}`)}
                            {v.subject.handle
                              ? ` · ${v.subject.handle}`
                              : v.subject.email
                                ? ` · ${v.subject.email}`
                                : ''}
                          </span>
                        </td>
                        <td>{zh ? v.rule.titleZh : v.rule.titleEn}</td>
                        <td>
                          <span className={`penalties-status penalties-status--${v.status.toLowerCase()}`}>
                            {t(`penalties.status.${v.status}`)}
                          </span>
                        </td>
                        <td className="penalties-nowrap">{dateFormat.format(new Date(v.correctionDueAt))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                mode="disable"
                className="penalties-pager"
                label={t('penalties.title')}
                pageInfo={list.pageInfo}
                after={view.after}
                previous={previous}
                setPrevious={setPrevious}
                loading={loading}
                onNavigate={(cursor) => go({ ...view, after: cursor }, true)}
                labels={{ previous: t('penalties.previousPage'), next: t('penalties.nextPage') }}
              />
            </>
          ) : null}
        </div>
        {view.selected && (
          <ViolationDetail
            key={view.selected}
            id={view.selected}
            onClose={() => go({ ...view, selected: null }, true)}
            onChanged={() => void refetch()}
          />
        )}
      </div>

      {canFreeze && <GeneralFreezePanel />}
    </div>
  );
}
