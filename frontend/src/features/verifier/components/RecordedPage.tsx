import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { Page } from '../../../components/ui/Page';

type RecordedState = { record?: { id: string; reference?: string; verified_at: string }; email?: string } | null;

/** The check is recorded: the record id (for a later phone reset) and what happens next. */
export function RecordedPage() {
  const { t } = useTranslation();
  const state = useLocation().state as RecordedState;
  if (!state?.record) return <Navigate to="/verifier" replace />;

  return (
    <Page title={t('verifier.recorded.title')}>
      <div className="panel panel--success">
        <p className="panel__body">{t('verifier.recorded.idLabel')}</p>
        <p className="panel__id" data-testid="record-id">
          {state.record.id}
        </p>
        {state.record.reference ? (
          <p className="panel__body">
            {t('verifier.recorded.referenceLabel')}: <strong data-testid="record-reference">{state.record.reference}</strong>
          </p>
        ) : null}
      </div>
      <p>{t('verifier.recorded.email', { email: state.email ?? '' })}</p>
      <p>{t('verifier.recorded.keepId')}</p>
      <ul className="link-list">
        <li>
          <Link className="action-link" to={`/verifier/records/${encodeURIComponent(state.record.id)}`}>
            {t('verifier.records.open')}
          </Link>
        </li>
        <li>
          <Link className="action-link" to="/verifier">
            {t('verifier.recorded.another')}
          </Link>
        </li>
        <li>
          <Link className="action-link" to={`/verifier/reset-phone?record=${encodeURIComponent(state.record.id)}`}>
            {t('verifier.resetLink')}
          </Link>
        </li>
      </ul>
    </Page>
  );
}
