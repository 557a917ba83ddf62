import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Address } from '../../../components/ui/Address';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { Portrait } from '../../../components/ui/Portrait';
import { StatusTag } from '../../../components/ui/StatusTag';
import { SummaryList } from '../../../components/ui/SummaryList';
import { Timeline } from '../../../components/ui/Timeline';
import { formatCardNumber } from '../../../lib/card-number';
import { countryByAlpha3, countryName } from '../../../lib/countries';
import { formatDateTime, formatIsoDate } from '../../../lib/date';
import { formatPhone } from '../../../lib/phone';
import { isCancellable, isCorrectable, isOrderStatus, takesPhoto, upcomingStatuses } from '../../../lib/status';
import type { CompanyOrder } from '../api/list-orders';
import { useCompany } from './CompanyScope';
import { CompanyOrderScope } from './OrderScope';

/** A notice after an action that led here; `number` is the renewed card's, for `renewed`. */
export type OrderDetailState = { notice?: 'photo' | 'corrected' | 'renewed'; number?: string } | null;

const identityFields = ['given_names', 'surname', 'date_of_birth', 'nationality'] as const;

/** One order for the company: status and what to do, the worker's data, photo, delivery, history. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const company = useCompany();
  return (
    <CompanyOrderScope title={t('company.order.title')}>
      {(order) => (
        <Page
          title={`${order.holder.given_names} ${order.holder.surname}`}
          caption={t('company.order.caption', { company: company.name })}
        >
          <OrderDetail order={order} />
        </Page>
      )}
    </CompanyOrderScope>
  );
}

function OrderDetail({ order }: { order: CompanyOrder }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const company = useCompany();
  const state = useLocation().state as OrderDetailState;
  const notice = state?.notice;
  const base = `/company/${company.id}/orders/${order.id}`;
  const name = `${order.holder.given_names} ${order.holder.surname}`;
  const nationality = order.holder.nationality
    ? (() => {
        const country = countryByAlpha3(order.holder.nationality);
        return country ? countryName(country.alpha2, language) : order.holder.nationality;
      })()
    : t('company.order.notGiven');
  const flag = (field: (typeof identityFields)[number]) =>
    order.mismatch_fields.includes(field) ? (
      <strong className="tag tag--yellow">{t('company.order.doesNotMatch')}</strong>
    ) : null;

  return (
    <>
      {notice === 'photo' ? (
        <Notice title={t('company.order.photoUploaded')} focus>
          <p>{t('company.order.photoUploadedBody')}</p>
        </Notice>
      ) : null}
      {notice === 'renewed' ? (
        <Notice title={t('company.order.renewed', { number: state?.number ?? '' })} focus>
          <p>{t('company.order.renewedBody')}</p>
        </Notice>
      ) : null}
      {notice === 'corrected' ? (
        <Notice title={t('company.order.corrected')} focus>
          <p>{t('company.order.correctedBody', { name })}</p>
        </Notice>
      ) : null}

      <p className="status-line">
        <span className="status-line__label">{t('company.order.status')}</span>{' '}
        <StatusTag kind="order" status={order.status} />
      </p>
      <p className="lead">
        {isOrderStatus(order.status) ? t(`company.next.${order.status}`, { name }) : t('company.next.unknown')}
      </p>
      {order.status === 'needs_correction' ? (
        <div className="warning-box">
          <h2 className="warning-box__title">{t('company.order.mismatchTitle')}</h2>
          <p>{t('company.order.mismatchBody', { name })}</p>
          <ul className="list-bullet">
            {order.mismatch_fields.map((field) => (
              <li key={field}>
                {(identityFields as readonly string[]).includes(field)
                  ? t(`orders.fields.${field as (typeof identityFields)[number]}`)
                  : field}
              </li>
            ))}
          </ul>
          <p>{t('company.order.mismatchHow')}</p>
        </div>
      ) : null}
      {order.reason ? (
        <p>
          <strong>{t('company.order.reason')}</strong> {order.reason}
        </p>
      ) : null}

      <ul className="action-list">
        {takesPhoto(order.status) ? (
          <li>
            <Link className={order.photo_url ? 'action-link' : 'button'} to={`${base}/photo`}>
              {order.photo_url ? t('company.order.replacePhoto') : t('company.order.uploadPhoto')}
            </Link>
          </li>
        ) : null}
        {isCorrectable(order.status) ? (
          <li>
            <Link className={order.status === 'needs_correction' ? 'button' : 'action-link'} to={`${base}/correct`}>
              {t('company.order.correct')}
            </Link>
          </li>
        ) : null}
        {isCancellable(order.status) ? (
          <li>
            <Link className="action-link action-link--warning" to={`${base}/cancel`}>
              {t('company.order.cancel')}
            </Link>
          </li>
        ) : null}
      </ul>

      <h2>{t('company.order.workerTitle')}</h2>
      <SummaryList
        rows={[
          {
            key: 'given',
            label: t('orders.fields.given_names'),
            value: (
              <>
                {order.holder.given_names} {flag('given_names')}
              </>
            ),
          },
          { key: 'surname', label: t('orders.fields.surname'), value: <>{order.holder.surname} {flag('surname')}</> },
          {
            key: 'dob',
            label: t('orders.fields.date_of_birth'),
            value: (
              <>
                {formatIsoDate(order.holder.date_of_birth, language)} {flag('date_of_birth')}
              </>
            ),
          },
          {
            key: 'nationality',
            label: t('orders.fields.nationality'),
            value: (
              <>
                {nationality} {flag('nationality')}
              </>
            ),
          },
          { key: 'email', label: t('company.form.email'), value: order.email },
          { key: 'phone', label: t('company.order.phone'), value: order.phone ? formatPhone(order.phone) : t('company.order.notGiven') },
        ]}
      />

      <h2>{t('company.order.photoTitle')}</h2>
      <Portrait
        orderId={order.id}
        photoUrl={order.photo_url}
        version={order.version}
        alt={t('company.photo.alt', { name })}
      />

      <h2>{t('company.order.deliveryTitle')}</h2>
      <SummaryList
        rows={[
          { key: 'delivery', label: t('orders.order.delivery'), value: <Address address={order.delivery} /> },
          ...(order.card_number
            ? [{ key: 'card', label: t('company.order.cardNumber'), value: formatCardNumber(order.card_number) }]
            : []),
          ...(order.tracking_number
            ? [{ key: 'tracking', label: t('company.order.tracking'), value: order.tracking_number }]
            : []),
          { key: 'updated', label: t('company.order.updated'), value: formatDateTime(order.updated_at, language) },
        ]}
      />

      <h2>{t('orders.timeline.title')}</h2>
      <Timeline entries={order.history ?? []} upcoming={upcomingStatuses(order.status)} label={t('orders.timeline.label')} />

      <p>
        <Link className="action-link" to={`/company/${company.id}/orders`}>
          {t('company.order.backToList')}
        </Link>
      </p>
    </>
  );
}
