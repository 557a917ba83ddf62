import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { Pagination } from '../../../components/ui/Pagination';
import { SkeletonList } from '../../../components/ui/Skeleton';
import { StatusTag } from '../../../components/ui/StatusTag';
import { shownCardNumber } from '../../../lib/card-number';
import { describeError, useMessageText } from '../../../lib/messages';
import { readPageSize, readPaging } from '../../../lib/paging';
import { cardStatuses, isCardStatus, statusKey } from '../../../lib/status';
import type { CardAction } from '../api/change-card';
import { useCompanyCards, type CompanyCard } from '../api/list-cards';
import { CardValidity } from './CardValidity';
import { CompanyTabs, useCompany } from './CompanyScope';
import { ListFilter } from './ListFilter';
import { ListSearch, readQuery } from './ListSearch';

export type CardsListState = { done?: CardAction; number?: string } | null;

/** The actions a card in this status allows (renewing is on the card's own page). */
export function actionsFor(status: string): CardAction[] {
  if (status === 'active' || status === 'inactive') return ['block', 'terminate'];
  if (status === 'blocked') return ['unblock', 'terminate'];
  return [];
}

/** The company's cards: search, status, validity ("Expires soon"), and block / unblock / terminate. */
export function CardsListPage() {
  const { t } = useTranslation();
  const text = useMessageText();
  const company = useCompany();
  const [params] = useSearchParams();
  const status = params.get('status') ?? '';
  const validStatus = isCardStatus(status) ? status : '';
  const { cursor } = readPaging(params);
  const limit = readPageSize(params);
  const q = readQuery(params);
  const cards = useCompanyCards(company.id, { q, status: validStatus, limit, cursor });
  const statusName = validStatus ? t(statusKey('card', validStatus)) : '';
  const withoutSearch = new URLSearchParams(params);
  withoutSearch.delete('q');
  withoutSearch.delete('cursor');
  withoutSearch.delete('back');
  const done = useLocation().state as CardsListState;
  const doneTitles: Record<CardAction, string> = {
    block: t('company.cards.done.block', { number: done?.number ?? '' }),
    unblock: t('company.cards.done.unblock', { number: done?.number ?? '' }),
    terminate: t('company.cards.done.terminate', { number: done?.number ?? '' }),
  };
  const actionLabels: Record<CardAction, string> = {
    block: t('company.cards.block'),
    unblock: t('company.cards.unblock'),
    terminate: t('company.cards.terminate'),
  };

  const row = (card: CompanyCard) => {
    const number = shownCardNumber(card);
    return (
      <tr key={card.id}>
        <td data-label={t('company.cards.number')}>
          <Link to={`/company/${company.id}/cards/${card.id}`} state={{ card }}>
            <span className="card-number">{number}</span>
          </Link>
          <Link className="table__secondary" to={`/company/${company.id}/orders/${card.order_id}`}>
            {t('company.cards.order')}
            {' '}
            <span className="visually-hidden">{number}</span>
          </Link>
        </td>
        <td data-label={t('company.cards.status')}>
          <StatusTag kind="card" status={card.status} />
          {card.reason ? <span className="table__secondary">{card.reason}</span> : null}
        </td>
        <td data-label={t('company.cards.validUntil')}>
          <CardValidity card={card} />
        </td>
        <td data-label={t('company.cards.actions')}>
          <ul className="table__actions">
            {actionsFor(card.status).map((action) => (
              <li key={action}>
                <Link
                  to={`/company/${company.id}/cards/${card.id}/${action}`}
                  state={{ card }}
                  className={action === 'terminate' ? 'action-link--warning' : undefined}
                >
                  {actionLabels[action]}
                  {' '}
                  <span className="visually-hidden">{number}</span>
                </Link>
              </li>
            ))}
          </ul>
        </td>
      </tr>
    );
  };

  return (
    <Page title={t('company.cards.title')} caption={company.name}>
      <CompanyTabs current="cards" />
      {done?.done ? <Notice title={doneTitles[done.done]} focus /> : null}
      <ListSearch />
      <ListFilter key={params.toString()} kind="card" statuses={cardStatuses} />
      <div aria-live="polite" className="result-count">
        {cards.data && !cards.isPlaceholderData
          ? q && !cards.data.next_cursor && !cursor
            ? t('company.cards.found', { count: cards.data.items.length })
            : t('company.cards.count', { count: cards.data.items.length })
          : ''}
      </div>
      {cards.isPending ? <SkeletonList items={3} lines={2} tag={false} /> : null}
      {cards.isError ? <p role="alert">{text(describeError(cards.error))}</p> : null}
      {cards.data && cards.data.items.length === 0 ? (
        <div className="empty-state">
          {q ? (
            <>
              <p>
                {validStatus
                  ? t('company.search.emptyFiltered', { query: q, status: statusName })
                  : t('company.search.empty', { query: q })}
              </p>
              <p>{t('company.search.emptyHint')}</p>
              <p>
                <Link to={`?${withoutSearch.toString()}`}>{t('company.search.clearLink')}</Link>
              </p>
            </>
          ) : validStatus ? (
            <>
              <p>{t('company.cards.emptyFiltered', { status: statusName })}</p>
              <p>
                <Link to={`/company/${company.id}/cards`}>{t('company.cards.showAll')}</Link>
              </p>
            </>
          ) : (
            <p>{t('company.cards.empty')}</p>
          )}
        </div>
      ) : null}
      {cards.data && cards.data.items.length > 0 ? (
        <table className="table" aria-busy={cards.isPlaceholderData || undefined}>
          <caption className="visually-hidden">{t('company.cards.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('company.cards.number')}</th>
              <th scope="col">{t('company.cards.status')}</th>
              <th scope="col">{t('company.cards.validUntil')}</th>
              <th scope="col">{t('company.cards.actions')}</th>
            </tr>
          </thead>
          <tbody>{cards.data.items.map(row)}</tbody>
        </table>
      ) : null}
      {cards.data ? <Pagination nextCursor={cards.data.next_cursor} /> : null}
    </Page>
  );
}
