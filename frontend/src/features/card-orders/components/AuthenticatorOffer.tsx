import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../lib/auth';
import { useDeclineAuthenticatorOffer } from '../api/decline-authenticator-offer';

/**
 * SMS codes can be intercepted (NIST calls SMS "restricted"), so the worker is offered the authenticator app —
 * once, after the task is done rather than in the middle of it, and never again after "no, thanks".
 */
export function AuthenticatorOffer({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const decline = useDeclineAuthenticatorOffer();
  const [declined, setDeclined] = useState(false);

  if (declined) return <p role="status">{t('offerTotp.later')}</p>;
  if (!me.data || me.data.totp_enabled || me.data.totp_offer_declined) return null;
  return (
    <section className="notice" aria-labelledby="totp-offer-title">
      <h2 id="totp-offer-title" className="notice__title">{t('offerTotp.title')}</h2>
      <p>{t('offerTotp.why')}</p>
      <p>{t('offerTotp.how')}</p>
      <div className="button-group">
        <Link className="button button--secondary" to={`/account/security/authenticator?next=${encodeURIComponent(returnTo)}`}>
          {t('offerTotp.setUp')}
        </Link>
        <button
          type="button"
          className="button button--secondary"
          disabled={decline.isPending}
          onClick={() => decline.mutate(undefined, { onSuccess: () => setDeclined(true) })}
        >
          {t('offerTotp.decline')}
        </button>
      </div>
    </section>
  );
}
