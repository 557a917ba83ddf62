import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { formatDateTime } from '../../../lib/date';
import { describeError, useMessageText } from '../../../lib/messages';
import { appPathFromLink } from '../../../lib/navigation';
import { isOutboxDisabled, useOutbox } from '../api/get-outbox';

/**
 * Development only: the SMS and emails the server would have sent, so a person can walk every flow
 * without a phone or a mailbox. Codes are shown large; links open here, in this app.
 */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const text = useMessageText();
  const [to, setTo] = useState('');
  // Asks the server itself rather than trusting the page's development-mode mark: `vite preview` serves
  // index.html without it.
  const outbox = useOutbox(to.trim());

  if (isOutboxDisabled(outbox.error)) {
    return (
      <Page title={t('outbox.title')}>
        <p>{t('outbox.disabled')}</p>
      </Page>
    );
  }

  return (
    <Page title={t('outbox.title')}>
      <p>{t('outbox.intro')}</p>
      <div className="form-group">
        <label className="label" htmlFor="outbox-to">
          {t('outbox.filter')}
        </label>
        <div id="outbox-to-hint" className="hint">
          {t('outbox.filterHint')}
        </div>
        <input
          id="outbox-to"
          className="input input--width-20"
          type="search"
          aria-describedby="outbox-to-hint"
          value={to}
          onChange={(event) => setTo(event.target.value)}
        />
      </div>
      <div aria-live="polite">
        {outbox.isPending ? <Skeleton lines={4} /> : null}
        {outbox.isError ? <p role="alert">{text(describeError(outbox.error))}</p> : null}
        {outbox.data && outbox.data.length === 0 ? <p>{t('outbox.empty')}</p> : null}
      </div>
      {outbox.data && outbox.data.length > 0 ? (
        <ol className="outbox" reversed>
          {outbox.data.map((message, index) => {
            const path = message.link ? appPathFromLink(message.link) : null;
            return (
              <li className="outbox__item" key={`${message.created_at}-${index}`}>
                <p className="outbox__meta">
                  <span className={`tag ${message.channel === 'sms' ? 'tag--blue' : 'tag--grey'}`}>
                    {message.channel === 'sms' ? t('outbox.sms') : message.channel === 'email' ? t('outbox.email') : message.channel}
                  </span>{' '}
                  {t('outbox.to', { to: message.to })} · {formatDateTime(message.created_at, language)}
                </p>
                {message.subject ? <p className="outbox__subject">{message.subject}</p> : null}
                {message.code ? (
                  <p className="outbox__code">
                    <span className="visually-hidden">{t('outbox.code')} </span>
                    <span data-testid="outbox-code">{message.code}</span>
                  </p>
                ) : null}
                {message.link ? (
                  <p>
                    {path ? (
                      <Link to={path} className="action-link">
                        {t('outbox.openLink')}
                      </Link>
                    ) : (
                      <a href={message.link} className="action-link">
                        {t('outbox.openLink')}
                      </a>
                    )}
                  </p>
                ) : null}
                <details className="details">
                  <summary className="details__summary">{t('outbox.body')}</summary>
                  <pre className="outbox__body">{message.body}</pre>
                </details>
              </li>
            );
          })}
        </ol>
      ) : null}
    </Page>
  );
}
