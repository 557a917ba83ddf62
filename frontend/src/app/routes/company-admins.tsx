import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/Page';
import { CompanyTabs, useCompany } from '../../features/company/components/CompanyScope';
import { CompanyAdmins } from '../../features/company-admins/components/CompanyAdmins';
import { CompanyDetailPage } from '../../features/operator-companies/components/CompanyDetailPage';

/**
 * `/company/:companyId/admins`: a company administrator's own "Administrators" page, in the company
 * area beside orders and cards. Composed here because it joins the company and company-admins features.
 */
export function CompanyAdminsRoute() {
  const { t } = useTranslation();
  const company = useCompany();
  return (
    <Page title={t('companyAdmins.title')} caption={company.name}>
      <CompanyTabs current="admins" />
      <CompanyAdmins company={company} headingLevel={2} />
    </Page>
  );
}

/** `/operator/companies/:companyId`: the company for operators, with the same administrators panel. */
export function OperatorCompanyRoute() {
  return <CompanyDetailPage admins={(company) => <CompanyAdmins company={company} headingLevel={3} />} />;
}
