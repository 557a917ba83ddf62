import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Radios } from '../../../components/ui/Field';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { useMe } from '../../../lib/auth';
import { changeLanguage } from '../../../lib/i18n';
import { isLanguageCode, languages } from '../../../lib/i18n/languages';
import { describeError, type Message } from '../../../lib/messages';
import { useUpdateLanguage } from '../api/update-language';

/** The language of this site and of the emails and text messages the account receives. */
export function LanguagePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('languagePage.title')}>
      {me.data ? <LanguageForm current={me.data.language} /> : <Skeleton lines={3} />}
    </Page>
  );
}

function LanguageForm({ current }: { current: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(current);
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const update = useUpdateLanguage();

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!isLanguageCode(value)) {
      setErrors([{ field: 'language', key: 'languagePage.required' }]);
      return;
    }
    update.mutate(value, {
      onSuccess: () =>
        void changeLanguage(value).then(() => navigate('/account', { state: { saved: 'language' } })),
      onError: (error) => setErrors([describeError(error)]),
    });
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit}>
        <Radios
          id="language"
          legend={t('languagePage.legend')}
          hint={t('languagePage.hint')}
          value={value}
          onValue={setValue}
          options={languages.map((language) => ({
            value: language.code,
            label: language.nativeName,
            lang: language.code,
          }))}
          error={errors.find((error) => 'field' in error)}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={update.isPending}>
            {t('languagePage.submit')}
          </button>
          <Link className="action-link" to="/account">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
