import { useTranslation } from '../../../lib/i18n/react.js';
import { paths } from '../../../app/paths.js';
import { ButtonLink } from '../../../components/ui/button.js';

/** "Still need help?" with the way to the contact form. */
export function ContactCta() {
  const { t } = useTranslation();
  return (
    <section className="help-cta" aria-labelledby="help-cta-title">
      <h2 id="help-cta-title">{t('help.stillNeedHelp')}</h2>
      <p>{t('help.stillNeedHelpText')}</p>
      <ButtonLink to={paths.contact.getHref()} variant="secondary" data-testid="contact-link">
        {t('help.contactLink')}
      </ButtonLink>
    </section>
  );
}
