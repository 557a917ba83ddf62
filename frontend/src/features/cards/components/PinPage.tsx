import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { useShowPin } from '../api/show-pin';
import { CardNumberForm, PinPanel } from './CardNumberForm';
import { CardScope } from './CardScope';

/** "Show PIN again": the worker types the card number again to see the PIN. */
export function PinPage() {
  const { t } = useTranslation();
  const showPin = useShowPin();
  const [pin, setPin] = useState<string | null>(null);
  return (
    <CardScope title={t('cards.pin.title')}>
      {(card) => (
        <Page title={t('cards.pin.title')} caption={card.company.name}>
          <div aria-live="polite">{pin ? <PinPanel pin={pin} /> : null}</div>
          {pin ? (
            <p>
              <Link className="action-link" to="/cards">
                {t('cards.backToList')}
              </Link>
            </p>
          ) : (
            <>
              <p>{t('cards.pin.intro')}</p>
              <CardNumberForm
                submitLabel={t('cards.pin.submit')}
                busy={showPin.isPending}
                onNumber={(cardNumber) =>
                  showPin.mutateAsync({ id: card.id, cardNumber }).then((result) => setPin(result.pin))
                }
              />
              <p>
                <Link className="action-link" to="/cards">
                  {t('common.cancel')}
                </Link>
              </p>
            </>
          )}
        </Page>
      )}
    </CardScope>
  );
}
