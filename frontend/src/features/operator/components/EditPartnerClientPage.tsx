import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { describeError, useMessageText, type Message } from '../../../lib/messages';
import { usePartnerClient, useUpdatePartnerClient, type PartnerClient } from '../api/partner-clients';
import { clientErrorsFromServer, validateClientChanges, valuesFromClient, type ClientValues } from '../validation';
import { PartnerClientFields } from './PartnerClientFields';
import type { PartnerClientsState } from './PartnerClientsPage';

/** `/operator/partner-clients/:clientId/…`: the client from the list, or why it cannot be shown. */
export function WithPartnerClient({ children }: { children: (client: PartnerClient) => ReactNode }) {
  const { t } = useTranslation();
  const text = useMessageText();
  const { clientId = '' } = useParams();
  const { client, isPending, isError, error } = usePartnerClient(clientId);
  if (isPending) {
    return (
      <Page title={t('operator.clients.title')}>
        <Skeleton lines={4} />
      </Page>
    );
  }
  if (isError || !client) {
    return (
      <Page title={t('operator.clients.title')} error>
        <p role="alert">{isError ? text(describeError(error)) : t('operator.edit.notFound')}</p>
        <p>
          <Link className="action-link" to="/operator/partner-clients">
            {t('operator.clients.back')}
          </Link>
        </p>
      </Page>
    );
  }
  return children(client);
}

export function EditPartnerClientPage() {
  return <WithPartnerClient>{(client) => <EditPartnerClientForm client={client} />}</WithPartnerClient>;
}

/** Name, webhook URL and event types of a client; only what changed is sent. */
function EditPartnerClientForm({ client }: { client: PartnerClient }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdatePartnerClient();
  const [values, setValues] = useState<ClientValues>(() => valuesFromClient(client));
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const { errors: invalid, body } = validateClientChanges(values, client);
    setErrors(invalid);
    if (!body) return;
    update.mutate(
      { clientId: client.client_id, body },
      {
        onSuccess: (saved) => {
          const state: PartnerClientsState = { done: 'saved', name: saved.name };
          void navigate('/operator/partner-clients', { state });
        },
        onError: (error) => {
          setAttempt((n) => n + 1);
          setErrors(clientErrorsFromServer(error, values.all_events));
        },
      },
    );
  }

  return (
    <Page
      title={t('operator.edit.title', { name: client.name })}
      caption={t('operator.edit.caption', { clientId: client.client_id })}
    >
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit}>
        <PartnerClientFields values={values} onValues={setValues} errors={errors} mode="edit" />
        <div className="button-group">
          <button type="submit" className="button" disabled={update.isPending}>
            {t('operator.edit.submit')}
          </button>
          <Link className="action-link" to="/operator/partner-clients">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
