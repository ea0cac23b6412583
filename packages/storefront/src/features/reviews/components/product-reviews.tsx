import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';
import { LoadingState } from '../../../components/ui/spinner.js';
import { ErrorState } from '../../../components/ui/states.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale, useLocale } from '../../../lib/locale.js';
import { formatScore } from '../review-format.js';
import { Stars } from './stars.js';
import './reviews.css';

const ProductReviews_Query = graphql(`
  query ProductReviews_Query($handle: String!, $locale: Locale!, $first: Int!, $after: String) {
    product(handle: $handle) {
      id
      merchant {
        id
        name(locale: $locale)
        creditScore {
          score
          average
          count
          distribution {
            rating
            count
          }
        }
      }
      reviews(first: $first, after: $after) {
        totalCount
        nodes {
          id
          rating
          text
          createdAt
          authorName
          items(locale: $locale)
          reply {
            text
            repliedAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const PAGE = 5;

function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** The product page's reviews: the store's credit score with its distribution, then reviews newest first. */
export function ProductReviews({ productHandle }: { productHandle: string }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = useLocale();
  const apiLocale = useApiLocale();
  const [moreFailed, setMoreFailed] = useState(false);
  const result = useQuery(ProductReviews_Query, {
    variables: { handle: productHandle, locale: apiLocale, first: PAGE },
    notifyOnNetworkStatusChange: true,
  });
  const data = result.data ?? result.previousData;
  const product = data?.product;

  let body: ReactNode;
  if (!data) {
    body = result.error ? (
      <ErrorState description={t('reviews.product.loadError')} onRetry={() => void result.refetch()} />
    ) : (
      <LoadingState />
    );
  } else if (!product) {
    return null;
  } else {
    const score = product.merchant.creditScore;
    const reviews = product.reviews;
    const loadMore = async () => {
      if (!reviews.pageInfo.endCursor) return;
      setMoreFailed(false);
      try {
        await result.fetchMore({
          variables: { after: reviews.pageInfo.endCursor },
          updateQuery: (previous, { fetchMoreResult }) => {
            if (!previous.product || !fetchMoreResult.product) return fetchMoreResult;
            const seen = previous.product.reviews.nodes;
            return {
              ...fetchMoreResult,
              product: {
                ...fetchMoreResult.product,
                reviews: {
                  ...fetchMoreResult.product.reviews,
                  nodes: [
                    ...seen,
                    ...fetchMoreResult.product.reviews.nodes.filter((n) => !seen.some((s) => s.id === n.id)),
                  ],
                },
              },
            };
          },
        });
      } catch {
        setMoreFailed(true);
      }
    };
    const max = Math.max(1, ...score.distribution.map((d) => d.count));
    body = (
      <>
        <div className="review-summary" data-testid="review-summary">
          <div className="review-summary__score">
            <span className="review-summary__number" aria-hidden="true">
              {formatScore(score.score)}
            </span>
            <Stars rating={score.score} />
            <span className="review-summary__label">
              {t('reviews.score.value', { score: formatScore(score.score) })}
            </span>
            <span className="review-summary__count">
              {score.count > 0
                ? `${t('reviews.score.basedOn', { count: score.count })} · ${t('reviews.score.average', {
                    average: formatScore(score.average ?? 0),
                  })}`
                : t('reviews.score.none')}
            </span>
          </div>
          <div>
            <h3 className="review-summary__heading" id={`${id}-dist`}>
              {t('reviews.score.distribution')}
            </h3>
            <ul className="review-distribution" aria-labelledby={`${id}-dist`}>
              {score.distribution.map((d) => (
                <li key={d.rating} className="review-distribution__row">
                  <span className="visually-hidden">
                    {t('reviews.score.distributionRow', { rating: d.rating, count: d.count })}
                  </span>
                  <span aria-hidden="true" className="review-distribution__label">
                    {d.rating}★
                  </span>
                  <span aria-hidden="true" className="review-distribution__bar">
                    <span style={{ width: `${(d.count / max) * 100}%` }} />
                  </span>
                  <span aria-hidden="true" className="review-distribution__count">
                    {d.count}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <p className="review-summary__explain">{t('reviews.score.explain')}</p>
        </div>
        {reviews.nodes.length === 0 ? (
          <p className="review-empty" data-testid="reviews-empty">
            {t('reviews.product.empty')}
          </p>
        ) : (
          <ul className="review-list">
            {reviews.nodes.map((review) => (
              <li
                key={review.id}
                className="review-item"
                data-testid="review-item"
                data-rating={review.rating}
              >
                <div className="review-item__head">
                  <Stars rating={review.rating} />
                  <span className="review-item__by">
                    {t('reviews.product.by', {
                      name: review.authorName,
                      date: formatDate(review.createdAt, locale),
                    })}
                  </span>
                </div>
                <p className="review-item__text">{review.text}</p>
                {review.items.length > 0 && (
                  <p className="review-item__bought">
                    {t('reviews.product.bought', { items: review.items.join(', ') })}
                  </p>
                )}
                {review.reply && (
                  <div className="review-reply" data-testid="review-reply">
                    <p className="review-reply__title">
                      {t('reviews.product.reply', { merchant: product.merchant.name })}
                    </p>
                    <p className="review-reply__text">{review.reply.text}</p>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {moreFailed && (
          <p className="review-form__error" role="alert">
            {t('reviews.product.loadError')}
          </p>
        )}
        {reviews.pageInfo.hasNextPage && (
          <Button
            variant="secondary"
            onClick={() => void loadMore()}
            isLoading={result.networkStatus === NetworkStatus.fetchMore}
            data-testid="more-reviews"
          >
            {t('reviews.product.more')}
          </Button>
        )}
      </>
    );
  }

  return (
    <section className="product-reviews" aria-labelledby={`${id}-title`} data-testid="product-reviews">
      <h2 id={`${id}-title`}>{t('reviews.product.title')}</h2>
      {product && (
        <p className="product-reviews__intro">
          {t('reviews.product.intro', { merchant: product.merchant.name })}
        </p>
      )}
      {body}
    </section>
  );
}
