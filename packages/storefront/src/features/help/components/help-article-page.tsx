import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { ButtonLink } from '../../../components/ui/button.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale, useLocale } from '../../../lib/locale.js';
import { ArticleBody } from './article-body.js';
import { ContactCta } from './contact-cta.js';
import './help.css';

const HelpArticlePage_ArticleQuery = graphql(`
  query HelpArticlePage_ArticleQuery($slug: String!, $locale: Locale!) {
    helpArticle(slug: $slug) {
      id
      slug
      topic
      title(locale: $locale)
      body(locale: $locale)
      updatedAt
    }
    helpArticles {
      id
      slug
      title(locale: $locale)
    }
  }
`);

/** One help article in the UI language, with the other articles and the way to customer service. */
export function HelpArticlePage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const locale = useApiLocale();
  const uiLocale = useLocale();
  const result = useQuery(HelpArticlePage_ArticleQuery, { variables: { slug, locale } });
  // Keep the previous language's text on screen while the other language loads, but never another article.
  const data =
    result.data ?? (result.previousData?.helpArticle?.slug === slug ? result.previousData : undefined);

  if (!data) {
    return (
      <div className="page help-page">
        <PageTitle title={t('help.title')} />
        {result.error ? (
          <ErrorState description={t('help.articleLoadError')} onRetry={() => void result.refetch()} />
        ) : (
          <LoadingState />
        )}
      </div>
    );
  }

  const article = data.helpArticle;
  if (!article) {
    return (
      <div className="page help-page">
        <PageTitle title={t('help.articleNotFoundTitle')} />
        <EmptyState
          headingLevel={1}
          title={t('help.articleNotFoundTitle')}
          description={t('help.articleNotFoundDescription')}
          action={<ButtonLink to={paths.help.getHref()}>{t('help.backToHelp')}</ButtonLink>}
        />
      </div>
    );
  }

  const others = data.helpArticles.filter((a) => a.slug !== article.slug);
  const updated = new Intl.DateTimeFormat(uiLocale, { dateStyle: 'long' }).format(
    new Date(article.updatedAt),
  );

  return (
    <div className="page help-page help-article-page">
      <PageTitle title={article.title} />
      <nav className="breadcrumbs" aria-label={t('help.breadcrumb')}>
        <ol>
          <li>
            <Link to={paths.help.getHref()}>{t('help.title')}</Link>
          </li>
          <li aria-current="page">{article.title}</li>
        </ol>
      </nav>
      <div className="help-article-page__layout">
        <article className="help-article" aria-labelledby="help-article-title" data-testid="help-article">
          <h1 id="help-article-title">{article.title}</h1>
          <p className="help-article__meta">
            {t(`help.topics.${article.topic}`)} · {t('help.updated', { date: updated })}
          </p>
          <ArticleBody body={article.body} />
        </article>
        <aside className="help-article-page__aside">
          {others.length > 0 && (
            <nav className="help-more" aria-labelledby="help-more-title">
              <h2 id="help-more-title">{t('help.moreArticles')}</h2>
              <ul>
                {others.map((a) => (
                  <li key={a.id}>
                    <Link to={paths.helpArticle.getHref(a.slug)}>{a.title}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <ContactCta />
        </aside>
      </div>
    </div>
  );
}
