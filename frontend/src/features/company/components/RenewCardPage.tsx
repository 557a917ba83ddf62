import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { StatusTag } from '../../../components/ui/StatusTag';
import { SummaryList } from '../../../components/ui/SummaryList';
import { shownCardNumber } from '../../../lib/card-number';
import { isRenewable } from '../../../lib/card-expiry';
import { describeError, type Message } from '../../../lib/messages';
import type { CompanyCard } from '../api/list-cards';
import { useRenewCard } from '../api/renew-card';
import { CompanyCardScope, useHolderName } from './CardScope';
import { CardValidity } from './CardValidity';
import { useCompany } from './CompanyScope';
import type { OrderDetailState } from './OrderDetailPage';

/**
 * Renew a card: confirmed on its own page, since it starts a new order (and, once the new card is
 * activated, ends this one). Then the new order's page, where the worker's portrait is uploaded next.
 */
export function RenewCardPage() {
  const { t } = useTranslation();
  const company = useCompany();
  return (
    <CompanyCardScope title={t('company.renew.title')}>
      {(card) => (
        <Page title={t('company.renew.title')} caption={company.name}>
          <RenewForm card={card} />
        </Page>
      )}
    </CompanyCardScope>
  );
}

function RenewForm({ card }: { card: CompanyCard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const company = useCompany();
  const renew = useRenewCard();
  const holder = useHolderName(card);
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const number = shownCardNumber(card);
  const cardPath = `/company/${company.id}/cards/${card.id}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setErrors([]);
    renew.mutate(
      { companyId: company.id, id: card.id },
      {
        onSuccess: (order) => {
          const state: OrderDetailState = { notice: 'renewed', number };
          void navigate(`/company/${company.id}/orders/${order.id}`, { state });
        },
        onError: (error) =>
          setErrors([
            describeError(error, { invalid_state: 'company.renew.invalidState', not_found: 'company.cardAction.notFound' }),
          ]),
      },
    );
  }

  if (!isRenewable(card.status)) {
    return (
      <>
        <p>{t('company.renew.invalidState')}</p>
        <p>
          <Link className="action-link" to={cardPath}>
            {t('company.card.back')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p className="lead">{t('company.renew.question', { number, holder })}</p>
      <ul className="list-bullet">
        <li>{t('company.renew.newOrder')}</li>
        {card.status === 'blocked' ? <li>{t('company.renew.staysBlocked')}</li> : null}
        {card.status === 'active' || card.status === 'inactive' ? <li>{t('company.renew.keepsWorking')}</li> : null}
        <li>{t('company.renew.next')}</li>
      </ul>
      <SummaryList
        rows={[
          { key: 'number', label: t('company.cards.number'), value: <span className="card-number">{number}</span> },
          { key: 'holder', label: t('company.cardAction.holder'), value: holder },
          { key: 'status', label: t('company.cards.status'), value: <StatusTag kind="card" status={card.status} /> },
          { key: 'valid', label: t('company.cards.validUntil'), value: <CardValidity card={card} /> },
        ]}
      />
      <form noValidate onSubmit={submit}>
        <div className="button-group">
          <button type="submit" className="button" disabled={renew.isPending}>
            {t('company.renew.submit')}
          </button>
          <Link className="action-link" to={cardPath} state={{ card }}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
