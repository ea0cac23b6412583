import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale, useLocale } from '../../../lib/locale.js';
import { bannerRole, formatEndDate, RESTRICTIONS_ARTICLE } from '../standing-text.js';
import './standing-banner.css';

const StandingBanner_StandingQuery = graphql(`
  query StandingBanner_StandingQuery($locale: Locale!) {
    viewer {
      id
      standing(locale: $locale) {
        restricted
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

/**
 * Under the header for a signed-in account that is sanctioned (or has an open warning): the sanction, the
 * reason, the end date and a link to the help article on restrictions. The API refuses what is not allowed.
 */
export function StandingBanner() {
  const { t } = useTranslation();
  const locale = useLocale();
  const apiLocale = useApiLocale();
  const { data } = useQuery(StandingBanner_StandingQuery, { variables: { locale: apiLocale } });
  const standing = data?.viewer?.standing;
  if (!standing || (standing.sanctions.length === 0 && standing.warnings.length === 0)) return null;
  const learnMore = (
    <Link className="standing-banner__link" to={paths.helpArticle.getHref(RESTRICTIONS_ARTICLE)}>
      {t('standing.learnMore')}
    </Link>
  );
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
          <p className="standing-banner__text">{t(`standing.effect.${s.kind}`)}</p>
          {s.reason && (
            <p className="standing-banner__text" data-testid="standing-reason">
              {t('standing.reason', { reason: s.reason })}
            </p>
          )}
          <p className="standing-banner__text" data-testid="standing-ends">
            {s.endsAt
              ? t('standing.until', { date: formatEndDate(s.endsAt, locale) })
              : t('standing.untilLifted')}
          </p>
          {learnMore}
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
          <p className="standing-banner__text">
            {w.correctionRequested
              ? t('standing.warningRequested', { rule: w.rule })
              : t('standing.warning', { rule: w.rule, date: formatEndDate(w.correctionDueAt, locale) })}
          </p>
          {learnMore}
        </section>
      ))}
    </div>
  );
}
