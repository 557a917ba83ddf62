import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { Page } from '../../components/ui/Page';

/** Shown inside the layout when a route throws; never shows the error's own text. */
export function RouteErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <Page title={t('error.title')}>
      <p>{t('error.body')}</p>
      <p>
        <Link className="action-link" to="/">
          {t('error.homeLink')}
        </Link>
      </p>
    </Page>
  );
}
