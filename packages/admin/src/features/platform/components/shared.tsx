import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { StatusPanel } from '../../../components/ui/status-panel';
import { summarizeError } from '../../../lib/errors';

/** A failed query, with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const summary = summarizeError(error);
  return (
    <StatusPanel
      tone="error"
      title={t('errors.title')}
      actions={<Button onClick={onRetry}>{t('errors.retry')}</Button>}
    >
      <p>{summary.kind === 'network' ? t('errors.network') : t('errors.unexpected')}</p>
      {summary.requestId && <p>{t('errors.reference', { id: summary.requestId })}</p>}
    </StatusPanel>
  );
}

/** Previous/next buttons of a cursor-paged table (`previous` is the stack of earlier cursors). */
export function Pager({
  label,
  hasPrevious,
  hasNext,
  busy,
  onPrevious,
  onNext,
}: {
  label: string;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="platform-actions" aria-label={label}>
      <Button variant="secondary" disabled={!hasPrevious || busy} onClick={onPrevious}>
        {t('platform.common.previous')}
      </Button>
      <Button variant="secondary" disabled={!hasNext || busy} onClick={onNext}>
        {t('platform.common.next')}
      </Button>
    </nav>
  );
}

/** The first userError for a field (matched by the last element of its path). */
export function errorFor<E extends { field?: readonly string[] | null }>(
  errors: readonly E[] | undefined,
  field: string,
): E | undefined {
  return errors?.find((e) => e.field?.at(-1) === field);
}

/** The API's locale enum for the UI language. */
export const apiLocale = (language: string) => (language === 'zh-TW' ? ('ZH_TW' as const) : ('EN' as const));
