import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { signOut, useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/date';
import { describeError, useMessageText, type Message } from '../../../lib/messages';
import { useRevokeOtherSessions, useRevokeSession, useSessions } from '../api/sessions';
import { describeUserAgent } from '../user-agent';

export type SecuritySaved = 'totpAdded' | 'totpRemoved' | 'passwordChanged';

const savedNotice = {
  totpAdded: 'security.totp.added',
  totpRemoved: 'security.totp.removed',
  passwordChanged: 'security.password.changed',
} as const;

/** Where the account is signed in, the authenticator app, and signing out. */
export function SecurityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const saved = (useLocation().state as { saved?: SecuritySaved } | null)?.saved;
  const me = useMe();

  return (
    <Page title={t('security.title')}>
      {saved ? <Notice title={t(savedNotice[saved])} /> : null}

      <h2>{t('security.totp.title')}</h2>
      {me.data ? (
        me.data.totp_enabled ? (
          <>
            <p>
              <strong className="tag tag--green">{t('security.totp.on')}</strong>
            </p>
            <p>{t('security.totp.onBody')}</p>
            <p>
              <Link className="action-link" to="/account/security/authenticator/remove">
                {t('security.totp.remove')}
              </Link>
            </p>
          </>
        ) : (
          <>
            <p>
              <strong className="tag tag--grey">{t('security.totp.off')}</strong>
            </p>
            <p>{t('security.totp.offBody')}</p>
            <p>
              <Link className="action-link" to="/account/security/authenticator">
                {t('security.totp.setUp')}
              </Link>
            </p>
          </>
        )
      ) : (
        <Skeleton lines={2} />
      )}

      <h2>{t('security.password.title')}</h2>
      <p>{t('security.password.body')}</p>
      <p>
        <Link className="action-link" to="/account/security/password">
          {t('security.password.change')}
        </Link>
      </p>

      <h2>{t('security.sessions.title')}</h2>
      <Sessions />

      <h2>{t('security.signOut.title')}</h2>
      <p>{t('security.signOut.body')}</p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          void signOut().then(() => {
            queryClient.clear();
            return navigate('/sign-in', { state: { notice: 'signedOut' } });
          })
        }
      >
        {t('nav.signOut')}
      </button>
    </Page>
  );
}

function Sessions() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const text = useMessageText();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const [outcome, setOutcome] = useState<Message | null>(null);

  if (sessions.isPending) return <Skeleton lines={3} />;
  if (sessions.isError) return <p role="alert">{text(describeError(sessions.error))}</p>;

  const others = sessions.data.filter((session) => !session.current);

  return (
    <>
      <ul className="session-list">
        {sessions.data.map((session) => {
          const device = describeUserAgent(session.user_agent);
          const name = device
            ? t('security.sessions.device', { browser: device.browser, system: device.system })
            : session.client === 'native'
              ? t('security.sessions.app')
              : t('security.sessions.unknownDevice');
          return (
            <li className="session-list__item" key={session.id}>
              <p className="session-list__name">
                <strong>{name}</strong>{' '}
                {session.current ? <span className="tag tag--blue">{t('security.sessions.thisDevice')}</span> : null}
              </p>
              <p className="session-list__meta">
                {t('security.sessions.signedIn', { time: formatDateTime(session.created_at, language) })}
                <br />
                {t('security.sessions.lastUsed', { time: formatDateTime(session.last_used_at, language) })}
              </p>
              {session.current ? null : (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={revoke.isPending}
                  onClick={() =>
                    revoke.mutate(session.id, {
                      onSuccess: () => setOutcome({ key: 'security.sessions.revoked' }),
                      onError: (error) => setOutcome(describeError(error)),
                    })
                  }
                >
                  {t('security.sessions.revoke')}
                  {' '}
                  <span className="visually-hidden">({name})</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 ? (
        <button
          type="button"
          className="button button--warning"
          disabled={revokeOthers.isPending}
          onClick={() =>
            revokeOthers.mutate(undefined, {
              onSuccess: () => setOutcome({ key: 'security.sessions.revokedOthers' }),
              onError: (error) => setOutcome(describeError(error)),
            })
          }
        >
          {t('security.sessions.revokeOthers')}
        </button>
      ) : (
        <p>{t('security.sessions.onlyThis')}</p>
      )}
      <p className="outcome" role="status" aria-live="polite">
        {outcome ? text(outcome) : ''}
      </p>
    </>
  );
}
