import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { SkeletonList } from '../../../components/ui/Skeleton';
import { StatusTag } from '../../../components/ui/StatusTag';
import { SummaryList } from '../../../components/ui/SummaryList';
import { expiresSoon } from '../../../lib/card-expiry';
import { shownCardNumber } from '../../../lib/card-number';
import { formatDateTime, formatIsoDate } from '../../../lib/date';
import { describeError, useMessageText } from '../../../lib/messages';
import { isCardStatus } from '../../../lib/status';
import { useMyCards, type Card } from '../api/list-my-cards';

export type MyCardsState = { notice?: 'lost' } | null;

/**
 * "My cards": each card's status and validity (with a notice when an active card expires within 30 days),
 * with activation, the PIN and "report lost".
 */
export function MyCardsPage() {
  const { t } = useTranslation();
  const text = useMessageText();
  const cards = useMyCards();
  const notice = (useLocation().state as MyCardsState)?.notice;

  return (
    <Page title={t('nav.cards')}>
      {notice === 'lost' ? (
        <Notice title={t('cards.lost.done')} focus>
          <p>{t('cards.lost.doneBody')}</p>
        </Notice>
      ) : null}
      {cards.isPending ? <SkeletonList items={1} lines={5} /> : null}
      {cards.isError ? <p role="alert">{text(describeError(cards.error))}</p> : null}
      {cards.data && cards.data.length === 0 ? (
        <div className="empty-state">
          <p>{t('cards.empty')}</p>
          <p>
            <Link to="/orders">{t('cards.emptyOrders')}</Link>
          </p>
        </div>
      ) : null}
      {cards.data && cards.data.length > 0 ? (
        <ul className="card-list">
          {cards.data.map((card) => (
            <CardItem key={card.id} card={card} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function CardItem({ card }: { card: Card }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const number = shownCardNumber(card);
  return (
    <li className="card-list__item" data-testid="my-card">
      <h2 className="card-list__title">
        <span className="card-number">{number}</span>
      </h2>
      <p>
        <StatusTag kind="card" status={card.status} />
      </p>
      <p>{isCardStatus(card.status) ? t(`cards.explain.${card.status}`) : t('status.unknown')}</p>
      {card.status === 'active' && expiresSoon(card) ? (
        <div className="warning-box">
          <p>{t('cards.expiresSoon', { date: formatIsoDate(card.valid_until, language) })}</p>
        </div>
      ) : null}
      <SummaryList
        rows={[
          { key: 'company', label: t('cards.company'), value: card.company.name },
          { key: 'valid', label: t('cards.validUntil'), value: formatIsoDate(card.valid_until, language) },
          {
            key: 'activated',
            label: t('cards.activatedAt'),
            value: card.activated_at ? formatDateTime(card.activated_at, language) : t('cards.notActivated'),
          },
          ...(card.reason ? [{ key: 'reason', label: t('cards.reason'), value: card.reason }] : []),
        ]}
      />
      <ul className="action-list">
        {card.status === 'inactive' ? (
          <li>
            <Link className="button" to={`/cards/${card.id}/activate`}>
              {t('cards.activate.link')}
              {' '}
              <span className="visually-hidden">{number}</span>
            </Link>
          </li>
        ) : null}
        {card.status === 'active' ? (
          <li>
            <Link className="button" to={`/cards/${card.id}/show`}>
              {t('cards.show.link')}
              {' '}
              <span className="visually-hidden">({number})</span>
            </Link>
          </li>
        ) : null}
        {card.status === 'active' ? (
          <li>
            <Link className="action-link" to={`/cards/${card.id}/pin`}>
              {t('cards.pin.link')}
              {' '}
              <span className="visually-hidden">({number})</span>
            </Link>
          </li>
        ) : null}
        {card.status === 'active' || card.status === 'inactive' ? (
          <li>
            <Link className="action-link" to={`/cards/${card.id}/lost`}>
              {t('cards.lost.link')}
              {' '}
              <span className="visually-hidden">({number})</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </li>
  );
}
