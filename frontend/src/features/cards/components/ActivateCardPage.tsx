import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { useActivateCard } from '../api/activate-card';
import { CardNumberForm, PinPanel } from './CardNumberForm';
import { CardScope } from './CardScope';

/** Activate a delivered card by typing the number printed on it; the PIN is shown at once. */
export function ActivateCardPage() {
  const { t } = useTranslation();
  const activate = useActivateCard();
  const [pin, setPin] = useState<string | null>(null);
  return (
    <CardScope title={t('cards.activate.title')}>
      {(card) => (
        <Page title={pin ? t('cards.activate.doneTitle') : t('cards.activate.title')} caption={card.company.name}>
          <div aria-live="polite">{pin ? <PinPanel pin={pin} /> : null}</div>
          {pin ? (
            <>
              <p>{t('cards.activate.doneBody')}</p>
              <p>
                <Link className="action-link" to="/cards">
                  {t('cards.backToList')}
                </Link>
              </p>
            </>
          ) : card.status !== 'inactive' ? (
            <>
              <p>{t('cards.activate.notInactive')}</p>
              <p>
                <Link className="action-link" to="/cards">
                  {t('cards.backToList')}
                </Link>
              </p>
            </>
          ) : (
            <>
              <p>{t('cards.activate.intro')}</p>
              <CardNumberForm
                submitLabel={t('cards.activate.submit')}
                busy={activate.isPending}
                onNumber={(cardNumber) =>
                  activate.mutateAsync({ id: card.id, cardNumber }).then((result) => setPin(result.pin))
                }
              />
              <details className="details">
                <summary className="details__summary">{t('cards.activate.whereTitle')}</summary>
                <div className="details__text">
                  <p>{t('cards.activate.whereBody')}</p>
                </div>
              </details>
            </>
          )}
        </Page>
      )}
    </CardScope>
  );
}
