import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDevMode } from '../api/get-outbox';

/** A footer link to the outbox, only when the server is in development mode. */
export function DevOutboxLink() {
  const { t } = useTranslation();
  const devMode = useDevMode();
  if (!devMode) return null;
  return (
    <p>
      <Link to="/dev/outbox">{t('outbox.footerLink')}</Link>
    </p>
  );
}
