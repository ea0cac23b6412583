import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql/gql';
import { articleBlocks, bannerRole, formatEndDate, RESTRICTIONS_ARTICLE } from '../lib/standing';
import './standing-banner.css';

const StandingBannerQuery = graphql(`
  query StandingBanner_StandingQuery($locale: Locale!) {
    viewer {
      id
      standing(locale: $locale) {
        restricted
        restrictions
        sanctions {
          subject
          kind
          reason
          endsAt
        }
        warnings {
          rule
          correctionDueAt
          correctionRequested
        }
      }
    }
  }
`);

const StandingArticleQuery = graphql(`
  query StandingBanner_ArticleQuery($slug: String!, $locale: Locale!) {
    helpArticle(slug: $slug) {
      id
      body(locale: $locale)
    }
  }
`);

const apiLocale = (language: string) => (language === 'zh-TW' ? ('ZH_TW' as const) : ('EN' as const));

/** The explanation from the help center, loaded when the disclosure is opened. */
function RestrictionsExplained() {
  const { t, i18n } = useTranslation();
  const [load, { data, loading, error, called }] = useLazyQuery(StandingArticleQuery);
  const body = data?.helpArticle?.body;
  return (
    <details
      className="standing-banner__details"
      onToggle={(event) => {
        if (event.currentTarget.open && !called)
          void load({ variables: { slug: RESTRICTIONS_ARTICLE, locale: apiLocale(i18n.language) } });
      }}
    >
      <summary data-testid="standing-learn-more">{t('standing.learnMore')}</summary>
      {loading && <p>{t('standing.articleLoading')}</p>}
      {(error || (called && !loading && data && !body)) && <p>{t('standing.articleError')}</p>}
      {body && (
        <div className="standing-banner__article" data-testid="standing-article">
          {articleBlocks(body).map((block, i) => {
            const key = `${block.kind}-${i}`;
            if (block.kind === 'heading') return <h3 key={key}>{block.text}</h3>;
            if (block.kind === 'paragraph') return <p key={key}>{block.text}</p>;
            return (
              <ul key={key}>
                {block.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            );
          })}
        </div>
      )}
    </details>
  );
}

/**
 * Above every page of the management center for an account (or store) that is sanctioned or warned: the
 * sanction, the reason, the end date and what it means. The API is the real guard; see `useRestrictions`.
 */
export function StandingBanner() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(StandingBannerQuery, { variables: { locale: apiLocale(i18n.language) } });
  const standing = data?.viewer?.standing;
  if (!standing || (standing.sanctions.length === 0 && standing.warnings.length === 0)) return null;
  return (
    <div className="standing-banners">
      {standing.sanctions.map((s) => (
        <section
          key={`${s.subject}-${s.kind}`}
          className={`standing-banner standing-banner--${bannerRole(s.kind)}`}
          role={bannerRole(s.kind)}
          aria-label={t('standing.label')}
          data-testid="standing-banner"
          data-kind={s.kind}
          data-subject={s.subject}
        >
          <p className="standing-banner__title">{t(`standing.title.${s.subject}.${s.kind}`)}</p>
          <p>{t(`standing.effect.${s.kind}`)}</p>
          {s.reason && <p data-testid="standing-reason">{t('standing.reason', { reason: s.reason })}</p>}
          <p data-testid="standing-ends">
            {s.endsAt
              ? t('standing.until', { date: formatEndDate(s.endsAt, i18n.language) })
              : t('standing.untilLifted')}
          </p>
          <RestrictionsExplained />
        </section>
      ))}
      {standing.warnings.map((w) => (
        <section
          key={`${w.rule}-${w.correctionDueAt}`}
          className="standing-banner standing-banner--status"
          role="status"
          aria-label={t('standing.label')}
          data-testid="standing-warning"
        >
          <p>
            {w.correctionRequested
              ? t('standing.warningRequested', { rule: w.rule })
              : t('standing.warning', {
                  rule: w.rule,
                  date: formatEndDate(w.correctionDueAt, i18n.language),
                })}
          </p>
        </section>
      ))}
    </div>
  );
}

/**
 * The actions the viewer's standing refuses now (GraphQL `CapabilityAction` names, e.g. `LISTING_EDIT`), from the
 * banner's cached query: pages disable the matching buttons. Empty while loading (the API refuses anyway).
 */
export function useRestrictions(): ReadonlySet<string> {
  const { i18n } = useTranslation();
  const { data } = useQuery(StandingBannerQuery, {
    variables: { locale: apiLocale(i18n.language) },
    fetchPolicy: 'cache-first',
  });
  return new Set(data?.viewer?.standing?.restrictions ?? []);
}
