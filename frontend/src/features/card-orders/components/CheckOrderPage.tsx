import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Address } from '../../../components/ui/Address';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { Portrait } from '../../../components/ui/Portrait';
import { Skeleton } from '../../../components/ui/Skeleton';
import { SummaryList } from '../../../components/ui/SummaryList';
import { WorkerProgress } from '../../../components/ui/WorkerProgress';
import type { Me } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { countryByAlpha3, countryName } from '../../../lib/countries';
import { formatIsoDate } from '../../../lib/date';
import type { Message } from '../../../lib/messages';
import { formatPhone } from '../../../lib/phone';
import { useAcceptOrder } from '../api/accept-order';
import type { HolderOrder } from '../api/list-my-orders';
import { acceptFailure, identityFields, missingContactMessages, type IdentityField } from '../messages';
import { MismatchExplanation } from './MismatchExplanation';
import { OrderScope } from './OrderScope';

/**
 * "Check your answers" before Accept: the personal data on the order beside the identity verified
 * in person, row by row; the portrait; where the card goes; the worker's contact details with
 * change links; then Accept, or "this is wrong".
 */
export function CheckOrderPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <OrderScope title={t('orders.check.title')} progress={<WorkerProgress step="check" />}>
      {(order) => (
        <Page title={t('orders.check.title')} caption={order.company.name} progress={<WorkerProgress step="check" />}>
          {me.data ? <CheckOrder order={order} me={me.data} /> : <Skeleton lines={6} />}
        </Page>
      )}
    </OrderScope>
  );
}

function CheckOrder({ order, me }: { order: HolderOrder; me: Me }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const accept = useAcceptOrder();
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const company = order.company.name;
  const person = me.person;
  const contact = me.contact;

  const nationality = (code: string | null | undefined) => {
    if (!code) return t('orders.check.notOnOrder');
    const country = countryByAlpha3(code);
    return country ? countryName(country.alpha2, language) : code;
  };
  const documentName =
    person?.document_type === 'national_id' ? t('orders.check.onNationalId') : t('orders.check.onPassport');
  const rows: { field: IdentityField; onOrder: string; onDocument: string }[] = identityFields.map((field) => {
    switch (field) {
      case 'given_names':
        return { field, onOrder: order.holder.given_names, onDocument: person?.given_names ?? '' };
      case 'surname':
        return { field, onOrder: order.holder.surname, onDocument: person?.surname ?? '' };
      case 'date_of_birth':
        return {
          field,
          onOrder: formatIsoDate(order.holder.date_of_birth, language),
          onDocument: person ? formatIsoDate(person.date_of_birth, language) : '',
        };
      case 'nationality':
        return { field, onOrder: nationality(order.holder.nationality), onDocument: nationality(person?.nationality) };
    }
  });
  const missingAddress = order.missing_contact_fields.some((field) => field !== 'phone');
  const canAccept = order.status === 'awaiting_cardholder';
  // Known before Accept: an order that does not match the document is not accepted but sent back.
  const willMismatch = canAccept && order.identity_check.fields.length > 0;
  const differing = order.status === 'needs_correction' ? order.mismatch_fields : order.identity_check.fields;

  function submit() {
    setAttempt((n) => n + 1);
    if (order.missing_contact_fields.length > 0) {
      setErrors(missingContactMessages(order.missing_contact_fields));
      return;
    }
    setErrors([]);
    accept.mutate(
      { id: order.id, version: order.version },
      {
        onSuccess: () => void navigate(`/orders/${order.id}/done`),
        onError: (error) => {
          const failure = acceptFailure(error);
          // Telling the company is what a mismatching Accept does: the page now explains it; nothing failed.
          setErrors(willMismatch && failure.kind === 'mismatch' ? [] : failure.messages);
        },
      },
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      {order.status === 'needs_correction' ? <MismatchExplanation order={order} /> : null}
      {willMismatch ? <MismatchExplanation order={order} fields={order.identity_check.fields} told={false} /> : null}

      <h2>{t('orders.check.personTitle')}</h2>
      <p>{t('orders.check.personIntro')}</p>
      {person ? (
        <table className="compare" id="compare">
          <caption className="visually-hidden">{t('orders.check.compareCaption')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('orders.check.onOrder')}</th>
              <th scope="col">{documentName}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const differs = differing.includes(row.field);
              return (
                <tr
                  key={row.field}
                  id={`compare-${row.field}`}
                  tabIndex={-1}
                  className={differs ? 'compare__row--differs' : undefined}
                >
                  <th scope="row">
                    {t(`orders.fields.${row.field}`)}
                    {differs ? <span className="compare__flag">{t('orders.check.differs')}</span> : null}
                  </th>
                  <td>{row.onOrder}</td>
                  <td>{row.onDocument}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="warning-box">{t('orders.accept.notVerified')}</p>
      )}

      <h2>{t('orders.check.photoTitle')}</h2>
      <Portrait
        orderId={order.id}
        photoUrl={order.photo_url}
        version={order.version}
        alt={t('orders.check.photoAlt', { name: `${order.holder.given_names} ${order.holder.surname}` })}
      />
      <p className="hint">{t('orders.check.photoHint', { company })}</p>

      <h2>{t('orders.check.deliveryTitle')}</h2>
      <SummaryList
        rows={[
          { key: 'company', label: t('orders.order.company'), value: company },
          { key: 'delivery', label: t('orders.order.delivery'), value: <Address address={order.delivery} /> },
        ]}
      />

      <h2>{t('orders.check.contactTitle')}</h2>
      <p>{t('orders.check.contactIntro')}</p>
      <SummaryList
        rows={[
          {
            key: 'phone',
            label: t('account.contact.phone'),
            value: <span id="contact-phone" tabIndex={-1}>{contact.phone ? formatPhone(contact.phone) : t('account.contact.notGiven')}</span>,
            action: (
              <Link to="/account/phone">
                {contact.phone ? t('common.change') : t('common.add')}{' '}
                <span className="visually-hidden">{t('account.contact.phoneLower')}</span>
              </Link>
            ),
          },
          {
            key: 'address',
            label: t('account.contact.address'),
            value: (
              <span id="contact-address" tabIndex={-1}>
                {missingAddress ? t('account.contact.notGiven') : <Address address={contact} />}
              </span>
            ),
            action: (
              <Link to={`/orders/${order.id}/details?change=address`}>
                {missingAddress ? t('common.add') : t('common.change')}{' '}
                <span className="visually-hidden">{t('account.contact.addressLower')}</span>
              </Link>
            ),
          },
        ]}
      />

      {willMismatch ? (
        <>
          <h2>{t('orders.check.tellTitle', { company })}</h2>
          <div className="button-group">
            <button type="button" className="button" disabled={accept.isPending} onClick={submit}>
              {t('orders.check.tell', { company })}
            </button>
          </div>
        </>
      ) : canAccept ? (
        <>
          <h2>{t('orders.check.acceptTitle')}</h2>
          <p>{t('orders.check.acceptBody', { company })}</p>
          <div className="button-group">
            <button type="button" className="button" disabled={accept.isPending} onClick={submit}>
              {t('orders.check.accept')}
            </button>
          </div>
          <p className="visually-hidden" aria-live="polite">
            {accept.isPending ? t('common.checking') : ''}
          </p>
          <h2>{t('orders.wrong.title')}</h2>
          <p>{t('orders.wrong.body', { company })}</p>
          <p>
            <Link className="action-link" to={`/orders/${order.id}/reject`}>
              {t('orders.wrong.link')}
            </Link>
          </p>
        </>
      ) : order.status !== 'needs_correction' ? (
        <p>
          <Link className="action-link" to={`/orders/${order.id}`}>
            {t('orders.check.seeOrder')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
