import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/ui/Page';
import { useMe } from '../../lib/auth';

// Places kept for the card-order and card screens, which come with their APIs.

export function OrdersRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav.orders')}>
      <p>{t('placeholders.orders')}</p>
      <p>
        <Link to="/account">{t('placeholders.checkDetails')}</Link>
      </p>
    </Page>
  );
}

export function CardsRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav.cards')}>
      <p>{t('placeholders.cards')}</p>
      <p>
        <Link to="/check">{t('nav.check')}</Link>
      </p>
    </Page>
  );
}

export function CompanyRoute() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('nav.company')}>
      {me.data && me.data.companies.length > 0 ? (
        <ul className="link-list">
          {me.data.companies.map((company) => (
            <li key={company.id}>
              <strong>{company.name}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      <p>{t('placeholders.company')}</p>
    </Page>
  );
}
