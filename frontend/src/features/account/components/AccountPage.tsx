import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { SummaryList } from '../../../components/ui/SummaryList';
import { useMe } from '../../../lib/auth';
import { countryByAlpha3, countryName } from '../../../lib/countries';
import { formatIsoDate } from '../../../lib/date';
import { isLanguageCode, languages } from '../../../lib/i18n/languages';
import { describeError, useMessageText } from '../../../lib/messages';
import { formatPhone } from '../../../lib/phone';

export type AccountSaved = 'address' | 'phone' | 'language';

/** "Your details": the verified identity (read-only), contact details and language, with change links. */
export function AccountPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const text = useMessageText();
  const saved = (useLocation().state as { saved?: AccountSaved } | null)?.saved;
  const me = useMe();

  const savedTitles: Record<AccountSaved, string> = {
    address: t('account.saved.address'),
    phone: t('account.saved.phone'),
    language: t('account.saved.language'),
  };

  if (me.isPending) {
    return (
      <Page title={t('account.title')}>
        <Skeleton lines={6} />
      </Page>
    );
  }
  if (me.isError) {
    return (
      <Page title={t('account.title')} error>
        <p role="alert">{text(describeError(me.error))}</p>
      </Page>
    );
  }

  const { person, contact } = me.data;
  const nationality = (code: string) => {
    const country = countryByAlpha3(code);
    return country ? countryName(country.alpha2, language) : code;
  };
  const change = (to: string, what: string, add = false) => (
    <Link to={to}>
      {add ? t('common.add') : t('common.change')}
      {' '}
      <span className="visually-hidden">{what}</span>
    </Link>
  );
  const hasAddress = Boolean(contact.address_line1 && contact.city && contact.country);
  const accountLanguage = isLanguageCode(me.data.language)
    ? languages.find((option) => option.code === me.data.language)?.nativeName
    : me.data.language;

  return (
    <Page title={t('account.title')}>
      {saved ? <Notice title={savedTitles[saved]} /> : null}

      <h2>{t('account.identity.title')}</h2>
      {person ? (
        <>
          <p>{t('account.identity.explanation')}</p>
          <SummaryList
            rows={[
              { key: 'given', label: t('account.identity.givenNames'), value: person.given_names },
              { key: 'surname', label: t('account.identity.surname'), value: person.surname },
              {
                key: 'dob',
                label: t('account.identity.dateOfBirth'),
                value: formatIsoDate(person.date_of_birth, language),
              },
              { key: 'nationality', label: t('account.identity.nationality'), value: nationality(person.nationality) },
              {
                key: 'document',
                label: t('account.identity.document'),
                value: `${
                  person.document_type === 'national_id'
                    ? t('documentType.national_id')
                    : t('documentType.passport')
                } ${person.document_number_masked}`,
              },
            ]}
          />
        </>
      ) : (
        <p>{t('account.identity.none')}</p>
      )}

      <h2>{t('account.contact.title')}</h2>
      <SummaryList
        rows={[
          { key: 'email', label: t('account.contact.email'), value: me.data.email },
          {
            key: 'phone',
            label: t('account.contact.phone'),
            value: contact.phone ? formatPhone(contact.phone) : t('account.contact.notGiven'),
            action: change('/account/phone', t('account.contact.phoneLower'), !contact.phone),
          },
          {
            key: 'address',
            label: t('account.contact.address'),
            value: hasAddress ? (
              <span className="address">
                {[
                  contact.address_line1,
                  contact.address_line2,
                  [contact.postal_code, contact.city].filter(Boolean).join(' '),
                  contact.country ? countryName(contact.country, language) : null,
                ]
                  .filter(Boolean)
                  .map((line) => (
                    <span key={line} className="address__line">
                      {line}
                    </span>
                  ))}
              </span>
            ) : (
              t('account.contact.notGiven')
            ),
            action: change('/account/address', t('account.contact.addressLower'), !hasAddress),
          },
        ]}
      />

      <h2>{t('account.language.title')}</h2>
      <SummaryList
        rows={[
          {
            key: 'language',
            label: t('account.language.label'),
            value: <span lang={me.data.language}>{accountLanguage}</span>,
            action: change('/account/language', t('account.language.lower')),
          },
        ]}
      />

      <h2>{t('account.security.title')}</h2>
      <p>{me.data.totp_enabled ? t('account.security.totpOn') : t('account.security.totpOff')}</p>
      <p>
        <Link className="action-link" to="/account/security">
          {t('account.security.link')}
        </Link>
      </p>
    </Page>
  );
}
