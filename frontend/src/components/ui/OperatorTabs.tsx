import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type OperatorTab = 'companies' | 'staff' | 'partner-clients' | 'outbox' | 'audit-log';

/**
 * The operator console's sections, as tabs under the page heading. Shared because its pages live in
 * more than one feature folder (partner clients and the outbox; companies, staff and the audit log).
 */
export function OperatorTabs({ current }: { current: OperatorTab }) {
  const { t } = useTranslation();
  const tabs: { id: OperatorTab; to: string; label: string }[] = [
    { id: 'companies', to: '/operator/companies', label: t('operator.tabs.companies') },
    { id: 'staff', to: '/operator/staff', label: t('operator.tabs.staff') },
    { id: 'partner-clients', to: '/operator/partner-clients', label: t('operator.tabs.partnerClients') },
    { id: 'outbox', to: '/operator/outbox', label: t('operator.tabs.outbox') },
    { id: 'audit-log', to: '/operator/audit-log', label: t('operator.tabs.auditLog') },
  ];
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
