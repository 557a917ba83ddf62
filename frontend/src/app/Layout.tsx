import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { focusPageHeading } from '../components/ui/focus';
import { LanguageSwitcher } from '../components/ui/LanguageSwitcher';
import { useUpdateLanguage } from '../features/account/api/update-language';
import { DevOutboxLink } from '../features/dev-outbox/components/DevOutboxLink';
import { hasRole, signOut, useAuthStatus, useMe } from '../lib/auth';

/** After a client-side navigation, move focus to the new page's heading (not on first load). */
function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    focusPageHeading();
  }, [pathname]);
}

/** The links for what the signed-in person can do; room is kept for card orders and cards. */
function MainNavigation() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const status = useAuthStatus();
  const me = useMe();

  if (status !== 'signed-in') {
    return (
      <nav className="service-nav" aria-label={t('nav.label')}>
        <ul className="container service-nav__list">
          <li>
            <NavLink className="service-nav__link" to="/check">
              {t('nav.check')}
            </NavLink>
          </li>
          {status === 'signed-out' ? (
            <li>
              <NavLink className="service-nav__link" to="/sign-in">
                {t('nav.signIn')}
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
    );
  }

  const links: { to: string; label: string; end?: boolean }[] = [];
  if (hasRole(me.data, 'cardholder')) {
    links.push({ to: '/orders', label: t('nav.orders') }, { to: '/cards', label: t('nav.cards') });
  }
  if (hasRole(me.data, 'company_admin')) links.push({ to: '/company', label: t('nav.company') });
  if (hasRole(me.data, 'verifier')) links.push({ to: '/verifier', label: t('nav.verifier') });
  links.push({ to: '/account', label: t('nav.account') });

  return (
    <nav className="service-nav" aria-label={t('nav.label')}>
      <ul className="container service-nav__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink className="service-nav__link" to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="service-nav__link service-nav__button"
            onClick={() =>
              void signOut().then(() => {
                queryClient.clear();
                return navigate('/sign-in', { state: { notice: 'signedOut' } });
              })
            }
          >
            {t('nav.signOut')}
          </button>
        </li>
      </ul>
    </nav>
  );
}

/** The page frame; `children` stand in for the route's page while its code loads (first visit). */
export function Layout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const status = useAuthStatus();
  const updateLanguage = useUpdateLanguage();
  useFocusHeadingOnNavigation();

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link className="site-header__name" to="/">
            {t('app.name')}
          </Link>
          <LanguageSwitcher
            onChanged={(code) => {
              // Signed in: emails and SMS follow the choice too.
              if (status === 'signed-in') updateLanguage.mutate(code);
            }}
          />
        </div>
      </header>
      <MainNavigation />
      <main id="main" className="container site-main" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
          <DevOutboxLink />
        </div>
      </footer>
    </>
  );
}
