import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Page } from '../../../components/ui/Page';

/** The account is active: on to signing in (with the email address filled in). */
export function DonePage() {
  const { t } = useTranslation();
  const state = useLocation().state as { email?: string } | null;
  return (
    <Page title={t('register.done.title')}>
      <div className="panel panel--success">
        <p className="panel__body">{t('register.done.panel')}</p>
      </div>
      <p>{t('register.done.next')}</p>
      <Link className="button" to="/sign-in" state={{ email: state?.email, notice: 'accountCreated' }}>
        {t('register.done.signIn')}
      </Link>
    </Page>
  );
}

/** The registration link is unknown, used or older than 7 days. */
export function InvalidLinkPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('register.invalid.title')}>
      <p>{t('register.invalid.body')}</p>
      <p>{t('register.invalid.office')}</p>
      <p>
        {t('register.invalid.already')}{' '}
        <Link to="/sign-in">{t('register.invalid.signIn')}</Link>
      </p>
    </Page>
  );
}
