import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { Page } from '../components/ui/Page';
import { Skeleton } from '../components/ui/Skeleton';
import { hasRole, useAuthStatus, useMe, type Role } from '../lib/auth';
import { describeError, useMessageText } from '../lib/messages';
import { signInPath } from '../lib/navigation';

/**
 * Child routes need a signed-in person (and, with `role`, that role from `GET /me`). While the
 * silent refresh or `/me` is under way a skeleton shows, so nobody is bounced to sign-in on reload.
 */
export function RequireSignIn({ role }: { role?: Role }) {
  const status = useAuthStatus();
  const location = useLocation();
  const me = useMe();
  const { t } = useTranslation();
  const text = useMessageText();

  if (status === 'unknown') return <Skeleton lines={4} />;
  if (status === 'signed-out') {
    return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  }
  if (!role) return <Outlet />;
  if (me.isPending) return <Skeleton lines={4} />;
  if (me.isError) {
    return (
      <Page title={t('error.title')} error>
        <p>{text(describeError(me.error))}</p>
      </Page>
    );
  }
  if (!hasRole(me.data, role)) {
    return (
      <Page title={t('forbidden.title')} error>
        <p>{t('forbidden.body')}</p>
        <p>
          <Link className="action-link" to="/">
            {t('notFound.homeLink')}
          </Link>
        </p>
      </Page>
    );
  }
  return <Outlet />;
}

/** The sign-in form is for signed-out people; a signed-in one goes home. */
export function RequireSignedOut() {
  const status = useAuthStatus();
  if (status === 'signed-in') return <Navigate to="/" replace />;
  return <Outlet />;
}
