import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/Page';
import { ServiceStatus } from '../../features/health/components/ServiceStatus';

export function HomeRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('home.title')}>
      <p className="lead">{t('home.intro')}</p>
      <ServiceStatus />
    </Page>
  );
}
