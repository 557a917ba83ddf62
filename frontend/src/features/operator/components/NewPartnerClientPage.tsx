import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import type { Message } from '../../../lib/messages';
import { useCreatePartnerClient, type PartnerSecrets } from '../api/partner-clients';
import { clientErrorsFromServer, emptyClientValues, validateNewClient, type ClientValues } from '../validation';
import { PartnerClientFields } from './PartnerClientFields';
import type { PartnerClientsState } from './PartnerClientsPage';
import { SecretsView } from './SecretsView';

/**
 * A new partner client; on success its secrets, this once. They live in this page's state only (not in
 * the URL, the history or the query cache), so leaving the page loses them for good.
 */
export function NewPartnerClientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePartnerClient();
  const [values, setValues] = useState<ClientValues>(emptyClientValues);
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [secrets, setSecrets] = useState<{ name: string; secrets: PartnerSecrets } | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const { errors: invalid, body } = validateNewClient(values);
    setErrors(invalid);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (answer) => {
        setSecrets({ name: body.name, secrets: answer });
        create.reset();
      },
      onError: (error) => {
        setAttempt((n) => n + 1);
        setErrors(clientErrorsFromServer(error, values.all_events));
      },
    });
  }

  if (secrets) {
    return (
      <Page title={t('operator.secrets.createdTitle')} caption={secrets.name}>
        <SecretsView
          secrets={secrets.secrets}
          onDone={() => {
            const state: PartnerClientsState = { done: 'created', name: secrets.name };
            setSecrets(null);
            void navigate('/operator/partner-clients', { replace: true, state });
          }}
        />
      </Page>
    );
  }

  return (
    <Page title={t('operator.new.title')}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit}>
        <PartnerClientFields values={values} onValues={setValues} errors={errors} mode="new" />
        <div className="button-group">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('operator.new.submit')}
          </button>
          <Link className="action-link" to="/operator/partner-clients">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
