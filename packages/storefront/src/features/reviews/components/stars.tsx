import { useTranslation } from '../../../lib/i18n/react.js';

/** A rating as five stars; screen readers hear “4 out of 5 stars”. */
export function Stars({ rating, className }: { rating: number; className?: string }) {
  const { t } = useTranslation();
  const full = Math.max(0, Math.min(5, Math.round(rating)));
  return (
    <span
      className={['stars', className].filter(Boolean).join(' ')}
      role="img"
      aria-label={t('reviews.stars', { count: full })}
      data-rating={full}
    >
      <span aria-hidden="true" className="stars__on">
        {'★'.repeat(full)}
      </span>
      <span aria-hidden="true" className="stars__off">
        {'★'.repeat(5 - full)}
      </span>
    </span>
  );
}
