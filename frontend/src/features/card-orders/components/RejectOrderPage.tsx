import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextArea } from '../../../components/ui/Field';
import { Page } from '../../../components/ui/Page';
import { isApiError } from '../../../lib/api';
import { describeError, errorFor, type Message } from '../../../lib/messages';
import { validateReason } from '../../../lib/validation';
import type { HolderOrder } from '../api/list-my-orders';
import { useRejectOrder } from '../api/reject-order';
import { OrderScope } from './OrderScope';
import type { OrderPageState } from './OrderPage';

/** "This is wrong": the worker rejects the order with a reason the company reads. */
export function RejectOrderPage() {
  const { t } = useTranslation();
  return (
    <OrderScope title={t('orders.reject.title')}>
      {(order) => (
        <Page title={t('orders.reject.title')} caption={order.company.name}>
          <RejectForm order={order} />
        </Page>
      )}
    </OrderScope>
  );
}

function RejectForm({ order }: { order: HolderOrder }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reject = useRejectOrder();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const company = order.company.name;
  const open = order.status === 'awaiting_cardholder' || order.status === 'needs_correction';

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const invalid = validateReason(reason);
    setErrors(invalid);
    if (invalid.length > 0) return;
    reject.mutate(
      { id: order.id, reason: reason.trim() },
      {
        onSuccess: () => {
          const state: OrderPageState = { notice: 'rejected' };
          void navigate(`/orders/${order.id}`, { state });
        },
        onError: (error) =>
          setErrors([
            isApiError(error) && error.code === 'validation_failed'
              ? { field: 'reason', key: 'reason.errors.required' }
              : describeError(error, { invalid_state: 'orders.reject.invalidState' }),
          ]),
      },
    );
  }

  if (!open) {
    return (
      <>
        <p>{t('orders.reject.notOpen')}</p>
        <p>
          <Link className="action-link" to={`/orders/${order.id}`}>
            {t('orders.check.seeOrder')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('orders.reject.intro', { company })}</p>
      <ul className="list-bullet">
        <li>{t('orders.reject.exampleData', { company })}</li>
        <li>{t('orders.reject.exampleEmployer', { company })}</li>
      </ul>
      <form noValidate onSubmit={submit}>
        <TextArea
          id="reason"
          label={t('orders.reject.reason')}
          hint={t('orders.reject.reasonHint', { company })}
          value={reason}
          onValue={setReason}
          maxLength={500}
          error={errorFor(errors, 'reason')}
        />
        <div className="button-group">
          <button type="submit" className="button button--warning" disabled={reject.isPending}>
            {t('orders.reject.submit')}
          </button>
          <Link className="action-link" to={`/orders/${order.id}`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
