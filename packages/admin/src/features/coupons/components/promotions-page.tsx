import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ActivitiesTable } from './activities-table';
import { CouponsTable } from './coupons-table';
import './promotions.css';

type Tab = 'coupons' | 'activities';

/**
 * Coupons and activities of the management center, one tab each (`?tab=activities`). Merchant staff
 * manage their store's; admins manage platform coupons and oversee every store's promotions.
 */
export function PromotionsPage({ role }: { role: 'MERCHANT_STAFF' | 'ADMIN' }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const tab: Tab = params.get('tab') === 'activities' ? 'activities' : 'coupons';
  const title = `${t('promotions.title')} · ${t('app.name')}`;
  return (
    <div className="promotions-page">
      <title>{title}</title>
      <header className="promotions-page">
        <h1>{t('promotions.title')}</h1>
        <p className="promotions-page__intro">{t('promotions.intro')}</p>
      </header>
      <nav className="promotions-tabs" aria-label={t('promotions.tabs.label')}>
        {(['coupons', 'activities'] as const).map((name) => (
          <Link
            key={name}
            to={name === 'coupons' ? '?' : '?tab=activities'}
            aria-current={tab === name ? 'page' : undefined}
            data-testid={`tab-${name}`}
          >
            {t(`promotions.tabs.${name}`)}
          </Link>
        ))}
      </nav>
      {tab === 'coupons' ? (
        <CouponsTable key="coupons" role={role} />
      ) : (
        <ActivitiesTable key="activities" role={role} />
      )}
    </div>
  );
}
