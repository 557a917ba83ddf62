import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Partner clients and the outbox, as tabs under the page heading. */
export function OperatorTabs({ current }: { current: 'partner-clients' | 'outbox' }) {
  const { t } = useTranslation();
  const tabs = [
    { id: 'partner-clients', to: '/operator/partner-clients', label: t('operator.tabs.partnerClients') },
    { id: 'outbox', to: '/operator/outbox', label: t('operator.tabs.outbox') },
  ] as const;
  return (
    <nav className="sub-nav" aria-label={t('operator.tabs.label')}>
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
