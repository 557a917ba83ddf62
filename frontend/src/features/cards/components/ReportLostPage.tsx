import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { shownCardNumber } from '../../../lib/card-number';
import { describeError, type Message } from '../../../lib/messages';
import { useReportLost } from '../api/report-lost';
import { CardScope } from './CardScope';
import type { MyCardsState } from './MyCardsPage';

/** "Report lost", confirmed first: the card is blocked at once and the company is told. */
export function ReportLostPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reportLost = useReportLost();
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  return (
    <CardScope title={t('cards.lost.title')}>
      {(card) => (
        <Page title={t('cards.lost.title')} caption={card.company.name}>
          <ErrorSummary errors={errors} attempt={attempt} />
          <p className="lead">
            {t('cards.lost.question', { number: shownCardNumber(card) })}
          </p>
          <ul className="list-bullet">
            <li>{t('cards.lost.effect1')}</li>
            <li>{t('cards.lost.effect2', { company: card.company.name })}</li>
            <li>{t('cards.lost.effect3', { company: card.company.name })}</li>
          </ul>
          <div className="button-group">
            <button
              type="button"
              className="button button--warning"
              disabled={reportLost.isPending}
              onClick={() => {
                setAttempt((n) => n + 1);
                reportLost.mutate(card.id, {
                  onSuccess: () => {
                    const state: MyCardsState = { notice: 'lost' };
                    void navigate('/cards', { state });
                  },
                  onError: (error) =>
                    setErrors([describeError(error, { invalid_state: 'cards.errors.invalidState' })]),
                });
              }}
            >
              {t('cards.lost.confirm')}
            </button>
            <Link className="action-link" to="/cards">
              {t('common.cancel')}
            </Link>
          </div>
        </Page>
      )}
    </CardScope>
  );
}
