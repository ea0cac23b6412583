import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { graphql } from '../../../gql/gql.js';
import { formatScore } from '../review-format.js';
import { Stars } from './stars.js';
import './reviews.css';

const CreditScore_Query = graphql(`
  query CreditScore_Query($handle: String!) {
    product(handle: $handle) {
      id
      merchant {
        id
        creditScore {
          score
          average
          count
        }
      }
    }
  }
`);

/**
 * The selling store's credit score next to its name on the product page: “★ 4.20 · from 12 reviews”.
 * While loading it holds its line empty, so the price and buttons below do not jump when it
 * arrives; renders nothing on error (the page is still usable without it).
 */
export function CreditScoreBadge({ productHandle }: { productHandle: string }) {
  const { t } = useTranslation();
  const { data, loading } = useQuery(CreditScore_Query, { variables: { handle: productHandle } });
  const score = data?.product?.merchant.creditScore;
  if (!score)
    return loading ? <span className="credit-score credit-score--pending" aria-hidden="true" /> : null;
  return (
    <span
      className="credit-score"
      data-testid="credit-score"
      data-score={score.score}
      data-count={score.count}
    >
      <Stars rating={score.score} />
      <span className="credit-score__value">
        {t('reviews.score.value', { score: formatScore(score.score) })}
      </span>
      <span className="credit-score__count">
        {score.count > 0 ? t('reviews.score.basedOn', { count: score.count }) : t('reviews.score.none')}
      </span>
    </span>
  );
}
