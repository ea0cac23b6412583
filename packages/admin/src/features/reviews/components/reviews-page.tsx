import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Pager } from '../../../components/ui/pager';
import { LoadingState, StatusPanel } from '../../../components/ui/status-panel';
import { graphql } from '../../../gql/gql';
import type { ReviewsPage_ListQueryQuery, UserRole } from '../../../gql/graphql';
import { summarizeError } from '../../../lib/errors';
import {
  RATINGS,
  REASON_LIMITS,
  REPLY_MAX,
  REVIEW_STATUSES,
  type ReviewsView,
  parseReviewsView,
  reasonError,
  replyError,
  reviewsFilterOf,
  reviewsViewParams,
} from '../lib/view';
import './reviews.css';

const ReviewsListQuery = graphql(`
  query ReviewsPage_ListQuery($first: Int!, $after: String, $filter: StaffReviewsFilter, $locale: Locale!) {
    staffReviews(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        rating
        text
        createdAt
        authorName
        orderNumber
        status
        cancelledAt
        cancelReason
        reply {
          text
          repliedAt
        }
        merchant {
          id
          name(locale: $locale)
        }
      }
    }
  }
`);

const ReviewStoresQuery = graphql(`
  query ReviewsPage_StoresQuery {
    staffMerchants(first: 100, sort: { field: NAME, direction: ASC }) {
      nodes {
        id
        nameEn
        nameZh
      }
    }
  }
`);

const ReplyToReviewMutation = graphql(`
  mutation ReviewsPage_ReplyMutation($input: ReplyToReviewInput!) {
    replyToReview(input: $input) {
      review {
        id
        status
        reply {
          text
          repliedAt
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const CancelReviewMutation = graphql(`
  mutation ReviewsPage_CancelMutation($input: CancelReviewInput!) {
    cancelReview(input: $input) {
      review {
        id
        status
        cancelledAt
        cancelReason
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const PAGE_SIZE = 25;
type ErrorCode =
  | 'NOT_FOUND'
  | 'REVIEW_CANCELLED'
  | 'INVALID_TEXT'
  | 'ACCOUNT_RESTRICTED'
  | 'ALREADY_CANCELLED'
  | 'INVALID_REASON';

function Stars({ rating }: { rating: number }) {
  const { t } = useTranslation();
  return (
    <span className="review-stars" role="img" aria-label={t('reviews.stars', { count: rating })}>
      <span aria-hidden="true">{'★'.repeat(rating)}</span>
      <span aria-hidden="true" className="review-stars__off">
        {'★'.repeat(5 - rating)}
      </span>
    </span>
  );
}

/**
 * Reviews in the management center: merchant staff read their store's and reply; customer service reads
 * every store's; admins also cancel reviews with a reason. Filters and pages live in the URL; the open
 * review shows beside the table.
 */
export function ReviewsPage({ role }: { role: UserRole }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseReviewsView(params), [params]);
  const [draft, setDraft] = useState<ReviewsView>(view);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  useEffect(() => setDraft(view), [view]);
  const locale = i18n.language === 'zh-TW' ? 'ZH_TW' : 'EN';
  const platform = role === 'ADMIN' || role === 'CUSTOMER_SERVICE';

  const { data, loading, error, refetch } = useQuery(ReviewsListQuery, {
    variables: { first: PAGE_SIZE, after: view.after, filter: reviewsFilterOf(view), locale },
    notifyOnNetworkStatusChange: true,
  });
  const stores = useQuery(ReviewStoresQuery, { skip: !platform });

  const go = (next: ReviewsView, keepPages = false) => {
    if (!keepPages) setPrevious([]);
    setParams(reviewsViewParams(next));
  };
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...draft, after: null, selected: null });
  };

  const list = data?.staffReviews;
  const selected = list?.nodes.find((n) => n.id === view.selected) ?? null;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const title = `${t('reviews.title')} · ${t('app.name')}`;

  return (
    <div className="reviews-page">
      <title>{title}</title>
      <header className="reviews-page__header">
        <h1>{t('reviews.title')}</h1>
        <p className="reviews-page__muted">
          {platform ? t('reviews.introPlatform') : t('reviews.introStaff')}
        </p>
      </header>

      <search>
        <form className="reviews-filters" onSubmit={onFilter} aria-label={t('reviews.filters.legend')}>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="reviews-rating">
              {t('reviews.filters.rating')}
            </label>
            <select
              id="reviews-rating"
              name="rating"
              className="ui-field__input"
              value={draft.rating ?? ''}
              onChange={(e) => setDraft({ ...draft, rating: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">{t('reviews.filters.anyRating')}</option>
              {RATINGS.map((r) => (
                <option key={r} value={r}>
                  {t('reviews.filters.ratingOption', { count: r })}
                </option>
              ))}
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="reviews-status">
              {t('reviews.filters.status')}
            </label>
            <select
              id="reviews-status"
              name="status"
              className="ui-field__input"
              value={draft.status ?? 'all'}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  status: e.target.value === 'all' ? null : (e.target.value as ReviewsView['status']),
                })
              }
            >
              <option value="all">{t('reviews.filters.anyStatus')}</option>
              {REVIEW_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`reviews.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ui-field">
            <label className="ui-field__label" htmlFor="reviews-replied">
              {t('reviews.filters.replied')}
            </label>
            <select
              id="reviews-replied"
              name="replied"
              className="ui-field__input"
              value={draft.replied === null ? '' : draft.replied ? 'yes' : 'no'}
              onChange={(e) =>
                setDraft({ ...draft, replied: e.target.value === '' ? null : e.target.value === 'yes' })
              }
            >
              <option value="">{t('reviews.filters.anyReply')}</option>
              <option value="yes">{t('reviews.filters.repliedYes')}</option>
              <option value="no">{t('reviews.filters.repliedNo')}</option>
            </select>
          </div>
          {platform && (
            <div className="ui-field">
              <label className="ui-field__label" htmlFor="reviews-store">
                {t('reviews.filters.store')}
              </label>
              <select
                id="reviews-store"
                name="store"
                className="ui-field__input"
                value={draft.merchantId ?? ''}
                onChange={(e) => setDraft({ ...draft, merchantId: e.target.value || null })}
              >
                <option value="">{t('reviews.filters.anyStore')}</option>
                {stores.data?.staffMerchants.nodes.map((m) => (
                  <option key={m.id} value={m.id}>
                    {locale === 'ZH_TW' ? m.nameZh : m.nameEn}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="reviews-filters__actions">
            <Button type="submit">{t('reviews.filters.apply')}</Button>
            <Button variant="ghost" onClick={() => go(parseReviewsView(new URLSearchParams()))}>
              {t('reviews.filters.reset')}
            </Button>
          </div>
        </form>
      </search>

      <div className={`reviews-layout${view.selected ? ' reviews-layout--open' : ''}`}>
        <div className="reviews-layout__list">
          {error ? (
            <StatusPanel
              tone="error"
              title={t('errors.title')}
              actions={<Button onClick={() => void refetch()}>{t('errors.retry')}</Button>}
            >
              <p>{summarizeError(error).kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
            </StatusPanel>
          ) : !list && loading ? (
            <LoadingState label={t('reviews.loading')} />
          ) : list && list.nodes.length === 0 ? (
            <StatusPanel title={t('reviews.emptyTitle')}>
              <p>{t('reviews.emptyBody')}</p>
            </StatusPanel>
          ) : list ? (
            <>
              <p className="reviews-page__muted" aria-live="polite">
                {t('reviews.count', { count: list.totalCount })}
              </p>
              <div className="reviews-table-wrap">
                <table className="reviews-table" data-testid="reviews-table" aria-busy={loading || undefined}>
                  <thead>
                    <tr>
                      <th scope="col">{t('reviews.columns.order')}</th>
                      <th scope="col">{t('reviews.columns.rating')}</th>
                      <th scope="col">{t('reviews.columns.review')}</th>
                      {platform && <th scope="col">{t('reviews.columns.store')}</th>}
                      <th scope="col">{t('reviews.columns.written')}</th>
                      <th scope="col">{t('reviews.columns.status')}</th>
                      <th scope="col">{t('reviews.columns.reply')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.nodes.map((r) => (
                      <tr
                        key={r.id}
                        data-testid="reviews-row"
                        data-status={r.status}
                        data-rating={r.rating}
                        data-order={r.orderNumber}
                        aria-current={view.selected === r.id ? 'true' : undefined}
                      >
                        <td className="reviews-table__nowrap">
                          <Link
                            to={{ search: reviewsViewParams({ ...view, selected: r.id }).toString() }}
                            aria-label={t('reviews.view', { order: r.orderNumber })}
                          >
                            {r.orderNumber}
                          </Link>
                        </td>
                        <td className="reviews-table__nowrap">
                          <Stars rating={r.rating} />
                        </td>
                        <td className="reviews-table__text">
                          <span>{r.text}</span>
                          <span className="reviews-page__muted">{r.authorName}</span>
                        </td>
                        {platform && <td>{r.merchant.name}</td>}
                        <td className="reviews-table__nowrap">{dateFormat.format(new Date(r.createdAt))}</td>
                        <td>
                          <span className={`review-status review-status--${r.status.toLowerCase()}`}>
                            {t(`reviews.status.${r.status}`)}
                          </span>
                        </td>
                        <td className="reviews-table__nowrap">
                          {r.reply ? t('reviews.replyState.yes') : t('reviews.replyState.no')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                mode="disable"
                className="reviews-pager"
                label={t('reviews.title')}
                pageInfo={list.pageInfo}
                after={view.after}
                previous={previous}
                setPrevious={setPrevious}
                loading={loading}
                onNavigate={(cursor) => go({ ...view, after: cursor }, true)}
                labels={{ previous: t('reviews.previousPage'), next: t('reviews.nextPage') }}
              />
            </>
          ) : null}
        </div>
        {view.selected && list && (
          <ReviewDetail
            key={view.selected}
            review={selected}
            role={role}
            dateFormat={dateFormat}
            onClose={() => go({ ...view, selected: null }, true)}
            onChanged={() => void refetch()}
          />
        )}
      </div>
    </div>
  );
}

type ListedReview = ReviewsPage_ListQueryQuery['staffReviews']['nodes'][number];

function ReviewDetail({
  review,
  role,
  dateFormat,
  onClose,
  onChanged,
}: {
  review: ListedReview | null;
  role: UserRole;
  dateFormat: Intl.DateTimeFormat;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening a review moves focus to it, so keyboard and screen-reader users land on the detail.
  useEffect(() => {
    if (review) headingRef.current?.focus();
  }, [review]);

  return (
    <aside className="review-detail" aria-labelledby={headingId} data-testid="review-detail">
      {!review ? (
        <>
          <h2 id={headingId}>{t('reviews.detail.notFoundTitle')}</h2>
          <p>{t('reviews.detail.notFoundBody')}</p>
          <Button variant="secondary" onClick={onClose}>
            {t('reviews.detail.close')}
          </Button>
        </>
      ) : (
        <>
          <div className="review-detail__header">
            <h2 id={headingId} ref={headingRef} tabIndex={-1}>
              {t('reviews.detail.title', { order: review.orderNumber })}
            </h2>
            <Button variant="ghost" onClick={onClose}>
              {t('reviews.detail.close')}
            </Button>
          </div>
          <span
            className={`review-status review-status--${review.status.toLowerCase()}`}
            data-testid="review-status"
          >
            {t(`reviews.status.${review.status}`)}
          </span>
          <Stars rating={review.rating} />
          <p className="review-detail__text">{review.text}</p>
          <p className="reviews-page__muted">
            {t('reviews.detail.by', {
              name: review.authorName,
              date: dateFormat.format(new Date(review.createdAt)),
            })}
            {role !== 'MERCHANT_STAFF' && (
              <>
                <br />
                {t('reviews.detail.store', { store: review.merchant.name })}
              </>
            )}
          </p>
          {review.status === 'CANCELLED' && review.cancelledAt && (
            <Alert tone="info">
              {t('reviews.detail.cancelledInfo', {
                date: dateFormat.format(new Date(review.cancelledAt)),
                reason: review.cancelReason ?? '—',
              })}
            </Alert>
          )}
          {review.reply && (
            <div className="review-detail__reply" data-testid="review-reply">
              <h3>
                {t('reviews.detail.currentReply', {
                  date: dateFormat.format(new Date(review.reply.repliedAt)),
                })}
              </h3>
              <p className="review-detail__text">{review.reply.text}</p>
            </div>
          )}
          {role === 'MERCHANT_STAFF' && review.status === 'PUBLISHED' && (
            <ReplyForm reviewId={review.id} current={review.reply?.text ?? ''} onChanged={onChanged} />
          )}
          {role === 'ADMIN' && review.status === 'PUBLISHED' && (
            <CancelForm reviewId={review.id} onChanged={onChanged} />
          )}
        </>
      )}
    </aside>
  );
}

/** The translated text of a userError code (reply and cancel forms). */
function useErrorText(): (code: string) => string {
  const { t } = useTranslation();
  return (code) =>
    t(`reviews.errors.${code as ErrorCode}`, {
      max: code === 'INVALID_TEXT' ? REPLY_MAX : REASON_LIMITS.max,
      min: REASON_LIMITS.min,
      defaultValue: t('reviews.errors.unknown'),
    });
}

function ReplyForm({
  reviewId,
  current,
  onChanged,
}: {
  reviewId: string;
  current: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [text, setText] = useState(current);
  const [clientError, setClientError] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState(false);
  const [reply, replying] = useMutation(ReplyToReviewMutation);
  const serverErrors = replying.data?.replyToReview.userErrors ?? [];
  const fieldError = clientError ?? serverErrors.find((e) => e.field?.at(-1) === 'text')?.code ?? null;
  const general = serverErrors.filter((e) => e.field?.at(-1) !== 'text');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    const problem = replyError(text);
    setClientError(problem);
    if (problem) return;
    const result = await reply({ variables: { input: { reviewId, text } } }).catch(() => null);
    const payload = result?.data?.replyToReview;
    if (!payload) {
      setClientError(null);
      return;
    }
    if (payload.userErrors.length === 0) {
      setDone(true);
      onChanged();
    }
  };

  return (
    <form
      className="review-detail__form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      data-testid="review-reply-form"
    >
      <h3>{t('reviews.detail.replyTitle')}</h3>
      {done && <Alert tone="info">{t('reviews.detail.replySaved')}</Alert>}
      {replying.error && <Alert tone="error">{t('reviews.errors.unknown')}</Alert>}
      {general.map((e) => (
        <Alert key={e.code} tone="error">
          {errorText(e.code)}
        </Alert>
      ))}
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={`${id}-text`}>
          {t('reviews.detail.replyLabel')}
        </label>
        <textarea
          id={`${id}-text`}
          name="reply"
          className="ui-field__input"
          rows={4}
          maxLength={REPLY_MAX + 100}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setClientError(null);
          }}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`}
        />
        <p id={`${id}-hint`} className="reviews-page__muted">
          {t('reviews.detail.replyHint', { max: REPLY_MAX })}
        </p>
        {fieldError && (
          <p id={`${id}-error`} className="review-detail__field-error">
            {errorText(fieldError)}
          </p>
        )}
      </div>
      <Button type="submit" pending={replying.loading} data-testid="submit-reply">
        {current ? t('reviews.detail.updateReply') : t('reviews.detail.sendReply')}
      </Button>
    </form>
  );
}

function CancelForm({ reviewId, onChanged }: { reviewId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [reason, setReason] = useState('');
  const [clientError, setClientError] = useState<ErrorCode | null>(null);
  const [cancel, cancelling] = useMutation(CancelReviewMutation);
  const serverErrors = cancelling.data?.cancelReview.userErrors ?? [];
  const fieldError = clientError ?? serverErrors.find((e) => e.field?.at(-1) === 'reason')?.code ?? null;
  const general = serverErrors.filter((e) => e.field?.at(-1) !== 'reason');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = reasonError(reason);
    setClientError(problem);
    if (problem) return;
    const result = await cancel({ variables: { input: { reviewId, reason } } }).catch(() => null);
    const payload = result?.data?.cancelReview;
    if (
      payload &&
      (payload.userErrors.length === 0 || payload.userErrors.some((e) => e.code === 'ALREADY_CANCELLED'))
    )
      onChanged();
  };

  return (
    <form
      className="review-detail__form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      data-testid="review-cancel-form"
    >
      <h3>{t('reviews.detail.cancelTitle')}</h3>
      {cancelling.error && <Alert tone="error">{t('reviews.errors.unknown')}</Alert>}
      {general.map((e) => (
        <Alert key={e.code} tone="error">
          {errorText(e.code)}
        </Alert>
      ))}
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={`${id}-reason`}>
          {t('reviews.detail.reasonLabel')}
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          className="ui-field__input"
          rows={3}
          maxLength={REASON_LIMITS.max + 100}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setClientError(null);
          }}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`}
        />
        <p id={`${id}-hint`} className="reviews-page__muted">
          {t('reviews.detail.reasonHint', { min: REASON_LIMITS.min, max: REASON_LIMITS.max })}
        </p>
        {fieldError && (
          <p id={`${id}-error`} className="review-detail__field-error">
            {errorText(fieldError)}
          </p>
        )}
      </div>
      <Button
        type="submit"
        variant="secondary"
        pending={cancelling.loading}
        data-testid="submit-cancel-review"
      >
        {t('reviews.detail.cancel')}
      </Button>
    </form>
  );
}
