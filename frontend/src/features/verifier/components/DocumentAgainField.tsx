import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/Field';
import type { Message } from '../../../lib/messages';

type DocumentAgainFieldProps = { value: string; onValue: (value: string) => void; error?: Message };

/** The number of the document the worker shows at the desk now: it must be the one recorded. */
export function DocumentAgainField({ value, onValue, error }: DocumentAgainFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      id="document_number"
      label={t('resetPhone.documentNumber')}
      hint={t('resetPhone.documentNumberHint')}
      width={20}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      value={value}
      onValue={onValue}
      error={error}
    />
  );
}
