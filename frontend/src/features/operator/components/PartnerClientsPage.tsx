import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { SkeletonList } from '../../../components/ui/Skeleton';
import { formatDateTime } from '../../../lib/date';
import { describeError, useMessageText } from '../../../lib/messages';
import { usePartnerClients, type PartnerClient } from '../api/partner-clients';
import { isWebhookEventType, webhookEventLabels } from '../events';
import { OperatorTabs } from './OperatorTabs';

/** What the list says happened, passed by the page that did it. */
export type PartnerClientsState = { done?: 'created' | 'saved' | 'rotated'; name?: string } | null;

/** The partner clients: name and id, webhooks, dates; edit one or rotate its secrets; create one. */
export function PartnerClientsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const text = useMessageText();
  const clients = usePartnerClients();
  const state = useLocation().state as PartnerClientsState;
  const name = state?.name ?? '';
  const doneTitles = {
    created: t('operator.clients.done.created', { name }),
    saved: t('operator.clients.done.saved', { name }),
    rotated: t('operator.clients.done.rotated', { name }),
  };

  const events = (client: PartnerClient) => {
    if (!client.webhook_events) return t('operator.clients.allEvents');
    return client.webhook_events
      .map((type) => (isWebhookEventType(type) ? t(webhookEventLabels[type]) : type))
      .join(', ');
  };

  const row = (client: PartnerClient) => (
    <tr key={client.client_id}>
      <td data-label={t('operator.clients.client')}>
        <strong>{client.name}</strong>
        <code className="table__secondary">{client.client_id}</code>
      </td>
      <td data-label={t('operator.clients.webhooks')}>
        {client.webhook_url ? (
          <>
            <span className="table__url">{client.webhook_url}</span>
            <span className="table__secondary">{events(client)}</span>
          </>
        ) : (
          t('operator.clients.noWebhooks')
        )}
      </td>
      <td data-label={t('operator.clients.dates')}>
        <span className="table__line">{t('operator.clients.createdOn', { date: formatDateTime(client.created_at, language) })}</span>
        <span className="table__secondary">
          {client.secret_rotated_at
            ? t('operator.clients.rotatedOn', { date: formatDateTime(client.secret_rotated_at, language) })
            : t('operator.clients.neverRotated')}
        </span>
      </td>
      <td data-label={t('operator.clients.actions')}>
        <ul className="table__actions">
          <li>
            <Link to={`/operator/partner-clients/${encodeURIComponent(client.client_id)}/edit`}>
              {t('operator.clients.edit')} <span className="visually-hidden">{client.name}</span>
            </Link>
          </li>
          <li>
            <Link
              className="action-link--warning"
              to={`/operator/partner-clients/${encodeURIComponent(client.client_id)}/rotate`}
            >
              {t('operator.clients.rotate')} <span className="visually-hidden">{client.name}</span>
            </Link>
          </li>
        </ul>
      </td>
    </tr>
  );

  return (
    <Page title={t('operator.clients.title')}>
      <OperatorTabs current="partner-clients" />
      {state?.done ? <Notice title={doneTitles[state.done]} focus /> : null}
      <p>{t('operator.clients.intro')}</p>
      <p>
        <Link className="button" to="/operator/partner-clients/new">
          {t('operator.clients.new')}
        </Link>
      </p>
      <div aria-live="polite" className="result-count">
        {clients.data ? t('operator.clients.count', { count: clients.data.items.length }) : ''}
      </div>
      {clients.isPending ? <SkeletonList items={2} lines={2} tag={false} /> : null}
      {clients.isError ? <p role="alert">{text(describeError(clients.error))}</p> : null}
      {clients.data && clients.data.items.length === 0 ? (
        <div className="empty-state">
          <p>{t('operator.clients.empty')}</p>
        </div>
      ) : null}
      {clients.data && clients.data.items.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t('operator.clients.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('operator.clients.client')}</th>
              <th scope="col">{t('operator.clients.webhooks')}</th>
              <th scope="col">{t('operator.clients.dates')}</th>
              <th scope="col">{t('operator.clients.actions')}</th>
            </tr>
          </thead>
          <tbody>{clients.data.items.map(row)}</tbody>
        </table>
      ) : null}
    </Page>
  );
}
