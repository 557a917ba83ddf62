import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { isApiError } from '../../../lib/api';
import { describeError, fieldErrorsFromProblem, type Message } from '../../../lib/messages';
import { isCorrectable } from '../../../lib/status';
import { useCorrectOrder } from '../api/correct-order';
import { useCompanyOrder } from '../api/get-order';
import type { CompanyOrder } from '../api/list-orders';
import { orderServerFields, validateCorrection, valuesFromOrder, type OrderValues } from '../validation';
import { useCompany } from './CompanyScope';
import type { OrderDetailState } from './OrderDetailPage';
import { OrderFields } from './OrderFields';
import { CompanyOrderScope } from './OrderScope';

/** Correct an order the worker has not accepted (or that did not match their passport). */
export function CorrectOrderPage() {
  const { t } = useTranslation();
  return (
    <CompanyOrderScope title={t('company.correct.title')}>
      {(order) => (
        <Page title={t('company.correct.title')} caption={`${order.holder.given_names} ${order.holder.surname}`}>
          <CorrectForm order={order} />
        </Page>
      )}
    </CompanyOrderScope>
  );
}

function CorrectForm({ order }: { order: CompanyOrder }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const company = useCompany();
  const correct = useCorrectOrder();
  const latest = useCompanyOrder(company.id, order.id);
  const [values, setValues] = useState<OrderValues>(() => valuesFromOrder(order));
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const detailPath = `/company/${company.id}/orders/${order.id}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const { errors: invalid, body } = validateCorrection(values, order);
    setErrors(invalid);
    if (!body) return;
    correct.mutate(
      { companyId: company.id, id: order.id, body },
      {
        onSuccess: () => {
          const state: OrderDetailState = { notice: 'corrected' };
          void navigate(detailPath, { state });
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'validation_failed') {
            setErrors(fieldErrorsFromProblem(error, orderServerFields));
          } else if (isApiError(error) && error.code === 'stale_version') {
            setErrors([{ key: 'company.correct.stale' }]);
            void latest.refetch();
          } else {
            setErrors([describeError(error, { invalid_state: 'company.correct.invalidState' })]);
          }
        },
      },
    );
  }

  if (!isCorrectable(order.status)) {
    return (
      <>
        <p>{t('company.correct.invalidState')}</p>
        <p>
          <Link className="action-link" to={detailPath}>
            {t('company.order.back')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('company.correct.intro')}</p>
      {order.mismatch_fields.length > 0 ? <p className="warning-box">{t('company.correct.mismatchIntro')}</p> : null}
      <form noValidate onSubmit={submit}>
        <OrderFields
          values={values}
          onValues={setValues}
          errors={errors}
          mode="correct"
          mismatch={order.mismatch_fields}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={correct.isPending}>
            {t('company.correct.submit')}
          </button>
          <Link className="action-link" to={detailPath}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
