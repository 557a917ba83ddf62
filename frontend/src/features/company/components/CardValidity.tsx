import { useTranslation } from 'react-i18next';
import { expiresSoon } from '../../../lib/card-expiry';
import { formatIsoDate } from '../../../lib/date';

/**
 * A card's last valid day for the company: with an "Expires soon" tag when a live card ends within 30
 * days (time to renew it), and set apart when the card has expired (its status says so in words).
 */
export function CardValidity({ card }: { card: { status: string; valid_until: string } }) {
  const { t, i18n } = useTranslation();
  const date = formatIsoDate(card.valid_until, i18n.resolvedLanguage ?? 'en');
  if (card.status === 'expired') {
    return <span className="validity validity--expired">{date}</span>;
  }
  return (
    <span className="validity">
      {date}
      {expiresSoon(card) ? (
        <>
          {' '}
          <strong className="tag tag--yellow">
            {t('company.cards.expiresSoon')}
          </strong>
        </>
      ) : null}
    </span>
  );
}
