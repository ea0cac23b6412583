import { useTranslation } from '../../lib/i18n/react.js';

/**
 * Sets the document title ("Page · Marketplace"); React 19 hoists <title> into <head>, and the
 * last one rendered wins, so a page's title replaces the app's default.
 */
export function PageTitle({ title }: { title?: string | null }) {
  const { t } = useTranslation();
  const appName = t('app.name');
  return <title>{title ? `${title} · ${appName}` : appName}</title>;
}
