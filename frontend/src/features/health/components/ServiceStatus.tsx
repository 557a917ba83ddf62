import { useTranslation } from 'react-i18next';
import { useLoadedAndIdle } from '../../../lib/idle';
import { useHealth } from '../api/get-health';

/**
 * The service's liveness in words, announced to screen readers when it arrives. It is not needed to
 * use the page, so `/healthz` is asked only after the page has loaded and the browser is idle; until
 * then the line says the service is being checked, so it holds its place and nothing moves.
 */
export function ServiceStatus() {
  const { t } = useTranslation();
  const loaded = useLoadedAndIdle();
  const health = useHealth({ enabled: loaded });

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
