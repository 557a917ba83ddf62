import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/Field';
import { formatIsoDate } from '../../../lib/date';
import { describeError, errorFor, type Message } from '../../../lib/messages';
import { findVerifications, type VerificationRecord } from '../api/find-verifications';

type FindRecordProps = {
  /** The page's errors: this form's own is at `search`. */
  errors: Message[];
  /** Shows errors in the page's error summary (an empty list clears it). */
  report: (errors: Message[]) => void;
  onChosen: (record: VerificationRecord) => void;
};

/** Finds the record of the worker at the desk by email or document number, instead of typing its id. */
export function FindRecord({ errors, report, onChosen }: FindRecordProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<VerificationRecord[] | null>(null);

  async function find(event: FormEvent) {
    event.preventDefault();
    if (!search.trim()) {
      report([{ field: 'search', key: 'resetPhone.find.required' }]);
      return;
    }
    report([]);
    try {
      setFound(await findVerifications(search));
    } catch (error) {
      report([describeError(error, { forbidden: 'verifier.errors.notVerifier' })]);
    }
  }

  return (
    <>
      <h2>{t('resetPhone.find.title')}</h2>
      <form noValidate onSubmit={(event) => void find(event)}>
        <TextField
          id="search"
          label={t('resetPhone.find.label')}
          hint={t('resetPhone.find.hint')}
          autoComplete="off"
          spellCheck={false}
          value={search}
          onValue={setSearch}
          error={errorFor(errors, 'search')}
        />
        <button type="submit" className="button button--secondary">
          {t('resetPhone.find.submit')}
        </button>
      </form>
      {found && found.length === 0 ? <p role="status">{t('resetPhone.find.none')}</p> : null}
      {found && found.length > 0 ? (
        <ul data-testid="found-records">
          {found.map((record) => (
            <li key={record.id}>
              <p>
                {t('resetPhone.find.chosen', {
                  reference: record.reference,
                  name: `${record.given_names} ${record.surname}`,
                  date: formatIsoDate(record.date_of_birth, language),
                  document: record.document_number_masked,
                })}
              </p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  onChosen(record);
                  setFound(null);
                }}
              >
                {t('resetPhone.find.use')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
