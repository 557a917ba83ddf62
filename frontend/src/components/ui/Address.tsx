import { useTranslation } from 'react-i18next';
import { addressLines, type PostalAddress } from '../../lib/address';

/** A postal address on separate lines, as the destination country writes it. */
export function Address({ address }: { address: PostalAddress }) {
  const { i18n } = useTranslation();
  return (
    <span className="address">
      {addressLines(address, i18n.resolvedLanguage ?? 'en').map((line, index) => (
        <span key={`${index}-${line}`} className="address__line">
          {line}
        </span>
      ))}
    </span>
  );
}
