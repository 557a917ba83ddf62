import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { describeError, useMessageText } from '../../../lib/messages';
import { useMyCards, type Card } from '../api/list-my-cards';

/** Finds the card named in the URL (`:id`) among the worker's cards, for a page about it. */
export function CardScope({ title, children }: { title: string; children: (card: Card) => ReactNode }) {
  const { t } = useTranslation();
  const text = useMessageText();
  const { id } = useParams();
  const cards = useMyCards();
  if (cards.isPending) {
    return (
      <Page title={title}>
        <Skeleton lines={4} />
      </Page>
    );
  }
  const card = cards.data?.find((candidate) => candidate.id === id);
  if (!card) {
    return (
      <Page title={cards.isError ? title : t('cards.notFound.title')} error>
        <p role="alert">{cards.isError ? text(describeError(cards.error)) : t('cards.notFound.body')}</p>
        <p>
          <Link className="action-link" to="/cards">
            {t('cards.backToList')}
          </Link>
        </p>
      </Page>
    );
  }
  return <>{children(card)}</>;
}
