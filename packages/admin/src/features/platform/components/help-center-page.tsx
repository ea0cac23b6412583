import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { TextField } from '../../../components/ui/text-field';
import { graphql } from '../../../gql/gql';
import type { HelpArticleErrorCode, HelpTopic } from '../../../gql/graphql';
import { checkSlug } from '../lib/account-input';
import { parseArticleBody } from '../lib/article-body';
import { HELP_SORTS, type HelpView, helpViewParams, parseHelpView } from '../lib/views';
import { errorFor, Pager, QueryError } from './shared';
import './platform.css';

const HelpCenterListQuery = graphql(`
  query HelpCenterPage_ListQuery(
    $first: Int!
    $after: String
    $filter: StaffHelpArticlesFilter
    $sort: StaffHelpArticlesSort
  ) {
    staffHelpArticles(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        slug
        topic
        titleEn
        titleZh
        published
        updatedAt
      }
    }
  }
`);

const HelpCenterArticleQuery = graphql(`
  query HelpCenterPage_ArticleQuery($id: ID!) {
    staffHelpArticle(id: $id) {
      id
      slug
      topic
      position
      titleEn
      titleZh
      summaryEn
      summaryZh
      bodyEn
      bodyZh
      published
      updatedAt
    }
  }
`);

const HelpCenterCreateMutation = graphql(`
  mutation HelpCenterPage_CreateMutation($input: HelpArticleInput!) {
    createHelpArticle(input: $input) {
      article {
        id
        slug
        published
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const HelpCenterUpdateMutation = graphql(`
  mutation HelpCenterPage_UpdateMutation($id: ID!, $input: HelpArticleInput!) {
    updateHelpArticle(id: $id, input: $input) {
      article {
        id
        slug
        topic
        position
        titleEn
        titleZh
        summaryEn
        summaryZh
        bodyEn
        bodyZh
        published
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const HelpCenterPublishMutation = graphql(`
  mutation HelpCenterPage_PublishMutation($id: ID!) {
    publishHelpArticle(id: $id) {
      article {
        id
        published
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const HelpCenterUnpublishMutation = graphql(`
  mutation HelpCenterPage_UnpublishMutation($id: ID!) {
    unpublishHelpArticle(id: $id) {
      article {
        id
        published
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const TOPICS: HelpTopic[] = ['SHOPPING', 'ORDERS', 'PAYMENT', 'RULES'];
const PAGE_SIZE = 50;

/**
 * The help-center editor: the list of every article (drafts included; filters, sort and page in the
 * URL), or one article (`?article=` id or `new`; closing it returns to the same list view).
 */
export function HelpCenterPage() {
  const [params, setParams] = useSearchParams();
  const selected = params.get('article');
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('article', id);
    else next.delete('article');
    setParams(next);
  };
  return selected ? (
    <ArticleEditor key={selected} id={selected === 'new' ? null : selected} onOpen={open} />
  ) : (
    <ArticleList onOpen={open} />
  );
}

function ArticleList({ onOpen }: { onOpen: (id: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseHelpView(params), [params]);
  const [draft, setDraft] = useState<HelpView>(view);
  useEffect(() => setDraft(view), [view]);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const { data, loading, error, refetch } = useQuery(HelpCenterListQuery, {
    variables: {
      first: PAGE_SIZE,
      after: view.after,
      filter: { query: view.query.trim() || null, published: view.published, topic: view.topic },
      sort: { field: view.sortField, direction: view.sortDirection },
    },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const go = (next: HelpView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(helpViewParams(next));
  };
  const articles = data?.staffHelpArticles;
  const zh = i18n.language === 'zh-TW';
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...draft, after: null });
  };

  return (
    <div className="platform-page">
      <title>{`${t('platform.help.title')} · ${t('app.name')}`}</title>
      <header className="platform-page__header">
        <h1>{t('platform.help.title')}</h1>
        <p className="platform-muted">{t('platform.help.intro')}</p>
      </header>
      <div className="platform-actions">
        <Button data-testid="new-help-article" onClick={() => onOpen('new')}>
          {t('platform.help.newArticle')}
        </Button>
      </div>
      <search>
        <form className="platform-filters" onSubmit={onFilter}>
          <TextField
            label={t('platform.help.filters.query')}
            name="query"
            type="search"
            value={draft.query}
            onChange={(e) => setDraft({ ...draft, query: e.target.value })}
            autoComplete="off"
          />
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="help-published">
              {t('platform.help.filters.published')}
            </label>
            <select
              id="help-published"
              name="published"
              className="ui-field__input"
              value={draft.published === null ? '' : String(draft.published)}
              onChange={(e) =>
                setDraft({ ...draft, published: e.target.value === '' ? null : e.target.value === 'true' })
              }
            >
              <option value="">{t('platform.common.any')}</option>
              <option value="true">{t('platform.help.filters.publishedOnly')}</option>
              <option value="false">{t('platform.help.filters.draftsOnly')}</option>
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="help-topic">
              {t('platform.help.columns.topic')}
            </label>
            <select
              id="help-topic"
              name="topic"
              className="ui-field__input"
              value={draft.topic ?? ''}
              onChange={(e) => setDraft({ ...draft, topic: (e.target.value || null) as HelpView['topic'] })}
            >
              <option value="">{t('platform.common.any')}</option>
              {TOPICS.map((topic) => (
                <option key={topic} value={topic}>
                  {t(`platform.help.topic.${topic}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="help-sort">
              {t('platform.common.sortBy')}
            </label>
            <select
              id="help-sort"
              name="sort"
              className="ui-field__input"
              value={`${draft.sortField}:${draft.sortDirection}`}
              onChange={(e) => {
                const [field, direction] = e.target.value.split(':') as [
                  HelpView['sortField'],
                  'ASC' | 'DESC',
                ];
                setDraft({ ...draft, sortField: field, sortDirection: direction });
              }}
            >
              {HELP_SORTS.flatMap((f) =>
                (['ASC', 'DESC'] as const).map((d) => (
                  <option key={`${f}:${d}`} value={`${f}:${d}`}>
                    {`${t(`platform.help.sort.${f}`)} · ${d === 'ASC' ? t('platform.common.ascending') : t('platform.common.descending')}`}
                  </option>
                )),
              )}
            </select>
          </div>
          <div className="platform-actions">
            <Button type="submit">{t('platform.common.apply')}</Button>
            <Button variant="ghost" onClick={() => go(parseHelpView(new URLSearchParams()))}>
              {t('platform.common.reset')}
            </Button>
          </div>
        </form>
      </search>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !articles ? (
        <LoadingState label={t('platform.help.loading')} />
      ) : articles.nodes.length === 0 ? (
        <StatusPanel title={t('platform.help.emptyTitle')}>
          <p>{t('platform.help.emptyBody')}</p>
        </StatusPanel>
      ) : (
        <>
          <div className="platform-table-wrap">
            <table
              className="platform-table"
              data-testid="help-articles-table"
              aria-busy={loading || undefined}
            >
              <thead>
                <tr>
                  <th scope="col">{t('platform.help.columns.title')}</th>
                  <th scope="col">{t('platform.help.columns.slug')}</th>
                  <th scope="col">{t('platform.help.columns.topic')}</th>
                  <th scope="col">{t('platform.help.columns.status')}</th>
                  <th scope="col">{t('platform.help.columns.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {articles.nodes.map((a) => (
                  <tr key={a.id} data-testid="help-articles-row" data-slug={a.slug}>
                    <td>
                      <button
                        type="button"
                        className="ui-button ui-button--ghost"
                        onClick={() => onOpen(a.id)}
                      >
                        {(zh ? a.titleZh || a.titleEn : a.titleEn || a.titleZh) || a.slug}
                      </button>
                    </td>
                    <td>{a.slug}</td>
                    <td>{t(`platform.help.topic.${a.topic}`)}</td>
                    <td>
                      <span
                        className={`platform-badge platform-badge--${a.published ? 'published' : 'draft'}`}
                      >
                        {a.published ? t('platform.help.published') : t('platform.help.draft')}
                      </span>
                    </td>
                    <td>{dateFormat.format(new Date(a.updatedAt))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label={t('platform.help.title')}
            hasPrevious={previous.length > 0 || view.after !== null}
            hasNext={articles.pageInfo.hasNextPage}
            busy={loading}
            onPrevious={() => {
              const before = previous.at(-1) ?? null;
              setPrevious((p) => p.slice(0, -1));
              go({ ...view, after: before }, true);
            }}
            onNext={() => {
              setPrevious((p) => [...p, view.after]);
              go({ ...view, after: articles.pageInfo.endCursor ?? null }, true);
            }}
          />
        </>
      )}
    </div>
  );
}

type Draft = {
  slug: string;
  topic: HelpTopic;
  position: string;
  titleEn: string;
  titleZh: string;
  summaryEn: string;
  summaryZh: string;
  bodyEn: string;
  bodyZh: string;
};
const EMPTY: Draft = {
  slug: '',
  topic: 'SHOPPING',
  position: '0',
  titleEn: '',
  titleZh: '',
  summaryEn: '',
  summaryZh: '',
  bodyEn: '',
  bodyZh: '',
};
const TEXT_LIMITS = { title: 200, summary: 500, body: 50_000 } as const;

function ArticleEditor({ id, onOpen }: { id: string | null; onOpen: (id: string | null) => void }) {
  const { t } = useTranslation();
  const article = useQuery(HelpCenterArticleQuery, { variables: { id: id ?? '' }, skip: id === null });
  const loaded = article.data?.staffHelpArticle;
  if (id !== null && article.error)
    return <QueryError error={article.error} onRetry={() => void article.refetch()} />;
  if (id !== null && !article.data) return <LoadingState label={t('platform.help.loading')} />;
  if (id !== null && !loaded)
    return (
      <StatusPanel
        title={t('platform.help.errors.ARTICLE_NOT_FOUND')}
        actions={<Button onClick={() => onOpen(null)}>{t('platform.help.editor.close')}</Button>}
      />
    );
  const initial: Draft = loaded ? { ...loaded, position: String(loaded.position) } : EMPTY;
  return <EditorForm id={id} initial={initial} published={loaded?.published ?? false} onOpen={onOpen} />;
}

function EditorForm({
  id,
  initial,
  published,
  onOpen,
}: {
  id: string | null;
  initial: Draft;
  published: boolean;
  onOpen: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<{ code: HelpArticleErrorCode; field?: string[] | null }[]>(
    [],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [create, creating] = useMutation(HelpCenterCreateMutation);
  const [update, updating] = useMutation(HelpCenterUpdateMutation);
  const [publish, publishing] = useMutation(HelpCenterPublishMutation);
  const [unpublish, unpublishing] = useMutation(HelpCenterUnpublishMutation);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);

  const fieldError = (field: string) => {
    const server = errorFor(serverErrors, field);
    return clientErrors[field] ?? (server ? t(`platform.help.errors.${server.code}`) : undefined);
  };

  const validate = (): boolean => {
    const errors: Record<string, string> = {};
    if (!checkSlug(draft.slug.trim())) errors.slug = t('platform.help.errors.INVALID_SLUG');
    const position = Number(draft.position);
    if (!Number.isInteger(position) || position < 0 || position > 10_000)
      errors.position = t('platform.help.errors.INVALID_FIELD');
    if (!draft.titleEn.trim() && !draft.titleZh.trim())
      errors.titleEn = t('platform.help.errors.INVALID_FIELD');
    for (const lang of ['En', 'Zh'] as const)
      for (const part of ['title', 'summary', 'body'] as const)
        if (draft[`${part}${lang}`].length > TEXT_LIMITS[part])
          errors[`${part}${lang}`] = t('platform.help.errors.INVALID_FIELD');
    setClientErrors(errors);
    return Object.keys(errors).length === 0;
  };

  const input = () => ({ ...draft, slug: draft.slug.trim(), position: Number(draft.position) });

  const onSave = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    if (!validate()) return;
    if (id === null) {
      const payload = (await create({ variables: { input: input() } }).catch(() => null))?.data
        ?.createHelpArticle;
      if (!payload) return setClientErrors({ form: t('errors.unexpected') });
      setServerErrors(payload.userErrors);
      if (payload.article) onOpen(payload.article.id);
    } else {
      const payload = (await update({ variables: { id, input: input() } }).catch(() => null))?.data
        ?.updateHelpArticle;
      if (!payload) return setClientErrors({ form: t('errors.unexpected') });
      setServerErrors(payload.userErrors);
      if (payload.article) setNotice(t('platform.help.editor.saved'));
    }
  };

  const onPublish = async (next: boolean) => {
    if (id === null) return;
    setNotice(null);
    const variables = { id };
    const payload = next
      ? (await publish({ variables }).catch(() => null))?.data?.publishHelpArticle
      : (await unpublish({ variables }).catch(() => null))?.data?.unpublishHelpArticle;
    if (!payload) return setClientErrors({ form: t('errors.unexpected') });
    setServerErrors(payload.userErrors);
    if (payload.article)
      setNotice(
        payload.article.published
          ? t('platform.help.editor.nowPublished')
          : t('platform.help.editor.nowDraft'),
      );
  };

  const text = (name: keyof Draft, label: string, multiline?: 'summary' | 'body') => {
    const inputId = `help-${name}`;
    const error = fieldError(name);
    return (
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={inputId}>
          {label}
        </label>
        {multiline ? (
          <textarea
            id={inputId}
            name={name}
            className={`platform-textarea${multiline === 'body' ? ' platform-textarea--body' : ''}`}
            value={draft[name]}
            aria-invalid={error ? true : undefined}
            aria-describedby={multiline === 'body' ? 'help-body-hint' : undefined}
            onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
          />
        ) : (
          <input
            id={inputId}
            name={name}
            className="ui-field__input"
            value={draft[name]}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
          />
        )}
        {error && <p className="platform-field-error">{error}</p>}
      </div>
    );
  };

  const language = (lang: 'En' | 'Zh') => {
    const heading = lang === 'En' ? t('platform.common.english') : t('platform.common.chinese');
    return (
      <section className="help-editor__lang" aria-label={heading} lang={lang === 'En' ? 'en' : 'zh-TW'}>
        <h3>{heading}</h3>
        {text(`title${lang}`, t('platform.help.editor.titleField'))}
        {text(`summary${lang}`, t('platform.help.editor.summary'), 'summary')}
        {text(`body${lang}`, t('platform.help.editor.body'), 'body')}
        <div className="help-preview" data-testid={`help-preview-${lang === 'En' ? 'en' : 'zh'}`}>
          <p className="platform-note">{t('platform.help.editor.preview')}</p>
          <article>
            <h1>{draft[`title${lang}`]}</h1>
            <p className="platform-muted">{draft[`summary${lang}`]}</p>
            <ArticleBody body={draft[`body${lang}`]} />
          </article>
        </div>
      </section>
    );
  };

  const general = serverErrors.filter((e) => !e.field || e.field.at(-1) === 'id');
  return (
    <div className="platform-page">
      <title>{`${id ? t('platform.help.editor.editTitle') : t('platform.help.editor.newTitle')} · ${t('app.name')}`}</title>
      <p>
        <button type="button" className="ui-button ui-button--ghost" onClick={() => onOpen(null)}>
          ← {t('platform.help.editor.close')}
        </button>
      </p>
      <header className="platform-page__header">
        <h1>{id ? t('platform.help.editor.editTitle') : t('platform.help.editor.newTitle')}</h1>
        {id && (
          <p>
            <span className={`platform-badge platform-badge--${published ? 'published' : 'draft'}`}>
              {published ? t('platform.help.published') : t('platform.help.draft')}
            </span>
          </p>
        )}
      </header>
      {notice && <Alert tone="info">{notice}</Alert>}
      {clientErrors.form && <Alert tone="error">{clientErrors.form}</Alert>}
      {general.map((e) => (
        <Alert key={e.code} tone="error">
          {t(`platform.help.errors.${e.code}`)}
        </Alert>
      ))}
      <form
        className="platform-page"
        onSubmit={(e) => void onSave(e)}
        noValidate
        data-testid="help-article-form"
      >
        <div className="platform-form__row">
          {text('slug', t('platform.help.editor.slug'))}
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="help-topic">
              {t('platform.help.editor.topic')}
            </label>
            <select
              id="help-topic"
              name="topic"
              className="ui-field__input"
              value={draft.topic}
              onChange={(e) => setDraft({ ...draft, topic: e.target.value as HelpTopic })}
            >
              {TOPICS.map((topic) => (
                <option key={topic} value={topic}>
                  {t(`platform.help.topic.${topic}`)}
                </option>
              ))}
            </select>
          </div>
          {text('position', t('platform.help.editor.position'))}
        </div>
        <p id="help-body-hint" className="platform-note">
          {t('platform.help.editor.bodyHint')}
        </p>
        <div className="help-editor__langs">
          {language('En')}
          {language('Zh')}
        </div>
        <div className="platform-actions">
          <Button type="submit" pending={creating.loading || updating.loading}>
            {creating.loading || updating.loading
              ? t('platform.help.editor.saving')
              : t('platform.help.editor.save')}
          </Button>
          {id &&
            (published ? (
              <Button
                variant="secondary"
                data-testid="unpublish-help-article"
                pending={unpublishing.loading}
                onClick={() => void onPublish(false)}
              >
                {t('platform.help.editor.unpublish')}
              </Button>
            ) : (
              <Button
                variant="secondary"
                data-testid="publish-help-article"
                disabled={dirty}
                pending={publishing.loading}
                onClick={() => void onPublish(true)}
              >
                {t('platform.help.editor.publish')}
              </Button>
            ))}
          {id && !published && <span className="platform-note">{t('platform.help.editor.publishHint')}</span>}
        </div>
      </form>
    </div>
  );
}

/** Renders a body exactly as the storefront does (same parser, same elements; text only, never HTML). */
function ArticleBody({ body }: { body: string }) {
  const blocks = useMemo(() => parseArticleBody(body), [body]);
  return (
    <div className="article-body">
      {blocks.map((block, index) => {
        const key = `${index}-${block.kind}`;
        switch (block.kind) {
          case 'heading':
            return <h2 key={key}>{block.text}</h2>;
          case 'paragraph':
            return <p key={key}>{block.text}</p>;
          case 'bullets':
            return (
              <ul key={key}>
                {block.items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: list items are static text
                  <li key={i}>{item}</li>
                ))}
              </ul>
            );
          case 'steps':
            return (
              <ol key={key} start={block.start}>
                {block.items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: list items are static text
                  <li key={i}>{item}</li>
                ))}
              </ol>
            );
          default:
            return null;
        }
      })}
    </div>
  );
}
