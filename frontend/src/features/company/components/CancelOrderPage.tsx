import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextArea } from '../../../components/ui/Field';
import { Page } from '../../../components/ui/Page';
import { describeError, errorFor, type Message } from '../../../lib/messages';
import { isCancellable } from '../../../lib/status';
import { useCancelOrder } from '../api/cancel-order';
import type { CompanyOrder } from '../api/list-orders';
import { useCompany } from './CompanyScope';
import { CompanyOrderScope } from './OrderScope';

/** Cancel an order, confirmed on its own page (it cannot be undone), with an optional reason. */
export function CancelOrderPage() {
  const { t } = useTranslation();
  return (
    <CompanyOrderScope title={t('company.cancel.title')}>
      {(order) => (
        <Page title={t('company.cancel.title')} caption={`${order.holder.given_names} ${order.holder.surname}`}>
          <CancelForm order={order} />
        </Page>
      )}
    </CompanyOrderScope>
  );
}

function CancelForm({ order }: { order: CompanyOrder }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const company = useCompany();
  const cancel = useCancelOrder();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const detailPath = `/company/${company.id}/orders/${order.id}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if ([...reason.trim()].length > 500) {
      setErrors([{ field: 'reason', key: 'reason.errors.tooLong' }]);
      return;
    }
    setErrors([]);
    cancel.mutate(
      { companyId: company.id, id: order.id, reason: reason.trim() },
      {
        onSuccess: () => void navigate(`/company/${company.id}/orders`, { state: { cancelled: true } }),
        onError: (error) => setErrors([describeError(error, { invalid_state: 'company.cancel.invalidState' })]),
      },
    );
  }

  if (!isCancellable(order.status)) {
    return (
      <>
        <p>{t('company.cancel.invalidState')}</p>
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
      <p className="lead">
        {t('company.cancel.question', { name: `${order.holder.given_names} ${order.holder.surname}` })}
      </p>
      <p>{t('company.cancel.effect')}</p>
      <form noValidate onSubmit={submit}>
        <TextArea
          id="reason"
          label={t('company.cancel.reason')}
          hint={t('company.cancel.reasonHint')}
          value={reason}
          onValue={setReason}
          maxLength={500}
          error={errorFor(errors, 'reason')}
        />
        <div className="button-group">
          <button type="submit" className="button button--warning" disabled={cancel.isPending}>
            {t('company.cancel.submit')}
          </button>
          <Link className="action-link" to={detailPath}>
            {t('company.cancel.keep')}
          </Link>
        </div>
      </form>
    </>
  );
}
