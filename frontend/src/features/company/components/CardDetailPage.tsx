import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { StatusTag } from '../../../components/ui/StatusTag';
import { SummaryList } from '../../../components/ui/SummaryList';
import { shownCardNumber } from '../../../lib/card-number';
import { expiresSoon, isRenewable } from '../../../lib/card-expiry';
import { formatDateTime, formatIsoDate } from '../../../lib/date';
import type { CardAction } from '../api/change-card';
import type { CompanyCard } from '../api/list-cards';
import { CompanyCardScope, useHolderName } from './CardScope';
import { CardValidity } from './CardValidity';
import { actionsFor } from './CardsListPage';
import { useCompany } from './CompanyScope';

/** One of the company's cards: its holder, status and validity, with renew, block / unblock and terminate. */
export function CardDetailPage() {
  const { t } = useTranslation();
  const company = useCompany();
  return (
    <CompanyCardScope title={t('company.card.title')}>
      {(card) => (
        <Page title={t('company.card.heading', { number: shownCardNumber(card) })} caption={company.name}>
          <CardDetail card={card} />
        </Page>
      )}
    </CompanyCardScope>
  );
}

function CardDetail({ card }: { card: CompanyCard }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const company = useCompany();
  const holder = useHolderName(card);
  const base = `/company/${company.id}/cards/${card.id}`;
  const actionLabels: Record<CardAction, string> = {
    block: t('company.cardAction.block.title'),
    unblock: t('company.cardAction.unblock.title'),
    terminate: t('company.cardAction.terminate.title'),
  };

  return (
    <>
      {expiresSoon(card) ? (
        <p className="lead">{t('company.card.expiresSoon', { date: formatIsoDate(card.valid_until, language) })}</p>
      ) : null}
      {card.status === 'expired' ? <p className="lead">{t('company.card.expired')}</p> : null}

      <SummaryList
        rows={[
          { key: 'holder', label: t('company.cardAction.holder'), value: holder },
          {
            key: 'status',
            label: t('company.cards.status'),
            value: (
              <>
                <StatusTag kind="card" status={card.status} />
                {card.reason ? <span className="table__secondary">{card.reason}</span> : null}
              </>
            ),
          },
          { key: 'valid', label: t('company.cards.validUntil'), value: <CardValidity card={card} /> },
          {
            key: 'activated',
            label: t('cards.activatedAt'),
            value: card.activated_at ? formatDateTime(card.activated_at, language) : t('cards.notActivated'),
          },
          {
            key: 'order',
            label: t('company.card.orderLabel'),
            value: <Link to={`/company/${company.id}/orders/${card.order_id}`}>{t('company.cards.order')}</Link>,
          },
        ]}
      />

      <ul className="action-list">
        {isRenewable(card.status) ? (
          <li>
            <Link className="button" to={`${base}/renew`} state={{ card }}>
              {t('company.card.renew')}
            </Link>
          </li>
        ) : null}
        {actionsFor(card.status).map((action) => (
          <li key={action}>
            <Link
              className={action === 'terminate' ? 'action-link action-link--warning' : 'action-link'}
              to={`${base}/${action}`}
              state={{ card }}
            >
              {actionLabels[action]}
            </Link>
          </li>
        ))}
      </ul>

      <p>
        <Link className="action-link" to={`/company/${company.id}/cards`}>
          {t('company.cards.back')}
        </Link>
      </p>
    </>
  );
}
