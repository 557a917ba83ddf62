import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextField } from '../../../components/ui/Field';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { isApiError } from '../../../lib/api';
import { describeError, errorFor, type FieldError, type Message } from '../../../lib/messages';
import { statusKey } from '../../../lib/status';
import { activateInPerson, cardsAtDesk, type CardAtDesk } from '../api/activate-in-person';
import type { VerificationRecord } from '../api/find-verifications';
import { isDocumentNumber, normaliseDocumentNumber } from '../validation';
import { DocumentAgainField } from './DocumentAgainField';
import { FindRecord } from './FindRecord';

/**
 * A worker who cannot activate their card alone (five wrong card numbers lock it): the verifier finds their
 * record, checks the document and the card in person, and activates it; the worker gets the PIN here.
 */
export function ActivateCardPage() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [record, setRecord] = useState<VerificationRecord | null>(null);
  const [cards, setCards] = useState<CardAtDesk[] | null>(null);
  const [card, setCard] = useState<CardAtDesk | null>(null);
  const [cardNumber, setCardNumber] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [pin, setPin] = useState<string | null>(null);

  const report = (found: Message[]) => {
    setAttempt((n) => n + 1);
    setErrors(found);
  };

  async function choose(chosen: VerificationRecord) {
    setRecord(chosen);
    setCard(null);
    setPin(null);
    try {
      setCards(await cardsAtDesk(chosen.id));
    } catch (error) {
      report([describeError(error, { forbidden: 'verifier.errors.notVerifier' })]);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!card) return;
    const invalid: FieldError[] = [];
    if (!cardNumber.trim()) invalid.push({ field: 'card_number', key: 'activateInPerson.errors.cardNumberRequired' });
    if (!documentNumber.trim()) {
      invalid.push({ field: 'document_number', key: 'verifier.errors.documentNumberRequired' });
    } else if (!isDocumentNumber(documentNumber)) {
      invalid.push({ field: 'document_number', key: 'verifier.errors.documentNumber' });
    }
    report(invalid);
    if (invalid.length > 0) return;
    setBusy(true);
    try {
      const activated = await activateInPerson({
        cardId: card.id,
        cardNumber: cardNumber.replace(/\s+/g, '').toUpperCase(),
        documentNumber: normaliseDocumentNumber(documentNumber),
      });
      setPin(activated.pin);
      setCards(null);
      setCard(null);
      setCardNumber('');
      setDocumentNumber('');
    } catch (error) {
      if (isApiError(error) && error.code === 'document_mismatch') {
        report([{ field: 'document_number', key: 'resetPhone.errors.documentMismatch' }]);
      } else if (isApiError(error) && error.code === 'card_number_mismatch') {
        report([{ field: 'card_number', key: 'activateInPerson.errors.cardMismatch' }]);
      } else {
        report([describeError(error, { forbidden: 'verifier.errors.notVerifier' })]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('activateInPerson.title')} caption={t('verifier.caption')}>
      {pin ? (
        <Notice title={t('activateInPerson.done.title')} focus>
          <p>{t('activateInPerson.done.body', { pin })}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('activateInPerson.intro')}</p>
      <FindRecord errors={errors} report={report} onChosen={(chosen) => void choose(chosen)} />
      {record && cards ? (
        <>
          <h2>{t('activateInPerson.cardsTitle', { name: `${record.given_names} ${record.surname}` })}</h2>
          {cards.length === 0 ? <p role="status">{t('activateInPerson.none')}</p> : null}
          <ul data-testid="cards-at-desk">
            {cards.map((c) => (
              <li key={c.id}>
                <p>
                  {t('activateInPerson.card', { last4: c.card_number_last4, status: t(statusKey('card', c.status)) })}
                  {c.activation_locked ? ` — ${t('activateInPerson.locked')}` : null}
                </p>
                {c.status === 'inactive' ? (
                  <button type="button" className="button button--secondary" onClick={() => setCard(c)}>
                    {t('activateInPerson.choose', { last4: c.card_number_last4 })}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {card ? (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <h2>{t('activateInPerson.formTitle', { last4: card.card_number_last4 })}</h2>
          <TextField
            id="card_number"
            label={t('activateInPerson.cardNumber')}
            hint={t('activateInPerson.cardNumberHint')}
            width={20}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={cardNumber}
            onValue={setCardNumber}
            error={errorFor(errors, 'card_number')}
          />
          <DocumentAgainField value={documentNumber} onValue={setDocumentNumber} error={errorFor(errors, 'document_number')} />
          <button type="submit" className="button" disabled={busy}>
            {t('activateInPerson.submit')}
          </button>
        </form>
      ) : null}
      <p>
        <Link to="/verifier">{t('resetPhone.back')}</Link>
      </p>
    </Page>
  );
}
