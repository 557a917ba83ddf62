import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { safeNextPath } from '../../../lib/navigation';

/**
 * After a login by SMS: SMS codes can be intercepted (NIST calls SMS "restricted"), so offer the
 * authenticator app. Skippable; the person goes on to where they were going.
 */
export function OfferAuthenticatorPage() {
  const { t } = useTranslation();
  const state = useLocation().state as { next?: string } | null;
  const next = safeNextPath(state?.next);

  return (
    <Page title={t('offerTotp.title')}>
      <p>{t('offerTotp.why')}</p>
      <p>{t('offerTotp.how')}</p>
      <div className="button-group">
        <Link
          className="button"
          to={`/account/security/authenticator?next=${encodeURIComponent(next)}`}
        >
          {t('offerTotp.setUp')}
        </Link>
        <Link className="action-link" to={next} replace>
          {t('offerTotp.skip')}
        </Link>
      </div>
    </Page>
  );
}
