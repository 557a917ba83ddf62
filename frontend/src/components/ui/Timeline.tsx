import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/date';
import { statusKey, statusTone, type Audience } from '../../lib/status';

type TimelineProps = {
  /** What has happened, oldest first (the API's `history`). */
  entries: readonly { status: string; at: string }[];
  /** Statuses still ahead, shown as "not yet". */
  upcoming?: readonly string[];
  /** The list's accessible name, e.g. "Progress of the order". */
  label: string;
  audience?: Audience;
};

/**
 * An order's history as a vertical list: each step in words with its date and time, the current
 * one marked, then the steps still to come. The marker colours repeat what the words say.
 */
export function Timeline({ entries, upcoming = [], label, audience }: TimelineProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <ol className="timeline" aria-label={label}>
      {entries.map((entry, index) => {
        const current = index === entries.length - 1;
        return (
          <li
            key={`${entry.status}-${entry.at}`}
            className={[
              'timeline__item',
              `timeline__item--${current ? 'current' : 'done'}`,
              `timeline__item--${statusTone('order', entry.status)}`,
            ].join(' ')}
            aria-current={current ? 'step' : undefined}
          >
            <span className="timeline__status">{t(statusKey('order', entry.status, audience))}</span>
            {current ? <>{' '}<span className="visually-hidden">({t('timeline.current')})</span></> : null}
            <time className="timeline__time" dateTime={entry.at}>
              {formatDateTime(entry.at, language)}
            </time>
          </li>
        );
      })}
      {upcoming.map((status) => (
        <li key={`upcoming-${status}`} className="timeline__item timeline__item--upcoming">
          <span className="timeline__status">{t(statusKey('order', status, audience))}</span>
          <span className="timeline__time">{t('timeline.notYet')}</span>
        </li>
      ))}
    </ol>
  );
}
