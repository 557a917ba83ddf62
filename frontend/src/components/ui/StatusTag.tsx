import { useTranslation } from 'react-i18next';
import { statusKey, statusTone, type Audience } from '../../lib/status';

type StatusTagProps = { kind: 'order' | 'card'; status: string; audience?: Audience };

/** An order or card status as a coloured tag with words (never colour alone). */
export function StatusTag({ kind, status, audience }: StatusTagProps) {
  const { t } = useTranslation();
  return (
    <strong className={`tag tag--${statusTone(kind, status)}`} data-status={status}>
      {t(statusKey(kind, status, audience))}
    </strong>
  );
}
