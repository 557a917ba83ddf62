import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useLocation, useNavigate, useRouteError } from 'react-router';
import { Page } from '../../components/ui/Page';
import { isApiError } from '../../lib/api';
import { NotFoundRoute } from './not-found';

/** Nothing to retry: the page or the thing it shows does not exist. */
function isNotFound(error: unknown): boolean {
  return (isRouteErrorResponse(error) || isApiError(error)) && error.status === 404;
}

/**
 * A page's code could not be downloaded (no connection, or a new version replaced the files). The
 * router keeps the failed download, so only loading the page afresh can try it again.
 */
export function isFailedDownload(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|module script failed|error loading dynamically imported/i.test(error.message)
  );
}

/**
 * Shown inside the layout when a route throws; never shows the error's own text. "Try again" goes to
 * the same address again, which renders the route afresh (the router resets its error boundary on a
 * new location and runs its loaders again) or, when the page's code did not download, reloads the
 * page. A 404 gets "Page not found" and no retry.
 */
export function RouteErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    console.error(error);
  }, [error]);

  if (isNotFound(error)) {
    return <NotFoundRoute />;
  }

  const retry = () => {
    if (isFailedDownload(error)) {
      window.location.reload();
      return;
    }
    const { pathname, search, hash } = location;
    const state: unknown = location.state;
    void navigate({ pathname, search, hash }, { replace: true, state, preventScrollReset: true });
  };
  return (
    <Page title={t('error.title')} error>
      <p>{t('error.body')}</p>
      <div className="button-group">
        <button type="button" className="button" onClick={retry}>
          {t('error.retry')}
        </button>
        <Link className="action-link" to="/">
          {t('error.homeLink')}
        </Link>
      </div>
    </Page>
  );
}
