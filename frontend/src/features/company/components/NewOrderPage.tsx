import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { isApiError } from '../../../lib/api';
import { describeError, fieldErrorsFromProblem, type Message } from '../../../lib/messages';
import { useCreateOrder } from '../api/create-order';
import { emptyOrderValues, orderServerFields, validateOrder, type OrderValues } from '../validation';
import { useCompany } from './CompanyScope';
import { OrderFields } from './OrderFields';

/** Order a card, step 1 of 2: the worker and the delivery address (step 2 is the portrait). */
export function NewOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const company = useCompany();
  const create = useCreateOrder();
  const [values, setValues] = useState<OrderValues>(emptyOrderValues);
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const { errors: invalid, body } = validateOrder(values);
    setErrors(invalid);
    if (!body) return;
    create.mutate(
      { companyId: company.id, body },
      {
        onSuccess: (order) =>
          void navigate(`/company/${company.id}/orders/${order.id}/photo`, { state: { created: true } }),
        onError: (error) =>
          setErrors(
            isApiError(error) && error.code === 'validation_failed'
              ? fieldErrorsFromProblem(error, orderServerFields)
              : [describeError(error)],
          ),
      },
    );
  }

  return (
    <Page title={t('company.new.title')} caption={t('company.new.caption', { step: 1, total: 2 })}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('company.new.intro', { company: company.name })}</p>
      <form noValidate onSubmit={submit}>
        <OrderFields values={values} onValues={setValues} errors={errors} mode="new" />
        <div className="button-group">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('company.new.submit')}
          </button>
          <Link className="action-link" to={`/company/${company.id}/orders`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
