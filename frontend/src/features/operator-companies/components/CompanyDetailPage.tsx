import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Notice } from '../../../components/ui/Notice';
import { OperatorTabs } from '../../../components/ui/OperatorTabs';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { SummaryList } from '../../../components/ui/SummaryList';
import { isApiError } from '../../../lib/api';
import { countryName } from '../../../lib/countries';
import { formatDateTime } from '../../../lib/date';
import { describeError, useMessageText } from '../../../lib/messages';
import { useCompany, type Company } from '../api/companies';
import type { CompanyCreatedState } from './NewCompanyPage';

type CompanyDetailPageProps = {
  /** The company's administrators (from the company-admins feature, composed in `src/app`). */
  admins: (company: Company) => ReactNode;
};

/** One company for operators: its registration data and its administrators. */
export function CompanyDetailPage({ admins }: CompanyDetailPageProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const text = useMessageText();
  const { companyId = '' } = useParams();
  const company = useCompany(companyId);
  const created = (useLocation().state as CompanyCreatedState)?.created;
  const back = (
    <p>
      <Link className="action-link" to="/operator/companies">
        {t('companies.detail.back')}
      </Link>
    </p>
  );

  if (company.isPending) return <Skeleton lines={6} />;
  if (company.isError) {
    const notFound = isApiError(company.error) && (company.error.status === 404 || company.error.status === 400);
    return (
      <Page title={notFound ? t('companies.detail.notFound') : t('error.title')} error>
        <p>{notFound ? t('companies.detail.notFoundBody') : text(describeError(company.error))}</p>
        {back}
      </Page>
    );
  }

  const data = company.data;
  return (
    <Page title={data.name} caption={t('companies.detail.caption')}>
      <OperatorTabs current="companies" />
      {created ? (
        <Notice title={t('companies.detail.created', { name: data.name })} focus>
          <p>{t('companies.detail.createdBody', { email: created.adminEmail })}</p>
        </Notice>
      ) : null}
      <SummaryList
        rows={[
          { key: 'name', label: t('companies.form.name'), value: data.name },
          { key: 'org', label: t('companies.form.orgNumber'), value: data.org_number },
          { key: 'country', label: t('companies.form.country'), value: countryName(data.country, language) },
          { key: 'created', label: t('companies.detail.registered'), value: formatDateTime(data.created_at, language) },
        ]}
      />
      <h2>{t('companies.detail.admins')}</h2>
      {admins(data)}
      {back}
    </Page>
  );
}
