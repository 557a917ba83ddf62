import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { focusPageHeading } from '../components/ui/focus';
import { LanguageSwitcher } from '../components/ui/LanguageSwitcher';
import { DevOutboxLink } from '../features/dev-outbox/components/DevOutboxLink';
import { hasRole, meQueryKey, signOut, useAuthStatus, useMe } from '../lib/auth';
import type { LanguageCode } from '../lib/i18n/languages';

/**
 * Signed in, the header's language choice is saved on the account too, so emails and SMS follow it.
 * The account code is loaded only then: visitors never download it.
 */
async function saveLanguageOnAccount(queryClient: QueryClient, code: LanguageCode): Promise<void> {
  try {
    const { updateLanguage } = await import('../features/account/api/update-language');
    queryClient.setQueryData(meQueryKey, await updateLanguage(code));
  } catch {
    // The page has switched anyway; the account keeps its language until the next choice.
  }
}

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
  if (hasRole(me.data, 'operator')) links.push({ to: '/operator', label: t('nav.operator') });
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
  const queryClient = useQueryClient();
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
      {/* At least a screen tall, so the footer starts below the first screen and content that arrives
          late never moves a footer the reader can see. */}
      <div className="site-page">
        <header className="site-header">
          <div className="container site-header__inner">
            <Link className="site-header__name" to="/">
              {t('app.name')}
            </Link>
            <LanguageSwitcher
              onChanged={(code) => {
                if (status === 'signed-in') void saveLanguageOnAccount(queryClient, code);
              }}
            />
          </div>
        </header>
        <MainNavigation />
        <main id="main" className="container site-main" tabIndex={-1}>
          {children ?? <Outlet />}
        </main>
      </div>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
          <DevOutboxLink />
        </div>
      </footer>
    </>
  );
}
