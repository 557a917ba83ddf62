import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HolderOrder } from '../api/list-my-orders';
import { isIdentityField } from '../messages';

/**
 * Why a mismatch stops the card and who must fix it, in plain words: the card carries exactly what
 * the passport says, so the company corrects the order and the worker checks it again. Shown before
 * Accept (`told` false: the worker is asked to tell the company) and after the company was told.
 */
export function MismatchExplanation({
  order,
  fields = order.mismatch_fields,
  told = true,
}: {
  order: HolderOrder;
  fields?: string[];
  told?: boolean;
}) {
  const { t } = useTranslation();
  const company = order.company.name;
  return (
    <div className="warning-box" data-testid="mismatch-explanation">
      <h2 className="warning-box__title">{t('orders.mismatch.title')}</h2>
      {fields.length > 0 ? (
        <>
          <p>{t('orders.mismatch.fieldsIntro')}</p>
          <ul className="list-bullet">
            {fields.map((field) => (
              <li key={field}>{isIdentityField(field) ? t(`orders.fields.${field}`) : field}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>{t('orders.mismatch.why')}</p>
      <p>
        <strong>{t(told ? 'orders.mismatch.who' : 'orders.mismatch.whoBefore', { company })}</strong>
      </p>
      <p>{t(told ? 'orders.mismatch.next' : 'orders.mismatch.tellNext')}</p>
      <p>
        <Link to={`/orders/${order.id}/reject`}>{t('orders.mismatch.rejectInstead', { company })}</Link>
      </p>
    </div>
  );
}
