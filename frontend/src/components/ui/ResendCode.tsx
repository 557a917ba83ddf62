import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { describeError, useMessageText, type Message } from '../../lib/messages';

type ResendCodeProps = {
  /** When the server allows a new code (`resend_after`). */
  resendAfter: string;
  /** Asks for a new code; resolves with the new `resend_after`. */
  onResend: () => Promise<string>;
  /** Called when the challenge is gone (410): the flow must start again. */
  onExpired: () => void;
};

function secondsUntil(iso: string, now: number): number {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * "Send a new code", with a visible countdown until the server allows it. The countdown itself is
 * not announced every second; the outcome of a resend is.
 */
export function ResendCode({ resendAfter, onResend, onExpired }: ResendCodeProps) {
  const { t } = useTranslation();
  const text = useMessageText();
  const [until, setUntil] = useState(resendAfter);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Message | null>(null);
  const remaining = secondsUntil(until, now);

  useEffect(() => {
    if (remaining <= 0) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [remaining]);

  async function resend() {
    setBusy(true);
    setOutcome(null);
    try {
      const next = await onResend();
      setUntil(next);
      setNow(Date.now());
      setOutcome({ key: 'code.resent' });
    } catch (error) {
      if (isApiError(error) && error.status === 410) {
        onExpired();
        return;
      }
      if (isApiError(error) && error.code === 'resend_too_soon' && error.retryAfter !== undefined) {
        setUntil(new Date(Date.now() + error.retryAfter * 1000).toISOString());
        setNow(Date.now());
      }
      setOutcome(describeError(error, { resend_too_soon: 'code.resendTooSoon', too_many_attempts: 'code.tooManySends' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="resend">
      {remaining > 0 ? (
        <p className="resend__countdown" data-testid="resend-countdown">
          {t('code.resendIn', { time: clock(remaining) })}
        </p>
      ) : (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void resend()}>
          {t('code.resend')}
        </button>
      )}
      <p className="resend__outcome" role="status" aria-live="polite">
        {outcome ? text(outcome) : ''}
      </p>
    </div>
  );
}
