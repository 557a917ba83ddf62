import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { isApiError } from '../../../lib/api';
import { hasSessionHint, useAuthStatus } from '../../../lib/auth';
import { formatCardNumber } from '../../../lib/card-number';
import { formatDateTime, formatIsoDate } from '../../../lib/date';
import { describeError, useMessageText } from '../../../lib/messages';
import { signInPath } from '../../../lib/navigation';
import { loadStoredCard, saveStoredCard, type StoredCard } from '../../../lib/offline-card';
import { keepAppOffline } from '../../../lib/offline-shell';
import { usePortrait } from '../../../lib/photo';
import { useCardCredential } from '../api/get-credential';
import { useMyCards } from '../api/list-my-cards';
import { CardQr } from './CardQr';

/**
 * "Show my card": the worker's photo, name, company, card number and validity with the signed credential
 * as a QR code for the gate. Each visit fetches a new credential and keeps it on the device; with no
 * connection (the session cannot be renewed) the last one shows with its expiry and an "offline" note
 * instead of the sign-in page. Only a real sign-out (or a refused session) forgets it.
 */
export function ShowCardPage() {
  const { t } = useTranslation();
  const status = useAuthStatus();
  const { id = '' } = useParams();
  const location = useLocation();
  const [stored] = useState(() => loadStoredCard(id));

  useEffect(() => {
    void keepAppOffline();
  }, []);

  if (status === 'unknown') {
    return (
      <Page title={t('cards.show.title')}>
        <Skeleton lines={6} />
      </Page>
    );
  }
  if (status === 'signed-out') {
    // Signed out because the session could not be renewed (no connection), not because it ended.
    if (stored && hasSessionHint()) return <DigitalCard shown={stored} offline />;
    return <Navigate to={signInPath(location.pathname)} replace />;
  }
  return <LiveCard id={id} stored={stored} />;
}

function LiveCard({ id, stored }: { id: string; stored: StoredCard | null }) {
  const { t } = useTranslation();
  const cards = useMyCards();
  const card = cards.data?.find((candidate) => candidate.id === id);
  const credential = useCardCredential(id, card?.status === 'active');
  // Every card has a portrait by the time it is made; a failure only leaves the photo out.
  const photo = usePortrait(card?.order_id ?? '', card ? 'photo' : null);
  const photoSettled = !card || photo.isSuccess || photo.isError;

  const live: StoredCard | null =
    card && credential.data && photoSettled
      ? {
          card: {
            id: card.id,
            card_number: card.card_number,
            card_number_last4: card.card_number_last4,
            status: card.status,
            company: card.company,
            valid_until: card.valid_until,
            holder_name: card.holder_name,
            order_id: card.order_id,
          },
          credential: credential.data.credential,
          expires_at: credential.data.expires_at,
          photo: photo.data ?? null,
          saved_at: new Date(credential.dataUpdatedAt).toISOString(),
        }
      : null;

  useEffect(() => {
    if (live) saveStoredCard(live);
    // Saved once per credential: `live` is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live?.credential, live?.photo]);

  const failure = cards.error ?? credential.error;
  const unreachable = failure && !isApiError(failure);
  if (unreachable && stored) return <DigitalCard shown={stored} offline />;
  if (live) return <DigitalCard shown={live} offline={false} />;

  const loading = (
    <Page title={t('cards.show.title')}>
      <Skeleton lines={6} />
    </Page>
  );
  if (cards.isPending) return loading;
  if (cards.isError) return <Failed error={cards.error} />;
  if (!card) {
    return (
      <Page title={t('cards.notFound.title')} error>
        <p role="alert">{t('cards.notFound.body')}</p>
        <BackToCards />
      </Page>
    );
  }
  if (card.status !== 'active') return <NotActive />;
  if (credential.isError) {
    if (isApiError(credential.error) && credential.error.code === 'invalid_state') return <NotActive />;
    return <Failed error={credential.error} />;
  }
  return loading;
}

function Failed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const text = useMessageText();
  return (
    <Page title={t('cards.show.title')} error>
      <p role="alert">{text(describeError(error))}</p>
      <BackToCards />
    </Page>
  );
}

function NotActive() {
  const { t } = useTranslation();
  return (
    <Page title={t('cards.show.title')} error>
      <p role="alert">{t('cards.show.notActive')}</p>
      <BackToCards />
    </Page>
  );
}

function BackToCards() {
  const { t } = useTranslation();
  return (
    <p>
      <Link className="action-link" to="/cards">
        {t('cards.backToList')}
      </Link>
    </p>
  );
}

/** The time, updated every 30 seconds: the code's expiry shows without a reload. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function DigitalCard({ shown, offline }: { shown: StoredCard; offline: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { card } = shown;
  const name = card.holder_name ?? '';
  const number = card.card_number ? formatCardNumber(card.card_number) : `•••• ${card.card_number_last4}`;
  const expires = formatDateTime(shown.expires_at, language);
  const now = useNow();
  const expired = Date.parse(shown.expires_at) <= now;
  return (
    <Page title={t('cards.show.title')} caption={card.company.name}>
      <div aria-live="polite">
        {offline ? (
          <div className="notice notice--info" data-testid="offline-note">
            <p className="notice__title">{t('cards.show.offlineTitle')}</p>
            <p>{t('cards.show.offlineBody', { date: formatDateTime(shown.saved_at, language) })}</p>
          </div>
        ) : null}
      </div>
      <section className="digital-card" aria-label={t('cards.show.cardLabel')} data-testid="digital-card">
        <div className="digital-card__person">
          {shown.photo ? (
            <img className="digital-card__photo" src={shown.photo} alt={t('cards.show.photoAlt', { name })} width={120} height={160} />
          ) : (
            <p className="digital-card__photo digital-card__photo--none">{t('portrait.none')}</p>
          )}
          <div>
            <h2 className="digital-card__name">{name}</h2>
            <dl className="digital-card__facts">
              <dt>{t('cards.company')}</dt>
              <dd>{card.company.name}</dd>
              <dt>{t('cards.numberLabel')}</dt>
              <dd className="card-number" data-testid="digital-card-number">
                {number}
              </dd>
              <dt>{t('cards.validUntil')}</dt>
              <dd>{formatIsoDate(card.valid_until, language)}</dd>
            </dl>
          </div>
        </div>
        <CardQr text={shown.credential} label={t('cards.show.qrLabel', { number })} />
        <p className={expired ? 'digital-card__expiry digital-card__expiry--expired' : 'digital-card__expiry'} data-testid="credential-expiry">
          {expired ? t('cards.show.codeExpired', { date: expires }) : t('cards.show.codeValidUntil', { date: expires })}
        </p>
      </section>
      <p>{t('cards.show.howTo')}</p>
      <BackToCards />
    </Page>
  );
}
