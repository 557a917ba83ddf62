import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useOutletContext, useParams } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { useMe } from '../../../lib/auth';

export type Company = { id: string; name: string };

/**
 * The company in the URL (`/company/:companyId/…`), if the signed-in person administers it; its
 * pages read it with `useCompany()`. The server checks this too; here it saves a useless request
 * and says why in words.
 */
export function CompanyScope() {
  const { t } = useTranslation();
  const { companyId } = useParams();
  const me = useMe();
  if (!me.data) return <Skeleton lines={4} />;
  const company = me.data.companies.find((candidate) => candidate.id === companyId);
  if (!company) {
    return (
      <Page title={t('forbidden.title')}>
        <p>{t('company.notYours')}</p>
        <p>
          <Link className="action-link" to="/company">
            {t('company.chooseLink')}
          </Link>
        </p>
      </Page>
    );
  }
  return <Outlet context={company} />;
}

export function useCompany(): Company {
  return useOutletContext<Company>();
}

/** `/company`: straight to the orders of the one company administered, or a choice of them. */
export function CompanyIndex() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <Skeleton lines={4} />;
  const companies = me.data.companies;
  if (companies.length === 1 && companies[0]) {
    return <Navigate to={`/company/${companies[0].id}/orders`} replace />;
  }
  return (
    <Page title={t('company.choose.title')}>
      {companies.length === 0 ? (
        <p>{t('company.choose.none')}</p>
      ) : (
        <ul className="shortcut-list">
          {companies.map((company) => (
            <li key={company.id} className="shortcut-list__item">
              <Link className="shortcut-list__link" to={`/company/${company.id}/orders`}>
                {company.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

/** Orders, cards and administrators of the company, as tabs under the page heading. */
export function CompanyTabs({ current }: { current: 'orders' | 'cards' | 'admins' }) {
  const { t } = useTranslation();
  const company = useCompany();
  const tabs = [
    { id: 'orders', to: `/company/${company.id}/orders`, label: t('company.tabs.orders') },
    { id: 'cards', to: `/company/${company.id}/cards`, label: t('company.tabs.cards') },
    { id: 'admins', to: `/company/${company.id}/admins`, label: t('company.tabs.admins') },
  ] as const;
  return (
    <nav className="sub-nav" aria-label={t('company.tabs.label')}>
      <ul className="sub-nav__list">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link
              className={`sub-nav__link${tab.id === current ? ' sub-nav__link--current' : ''}`}
              to={tab.to}
              aria-current={tab.id === current ? 'page' : undefined}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
