import { useTranslation } from 'react-i18next';
import { useHealth } from '../api/get-health';

/** The service's liveness in words, announced to screen readers when it arrives. */
export function ServiceStatus() {
  const { t } = useTranslation();
  const health = useHealth();

  let text: string;
  if (health.isPending) {
    text = t('health.checking');
  } else if (health.isError) {
    text = t('health.status', { status: t('health.states.unavailable') });
  } else if (health.data.status === 'ok') {
    text = t('health.status', { status: t('health.states.ok') });
  } else {
    text = t('health.status', { status: t('health.states.unknown') });
  }

  return (
    <p className="status" role="status" aria-live="polite" data-state={health.status}>
      {text}
    </p>
  );
}
