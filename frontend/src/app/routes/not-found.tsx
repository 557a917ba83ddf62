import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/ui/Page';

/** Any client-side path without a route; the server answers such paths with index.html. */
export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} error>
      <p>{t('notFound.body')}</p>
      <p>
        <Link className="action-link" to="/">
          {t('notFound.homeLink')}
        </Link>
      </p>
    </Page>
  );
}
