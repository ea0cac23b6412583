import { useTranslation } from '../../lib/i18n/react.js';
import { ButtonLink } from '../../components/ui/button.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { EmptyState } from '../../components/ui/states.js';
import { paths } from '../paths.js';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('common.notFoundTitle')} />
      <EmptyState
        headingLevel={1}
        title={t('common.notFoundTitle')}
        description={t('common.notFoundDescription')}
        action={<ButtonLink to={paths.home.getHref()}>{t('common.backHome')}</ButtonLink>}
      />
    </>
  );
}
