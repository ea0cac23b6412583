import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { PageTitle } from '../../../components/ui/page-title.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { EmptyState, ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import type { HelpTopic } from '../../../gql/graphql.js';
import { useApiLocale } from '../../../lib/locale.js';
import { ContactCta } from './contact-cta.js';
import './help.css';

const HelpCenterPage_ArticlesQuery = graphql(`
  query HelpCenterPage_ArticlesQuery($locale: Locale!) {
    helpArticles {
      id
      slug
      topic
      title(locale: $locale)
      summary(locale: $locale)
    }
  }
`);

const TOPICS: readonly HelpTopic[] = ['SHOPPING', 'ORDERS', 'PAYMENT', 'RULES'];

/** The help center's front page: the articles grouped by topic, and the way to customer service. */
export function HelpCenterPage() {
  const { t } = useTranslation();
  const locale = useApiLocale();
  const result = useQuery(HelpCenterPage_ArticlesQuery, { variables: { locale } });
  const data = result.data ?? result.previousData;

  let content: ReactNode;
  if (!data) {
    content = result.error ? (
      <ErrorState description={t('help.loadError')} onRetry={() => void result.refetch()} />
    ) : (
      <LoadingState />
    );
  } else if (data.helpArticles.length === 0) {
    content = <EmptyState title={t('help.emptyTitle')} description={t('help.emptyDescription')} />;
  } else {
    content = (
      <nav aria-label={t('help.topicsLabel')} className="help-topics">
        {TOPICS.map((topic) => {
          const articles = data.helpArticles.filter((a) => a.topic === topic);
          if (articles.length === 0) return null;
          return (
            <section key={topic} className="help-topic" aria-labelledby={`help-topic-${topic}`}>
              <h2 id={`help-topic-${topic}`} className="help-topic__title">
                {t(`help.topics.${topic}`)}
              </h2>
              <ul className="help-topic__articles">
                {articles.map((article) => (
                  <li key={article.id} className="help-card" data-testid="help-article-card">
                    <h3 className="help-card__title">
                      <Link to={paths.helpArticle.getHref(article.slug)}>{article.title}</Link>
                    </h3>
                    <p className="help-card__summary">{article.summary}</p>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </nav>
    );
  }

  return (
    <div className="page help-page">
      <PageTitle title={t('help.title')} />
      <header className="help-page__header">
        <h1>{t('help.title')}</h1>
        <p className="help-page__intro">{t('help.intro')}</p>
      </header>
      {content}
      <ContactCta />
    </div>
  );
}
