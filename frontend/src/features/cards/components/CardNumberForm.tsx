import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextField } from '../../../components/ui/Field';
import { isApiError } from '../../../lib/api';
import { isCardNumber, normaliseCardNumber } from '../../../lib/card-number';
import { describeError, errorFor, type Message } from '../../../lib/messages';

type CardNumberFormProps = {
  submitLabel: string;
  busy: boolean;
  /** Sends the typed number; throws the API's error. */
  onNumber: (cardNumber: string) => Promise<unknown>;
};

/** The card number typed from the physical card, checked for shape before it is sent. */
export function CardNumberForm({ submitLabel, busy, onNumber }: CardNumberFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const number = normaliseCardNumber(value);
    if (!number) {
      setErrors([{ field: 'card_number', key: 'cards.errors.required' }]);
      return;
    }
    if (!isCardNumber(number)) {
      setErrors([{ field: 'card_number', key: 'cards.errors.format' }]);
      return;
    }
    setErrors([]);
    try {
      await onNumber(number);
    } catch (error) {
      if (isApiError(error) && error.code === 'card_number_mismatch') {
        setErrors([{ field: 'card_number', key: 'cards.errors.mismatch' }]);
      } else {
        setErrors([
          describeError(error, {
            activation_locked: 'cards.errors.locked',
            invalid_state: 'cards.errors.invalidState',
          }),
        ]);
      }
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="card_number"
          label={t('cards.numberLabel')}
          hint={t('cards.numberHint')}
          width={20}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="input--card-number"
          value={value}
          onValue={setValue}
          error={errorFor(errors, 'card_number')}
        />
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}

/** The PIN, large, with what to do with it; it takes focus, as the form it replaces had it. */
export function PinPanel({ pin }: { pin: string }) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <div className="panel panel--success" data-testid="pin-panel" ref={panel} tabIndex={-1}>
      <p className="panel__body">{t('cards.pin.yourPin')}</p>
      <p className="pin" data-testid="pin">
        {pin}
      </p>
      <p className="panel__note">{t('cards.pin.keepSecret')}</p>
    </div>
  );
}
