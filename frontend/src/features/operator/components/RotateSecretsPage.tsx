import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { describeError, type Message } from '../../../lib/messages';
import { useRotatePartnerSecrets, type PartnerClient, type PartnerSecrets } from '../api/partner-clients';
import { WithPartnerClient } from './EditPartnerClientPage';
import type { PartnerClientsState } from './PartnerClientsPage';
import { SecretsView } from './SecretsView';

export function RotateSecretsPage() {
  return <WithPartnerClient>{(client) => <RotateSecrets client={client} />}</WithPartnerClient>;
}

/**
 * Rotating cannot be undone and cuts the partner off until it uses the new secret, so it is asked
 * first, on a page of its own; the new secrets then show once, in this page's state only.
 */
function RotateSecrets({ client }: { client: PartnerClient }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rotate = useRotatePartnerSecrets();
  const [secrets, setSecrets] = useState<PartnerSecrets | null>(null);
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);

  function send() {
    rotate.mutate(client.client_id, {
      onSuccess: (answer) => {
        setSecrets(answer);
        rotate.reset();
      },
      onError: (error) => {
        setAttempt((n) => n + 1);
        setErrors([describeError(error, { not_found: 'operator.edit.notFound' })]);
      },
    });
  }

  if (secrets) {
    return (
      <Page title={t('operator.secrets.rotatedTitle')} caption={client.name}>
        <SecretsView
          secrets={secrets}
          onDone={() => {
            const state: PartnerClientsState = { done: 'rotated', name: client.name };
            setSecrets(null);
            void navigate('/operator/partner-clients', { replace: true, state });
          }}
        />
      </Page>
    );
  }

  return (
    <Page title={t('operator.rotate.title', { name: client.name })} caption={t('operator.edit.caption', { clientId: client.client_id })}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <div className="warning-box">
        <h2 className="warning-box__title">{t('operator.rotate.warningTitle')}</h2>
        <p>{t('operator.rotate.body')}</p>
      </div>
      <p>{t('operator.rotate.next')}</p>
      <div className="button-group">
        <button type="button" className="button button--warning" disabled={rotate.isPending} onClick={send}>
          {t('operator.rotate.submit')}
        </button>
        <Link className="action-link" to="/operator/partner-clients">
          {t('operator.rotate.cancel')}
        </Link>
      </div>
    </Page>
  );
}
