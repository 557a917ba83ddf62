import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/ui/Page';
import { Skeleton, SkeletonList } from '../../components/ui/Skeleton';
import { ServiceStatus } from '../../features/health/components/ServiceStatus';
import { hasRole, useAuthStatus, useMe } from '../../lib/auth';

/** Where the shortcuts go while it is not yet known who is signed in: about their size, so nothing jumps. */
function ShortcutsLoading() {
  return (
    <>
      <Skeleton lines={1} />
      <SkeletonList items={3} lines={1} tag={false} />
    </>
  );
}

/** What a signed-in person can do, by role; room for card orders and cards as they land. */
function Shortcuts() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <ShortcutsLoading />;
  if (!me.data) return null;
  const links: { to: string; label: string; body: string }[] = [];
  if (hasRole(me.data, 'cardholder')) {
    links.push(
      { to: '/orders', label: t('nav.orders'), body: t('home.shortcuts.orders') },
      { to: '/cards', label: t('nav.cards'), body: t('home.shortcuts.cards') },
    );
  }
  if (hasRole(me.data, 'company_admin')) {
    links.push({ to: '/company', label: t('nav.company'), body: t('home.shortcuts.company') });
  }
  if (hasRole(me.data, 'verifier')) {
    links.push({ to: '/verifier', label: t('nav.verifier'), body: t('home.shortcuts.verifier') });
  }
  if (hasRole(me.data, 'operator')) {
    links.push({ to: '/operator', label: t('nav.operator'), body: t('home.shortcuts.operator') });
  }
  links.push({ to: '/account', label: t('nav.account'), body: t('home.shortcuts.account') });
  return (
    <>
      <p>{t('home.signedInAs', { email: me.data.email })}</p>
      <ul className="shortcut-list">
        {links.map((link) => (
          <li key={link.to} className="shortcut-list__item">
            <Link className="shortcut-list__link" to={link.to}>
              {link.label}
            </Link>
            <p>{link.body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function HomeRoute() {
  const { t } = useTranslation();
  const status = useAuthStatus();
  return (
    <Page title={t('home.title')}>
      <p className="lead">{t('home.intro')}</p>
      {status === 'unknown' ? (
        // Only while a session hint's refresh is slow (the first render normally waits for it).
        <ShortcutsLoading />
      ) : status === 'signed-in' ? (
        <Shortcuts />
      ) : (
        <ul className="shortcut-list">
          <li className="shortcut-list__item">
            <Link className="shortcut-list__link" to="/sign-in">
              {t('nav.signIn')}
            </Link>
            <p>{t('home.signInBody')}</p>
          </li>
          <li className="shortcut-list__item">
            <Link className="shortcut-list__link" to="/check">
              {t('nav.check')}
            </Link>
            <p>{t('home.checkBody')}</p>
          </li>
        </ul>
      )}
      {status === 'signed-out' ? (
        <>
          <h2>{t('home.newTitle')}</h2>
          <p>{t('home.newBody')}</p>
        </>
      ) : null}
      <ServiceStatus />
    </Page>
  );
}
