import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n/react.js';
import { Button } from '../../../components/ui/button.js';
import { graphql } from '../../../gql/gql.js';
import { useApiLocale } from '../../../lib/locale.js';
import {
  isReviewErrorCode,
  REVIEW_TEXT_BOUNDS,
  type ReviewErrorCode,
  type ReviewFormField,
  reviewFormProblems,
} from '../review-format.js';
import { Stars } from './stars.js';
import './reviews.css';

const OrderReview_Query = graphql(`
  query OrderReview_Query($number: String!, $locale: Locale!) {
    order(number: $number) {
      id
      status
      viewerCanReview
      merchant {
        id
        name(locale: $locale)
      }
      review {
        id
        rating
        text
        status
        createdAt
        reply {
          text
          repliedAt
        }
      }
    }
  }
`);

const OrderReview_WriteReviewMutation = graphql(`
  mutation OrderReview_WriteReviewMutation($input: WriteReviewInput!) {
    writeReview(input: $input) {
      review {
        id
        rating
        text
        status
        createdAt
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

type FieldErrors = Partial<Record<ReviewFormField | 'form', string>>;

/**
 * On the shopper's order page: once the order is COMPLETED, “Rate this order” (stars 1–5 as a radio
 * group + text); after that, the review as published (with the store's reply). Nothing before completion.
 */
export function OrderReview({ number }: { number: string }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = useApiLocale();
  const result = useQuery(OrderReview_Query, {
    variables: { number, locale },
    fetchPolicy: 'cache-and-network',
  });
  const [write, writeState] = useMutation(OrderReview_WriteReviewMutation);
  const [rating, setRating] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [justPublished, setJustPublished] = useState(false);
  const formHeading = useRef<HTMLHeadingElement>(null);

  const order = result.data?.order;
  const showForm = Boolean(order && !order.review && order.viewerCanReview);
  // “Rate this order” on My Orders links to `#review`: bring the form into view once it is there.
  useEffect(() => {
    if (showForm && window.location.hash === '#review') {
      formHeading.current?.scrollIntoView({ block: 'start' });
      formHeading.current?.focus();
    }
  }, [showForm]);

  if (!order) {
    if (result.error && !result.loading)
      return (
        <p className="review-form__error" role="alert">
          {t('reviews.order.loadError')}
        </p>
      );
    return null;
  }

  const messageOf = (code: ReviewErrorCode | 'unknown') =>
    t(`reviews.order.errors.${code}`, REVIEW_TEXT_BOUNDS);

  if (order.review) {
    const review = order.review;
    return (
      <section className="review-card" aria-labelledby={`${id}-title`} data-testid="order-review">
        <h2 id={`${id}-title`} className="review-card__title">
          {t('reviews.order.title')}
        </h2>
        {justPublished && (
          <p className="review-form__success" role="status" data-testid="review-published">
            {t('reviews.order.published')}
          </p>
        )}
        {review.status === 'CANCELLED' && (
          <p className="review-card__cancelled" data-testid="review-cancelled">
            {t('reviews.order.cancelled')}
          </p>
        )}
        <Stars rating={review.rating} />
        <p className="review-item__text" data-testid="order-review-text">
          {review.text}
        </p>
        {review.reply && (
          <div className="review-reply" data-testid="review-reply">
            <p className="review-reply__title">{t('reviews.order.replyTitle')}</p>
            <p className="review-reply__text">{review.reply.text}</p>
          </div>
        )}
      </section>
    );
  }

  if (!order.viewerCanReview) return null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = reviewFormProblems(rating, text);
    if (problems.length > 0) {
      setErrors(Object.fromEntries(problems.map((p) => [p.field, messageOf(p.code)])));
      return;
    }
    setErrors({});
    try {
      const res = await write({ variables: { input: { orderId: order.id, rating: rating!, text } } });
      const payload = res.data?.writeReview;
      if (!payload) throw new Error('no payload');
      if (payload.userErrors.length > 0) {
        const next: FieldErrors = {};
        for (const e of payload.userErrors) {
          const field = e.field?.[1];
          const key: keyof FieldErrors = field === 'rating' || field === 'text' ? field : 'form';
          next[key] = isReviewErrorCode(e.code) ? messageOf(e.code) : e.message;
        }
        setErrors(next);
        // Someone (another tab) reviewed it meanwhile: show the review that exists.
        if (payload.userErrors.some((e) => e.code === 'ALREADY_REVIEWED')) void result.refetch();
        return;
      }
      setJustPublished(true);
      await result.refetch();
    } catch {
      setErrors({ form: messageOf('unknown') });
    }
  };

  return (
    <section className="review-card" id="review" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="review-card__title" ref={formHeading} tabIndex={-1}>
        {t('reviews.order.rateTitle')}
      </h2>
      <p className="review-card__intro">{t('reviews.order.rateIntro', { merchant: order.merchant.name })}</p>
      <form className="review-form" data-testid="review-form" noValidate onSubmit={(e) => void submit(e)}>
        {errors.form && (
          <p className="review-form__error" role="alert" data-testid="review-error">
            {errors.form}
          </p>
        )}
        <fieldset
          className="review-form__stars"
          aria-describedby={errors.rating ? `${id}-rating-error` : undefined}
          aria-invalid={errors.rating ? true : undefined}
        >
          <legend>{t('reviews.order.ratingLegend')}</legend>
          <div className="star-input">
            {[1, 2, 3, 4, 5].map((value) => (
              <label
                key={value}
                className={['star-input__option', rating !== null && value <= rating ? 'is-on' : '']
                  .filter(Boolean)
                  .join(' ')}
              >
                <input
                  type="radio"
                  name="rating"
                  value={value}
                  checked={rating === value}
                  onChange={() => setRating(value)}
                />
                <span aria-hidden="true">★</span>
                <span className="visually-hidden">{t('reviews.order.ratingOption', { count: value })}</span>
              </label>
            ))}
          </div>
          {errors.rating && (
            <p id={`${id}-rating-error`} className="review-form__error" data-testid="review-rating-error">
              {errors.rating}
            </p>
          )}
        </fieldset>
        <div className="review-form__field">
          <label htmlFor={`${id}-text`}>{t('reviews.order.textLabel')}</label>
          <textarea
            id={`${id}-text`}
            name="text"
            rows={4}
            maxLength={REVIEW_TEXT_BOUNDS.max}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={`${id}-text-hint${errors.text ? ` ${id}-text-error` : ''}`}
          />
          <p id={`${id}-text-hint`} className="review-form__hint">
            {t('reviews.order.textHint', REVIEW_TEXT_BOUNDS)}
          </p>
          {errors.text && (
            <p id={`${id}-text-error`} className="review-form__error" data-testid="review-text-error">
              {errors.text}
            </p>
          )}
        </div>
        <Button type="submit" isLoading={writeState.loading} data-testid="submit-review">
          {t('reviews.order.submit')}
        </Button>
      </form>
    </section>
  );
}
