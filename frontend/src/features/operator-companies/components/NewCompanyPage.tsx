import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CountrySelect } from '../../../components/ui/CountrySelect';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextField } from '../../../components/ui/Field';
import { Page } from '../../../components/ui/Page';
import { errorFor, type Message } from '../../../lib/messages';
import { useCreateCompany } from '../api/companies';
import { companyErrorsFromServer, companyFieldIds as ids, emptyCompanyValues, validateCompany, type CompanyValues } from '../validation';

/** What the company's page says after it was registered here. */
export type CompanyCreatedState = { created?: { adminEmail: string } } | null;

/** Register a company and invite its first administrator; on success, the company's page. */
export function NewCompanyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCompany();
  const [values, setValues] = useState<CompanyValues>(emptyCompanyValues);
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const set = (name: keyof CompanyValues) => (value: string) => setValues((current) => ({ ...current, [name]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const { errors: invalid, body } = validateCompany(values);
    setErrors(invalid);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (company) => {
        const state: CompanyCreatedState = { created: { adminEmail: body.admin_email } };
        void navigate(`/operator/companies/${company.id}`, { replace: true, state });
      },
      onError: (error) => {
        setAttempt((n) => n + 1);
        setErrors(companyErrorsFromServer(error));
      },
    });
  }

  return (
    <Page title={t('companies.form.title')}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('companies.form.intro')}</p>
      <form noValidate onSubmit={submit}>
        <TextField
          id={ids.name}
          label={t('companies.form.name')}
          hint={t('companies.form.nameHint')}
          autoComplete="off"
          value={values.name}
          onValue={set('name')}
          error={errorFor(errors, ids.name)}
        />
        <TextField
          id={ids.orgNumber}
          label={t('companies.form.orgNumber')}
          hint={t('companies.form.orgNumberHint')}
          autoComplete="off"
          spellCheck={false}
          width={20}
          value={values.org_number}
          onValue={set('org_number')}
          error={errorFor(errors, ids.orgNumber)}
        />
        <CountrySelect
          id={ids.country}
          label={t('companies.form.country')}
          hint={t('companies.form.countryHint')}
          codes="alpha2"
          value={values.country}
          onValue={set('country')}
          error={errorFor(errors, ids.country)}
        />
        <TextField
          id={ids.adminEmail}
          label={t('companies.form.adminEmail')}
          hint={t('companies.form.adminEmailHint')}
          type="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={values.admin_email}
          onValue={set('admin_email')}
          error={errorFor(errors, ids.adminEmail)}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('companies.form.submit')}
          </button>
          <Link className="action-link" to="/operator/companies">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
