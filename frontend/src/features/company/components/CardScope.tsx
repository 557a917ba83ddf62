import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { describeError, useMessageText } from '../../../lib/messages';
import { useCompanyOrder } from '../api/get-order';
import { useCompanyCard, type CompanyCard } from '../api/list-cards';
import { useCompany } from './CompanyScope';

type CompanyCardScopeProps = { title: string; children: (card: CompanyCard) => ReactNode };

/**
 * Loads the company card named in the URL (`:cardId`) for a page about it; a card opened from the list
 * or the card's page comes along in the navigation state and shows at once.
 */
export function CompanyCardScope({ title, children }: CompanyCardScopeProps) {
  const { t } = useTranslation();
  const text = useMessageText();
  const company = useCompany();
  const { cardId = '' } = useParams();
  const known = (useLocation().state as { card?: CompanyCard } | null)?.card;
  const card = useCompanyCard(company.id, cardId, known?.id === cardId ? known : undefined);
  if (card.isPending) {
    return (
      <Page title={title} caption={company.name}>
        <Skeleton lines={4} />
      </Page>
    );
  }
  if (card.isError || !card.data) {
    return (
      <Page title={title} caption={company.name} error>
        <p role="alert">{card.isError ? text(describeError(card.error)) : t('company.cardAction.notFound')}</p>
        <p>
          <Link className="action-link" to={`/company/${company.id}/cards`}>
            {t('company.cards.back')}
          </Link>
        </p>
      </Page>
    );
  }
  return <>{children(card.data)}</>;
}

/** The holder's name: on the card from the API's lists, else from the card's order. */
export function useHolderName(card: CompanyCard): string {
  const company = useCompany();
  const order = useCompanyOrder(company.id, card.holder_name ? undefined : card.order_id);
  if (card.holder_name) return card.holder_name;
  return order.data ? `${order.data.holder.given_names} ${order.data.holder.surname}` : '…';
}
